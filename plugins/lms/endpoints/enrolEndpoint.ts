import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { enrol } from '../operations/enrol'
import { idParam } from './schemas'

const body = z.object({}).strict()

/** POST /api/courses/:id/enrol → 201 { enrollment } (200 when already enrolled); 403 with why when the member may not. */
export const enrolEndpoint: Endpoint = {
  path: '/:id/enrol',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      body.parse(raw)
      const enrollment = await enrol(req, idParam.parse(req.routeParams).id)
      return Response.json({ enrollment }, { status: enrollment.created ? 201 : 200 })
    },
    { status: 201, requireUser: true },
  ),
}
