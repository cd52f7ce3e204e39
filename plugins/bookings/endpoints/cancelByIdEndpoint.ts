import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/**
 * `POST /:id/cancel` with an optional body `{ "reason"?: string }` (≤ 500 characters, nothing
 * else): the id and body are validated (400 `invalid_input`), then `cancel` runs in the request's
 * transaction and its answer is the response. Every cancel endpoint of the plugin is one of these.
 */
export const cancelByIdEndpoint = (
  cancel: (req: PayloadRequest, input: { id: string; reason?: string }) => Promise<unknown>,
): Endpoint => ({
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    return cancel(req, { id, reason })
  }),
})
