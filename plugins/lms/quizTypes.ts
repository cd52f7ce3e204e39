export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const GRADING_METHODS = ['highest', 'last', 'average'] as const
export type GradingMethod = (typeof GRADING_METHODS)[number]
export const ATTEMPT_STATUSES = ['in_progress', 'submitted'] as const

/** What a member sees of a drawn question (never the answer key). */
export type DrawnQuestion = { id: string; kind: QuestionKind; prompt: string; choices: string[] }
/** The answer key of a drawn question, kept with the attempt (staff-only field). */
export type QuestionKey = { id: string; correct: number[]; trueAnswer?: boolean; accepted?: string[] }
/** A member's answer: choice indexes (single/multiple), a boolean (true/false) or text (short). */
export type Answer = number[] | boolean | string
