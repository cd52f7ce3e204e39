import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { previewAudience } from '../../operations/automations/previewAudience'

/** `GET /api/automations/:id/preview`: who would receive this automation today (count + first 20). */
export const automationPreviewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: endpointHandler(async (req) => previewAudience(req, z.string().uuid().parse(req.routeParams?.id)), {
    requireUser: true,
  }),
}
