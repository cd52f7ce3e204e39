import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { completeLesson } from '../operations/completeLesson'
import { idParam } from './schemas'

/** `{ member }`: a grader marks a live-session lesson done for that member (see completeLesson). */
const body = z.object({ member: z.string().uuid('member must be a membership id').optional() }).strict()

/**
 * POST /api/lessons/:id/complete `{ member? }` → 200 { lesson, course, completed, progressPct, courseCompleted }
 * (idempotent); `member`: a grader marks a live-session lesson done for that member.
 */
export const completeLessonEndpoint: Endpoint = {
  path: '/:id/complete',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const input = body.parse(raw)
      return completeLesson(req, idParam.parse(req.routeParams).id, input)
    },
    { status: 200, requireUser: true },
  ),
}
