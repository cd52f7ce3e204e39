import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { saveAnswers, submitAttempt } from '../operations/quizAttempts'
import { idParam } from './schemas'

const answer = z.union([z.array(z.number().int().min(0)).max(50), z.boolean(), z.string().max(2000)])
const answers = z.record(z.string(), answer)

/** PATCH /api/quiz-submissions/:id/answers { answers } → 200 the attempt with its saved answers. */
export const saveAnswersEndpoint: Endpoint = {
  path: '/:id/answers',
  method: 'patch',
  handler: endpointHandler(
    async (req, raw) => {
      const input = z.object({ answers }).strict().parse(raw)
      return saveAnswers(req, idParam.parse(req.routeParams).id, input.answers)
    },
    { status: 200, requireUser: true },
  ),
}

/**
 * POST /api/quiz-submissions/:id/submit { answers? } → 200 { id, scorePct, passed, late, grade, gradePassed }.
 * Other keys (a client's `score`, `passed`, …) are stripped: the server computes the score.
 */
export const submitAttemptEndpoint: Endpoint = {
  path: '/:id/submit',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const input = z.object({ answers: answers.optional() }).parse(raw ?? {})
      return submitAttempt(req, idParam.parse(req.routeParams).id, input.answers)
    },
    { status: 200, requireUser: true },
  ),
}
