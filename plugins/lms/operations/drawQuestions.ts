import type { DrawnQuestion, QuestionKey, QuestionKind } from '../quizTypes'

export type BankQuestion = {
  id?: string | null
  category?: string | null
  kind: QuestionKind
  prompt: string
  choices?: { text: string; correct?: boolean | null }[] | null
  trueAnswer?: boolean | null
  acceptedAnswers?: string | null
}

const shuffle = <T>(items: T[]): T[] => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * Draws an attempt's questions from a bank: `count` at random (0: all), from the whole bank or from
 * each category; returns what the member sees and the answer key, in the same order.
 */
export const drawQuestions = (
  bank: BankQuestion[],
  count: number,
  perCategory: boolean,
): { questions: DrawnQuestion[]; key: QuestionKey[] } => {
  let drawn: BankQuestion[]
  if (!count) drawn = shuffle(bank)
  else if (!perCategory) drawn = shuffle(bank).slice(0, count)
  else {
    const byCategory = new Map<string, BankQuestion[]>()
    for (const q of bank) byCategory.set(q.category ?? '', [...(byCategory.get(q.category ?? '') ?? []), q])
    drawn = shuffle([...byCategory.values()].flatMap((qs) => shuffle(qs).slice(0, count)))
  }
  return {
    questions: drawn.map((q) => ({
      id: String(q.id),
      kind: q.kind,
      prompt: q.prompt,
      choices: (q.choices ?? []).map((c) => c.text),
    })),
    key: drawn.map((q) => ({
      id: String(q.id),
      correct: (q.choices ?? []).flatMap((c, i) => (c.correct ? [i] : [])),
      trueAnswer: q.trueAnswer ?? false,
      accepted: (q.acceptedAnswers ?? '')
        .split('\n')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    })),
  }
}
