import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { completeLesson } from '../operations/completeLesson'
import { idParam } from './schemas'

const body = z.object({}).strict()

/** POST /api/lessons/:id/complete → 200 { lesson, course, completed, progressPct, courseCompleted } (idempotent). */
export const completeLessonEndpoint: Endpoint = {
  path: '/:id/complete',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      body.parse(raw)
      return completeLesson(req, idParam.parse(req.routeParams).id)
    },
    { status: 200, requireUser: true },
  ),
}
