import type { Endpoint } from 'payload'
import { endpointHandler, OperationError } from '@/core'
import { writeNow } from '../operations/writeNow'

/** `POST /api/seo-subscriptions/:id/write-now` (managers): the period's post, or a queued job writing it (202). */
export const writeNowEndpoint = (defaultCap: number): Endpoint => ({
  path: '/:id/write-now',
  method: 'post',
  handler: endpointHandler(
    async (req) => {
      const id = req.routeParams?.id
      if (typeof id !== 'string') throw new OperationError(404, 'not_found', 'This subscription does not exist.')
      const reply = await writeNow(req, id, { defaultCap })
      return Response.json(reply, { status: reply.status === 'queued' ? 202 : 200 })
    },
    { requireUser: true },
  ),
})
