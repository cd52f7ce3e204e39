import type { ArrayField, Validate } from 'payload'

const idOf = (v: unknown): string | null =>
  v == null ? null : String(typeof v === 'object' ? (v as { id: unknown }).id : v)

/** A checkpoint's quiz must belong to the lesson's tenant. */
const quizOfTenant: Validate = async (value, { req, data }) => {
  const quiz = idOf(value)
  if (!quiz) return 'Choose a quiz.'
  const tenant = idOf((data as { tenant?: unknown } | undefined)?.tenant)
  const doc = await req.payload.findByID({ collection: 'quizzes', id: quiz, depth: 0, req, disableErrors: true })
  if (!doc) return 'No such quiz.'
  return !tenant || idOf(doc.tenant) === tenant ? true : 'The quiz belongs to another business.'
}

/**
 * Quizzes placed at timestamps inside a video lesson: playback pauses there, and the lesson
 * completes only when each checkpoint's quiz is passed (enforced in `recordCompletion`).
 */
export const checkpointsField = (): ArrayField => ({
  name: 'checkpoints',
  type: 'array',
  admin: {
    condition: (data) => data?.itemType === 'video',
    description: 'Quizzes at timestamps in the video; each must be passed for the lesson to complete.',
  },
  fields: [
    { name: 'atSeconds', type: 'number', required: true, min: 0 },
    { name: 'quiz', type: 'relationship', relationTo: 'quizzes', required: true, validate: quizOfTenant },
  ],
})
