import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { startAttempt } from '../operations/quizAttempts'
import { idParam } from './schemas'

const body = z.object({}).strict()

/** POST /api/quizzes/:id/attempts → 200 the open (resumed or new) attempt: questions without answers, saved answers. */
export const startAttemptEndpoint: Endpoint = {
  path: '/:id/attempts',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      body.parse(raw ?? {})
      return startAttempt(req, idParam.parse(req.routeParams).id)
    },
    { status: 200, requireUser: true },
  ),
}
