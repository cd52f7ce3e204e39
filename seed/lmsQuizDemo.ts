import type { Payload } from 'payload'

/** The demo quiz of lumen-creator (a small bank in two categories); adds it only when missing. */
export const seedLmsQuizDemo = async (payload: Payload, tenant: string): Promise<number> => {
  if (!payload.collections['quizzes']) return 0
  const title = 'Check your understanding'
  const existing = await payload.find({
    collection: 'quizzes',
    where: { and: [{ tenant: { equals: tenant } }, { title: { equals: title } }] },
    limit: 1,
    depth: 0,
  })
  if (existing.docs[0]) return 0
  await payload.create({
    collection: 'quizzes',
    data: {
      tenant,
      title,
      drawCount: 2,
      drawPerCategory: true,
      attemptLimit: 3,
      gradingMethod: 'highest',
      timeLimitMinutes: 15,
      passMarkPct: 70,
      resumeHours: 24,
      questions: [
        {
          category: 'light',
          kind: 'single',
          prompt: 'Which light is softest for a portrait?',
          choices: [
            { text: 'Overcast daylight', correct: true },
            { text: 'Noon sun', correct: false },
            { text: 'A bare flash', correct: false },
          ],
        },
        { category: 'light', kind: 'true_false', prompt: 'Golden hour comes just after sunrise.', trueAnswer: true },
        {
          category: 'light',
          kind: 'multiple',
          prompt: 'Which of these soften light?',
          choices: [
            { text: 'A diffuser', correct: true },
            { text: 'A bounce card', correct: true },
            { text: 'A snoot', correct: false },
          ],
        },
        {
          category: 'composition',
          kind: 'short',
          prompt: 'Name the rule that splits the frame into a 3 × 3 grid.',
          acceptedAnswers: 'rule of thirds\nthirds',
        },
        {
          category: 'composition',
          kind: 'true_false',
          prompt: 'Leading lines draw the eye away from the subject.',
          trueAnswer: false,
        },
      ],
    },
  })
  return 1
}
