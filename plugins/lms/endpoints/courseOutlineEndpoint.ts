import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { courseOutline } from '../operations/courseOutline'
import { idParam } from './schemas'

/**
 * GET /api/courses/:id/outline → 200 { course, access, enrollment, modules: [{ lessons: [{ access,
 * completed, after }] }], next } for the viewer (signed in or not); 404 when the course is not published.
 */
export const courseOutlineEndpoint: Endpoint = {
  path: '/:id/outline',
  method: 'get',
  handler: endpointHandler(async (req) => courseOutline(req, idParam.parse(req.routeParams).id), { status: 200 }),
}
