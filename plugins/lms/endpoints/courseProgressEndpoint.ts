import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { courseProgress } from '../operations/courseProgress'
import { idParam } from './schemas'

/** GET /api/courses/:id/progress → 200 { course, enrollment, lessons: [{ id, completed, access }] } for the signed-in member. */
export const courseProgressEndpoint: Endpoint = {
  path: '/:id/progress',
  method: 'get',
  handler: endpointHandler(async (req) => courseProgress(req, idParam.parse(req.routeParams).id), {
    status: 200,
    requireUser: true,
  }),
}
