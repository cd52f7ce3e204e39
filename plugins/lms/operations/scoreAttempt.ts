import type { Answer, DrawnQuestion, QuestionKey } from '../quizTypes'

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x))

/** The percentage (0–100, rounded down) of drawn questions answered right, from the stored key only. */
export const scoreAttempt = (
  questions: DrawnQuestion[],
  key: QuestionKey[],
  answers: Record<string, Answer>,
): number => {
  if (questions.length === 0) return 0
  const right = questions.filter((q, i) => {
    const k = key[i]
    const a = answers[q.id]
    if (a === undefined || !k) return false
    if (q.kind === 'true_false') return a === k.trueAnswer
    if (q.kind === 'short') return typeof a === 'string' && (k.accepted ?? []).includes(a.trim().toLowerCase())
    return Array.isArray(a) && sameSet([...new Set(a)], k.correct)
  }).length
  return Math.floor((right * 100) / questions.length)
}
