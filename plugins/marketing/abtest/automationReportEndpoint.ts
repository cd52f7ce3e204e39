import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { automationReport } from './automationReport'

/** `GET /api/automations/:id/report`: the A/B report (staff of the tenant; 404 otherwise). */
export const automationReportEndpoint: Endpoint = {
  path: '/:id/report',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const id = z.string().uuid({ message: 'The automation id must be a UUID.' }).safeParse(req.routeParams?.id)
      if (!id.success) return Response.json({ errors: [{ message: id.error.issues[0].message }] }, { status: 400 })
      return automationReport(req, id.data)
    },
    { requireUser: true, transaction: false },
  ),
}
