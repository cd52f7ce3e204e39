import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { viewLesson } from '../operations/viewLesson'
import { idParam } from './schemas'

/**
 * GET /api/lessons/:id/view → 200 { lesson, content: { media, body… }, access } when the access
 * decision allows it; 401 / 403 `lesson_locked` (with when) / 403 `no_access`… / 404 otherwise,
 * never with media.
 */
export const lessonViewEndpoint: Endpoint = {
  path: '/:id/view',
  method: 'get',
  handler: endpointHandler(async (req) => viewLesson(req, idParam.parse(req.routeParams).id), { status: 200 }),
}
