import type { UnlockMode } from '../types'

export type UnlockRule = {
  mode: UnlockMode | null
  days: number | null
  date: string | Date | null
}

export type UnlockContext = {
  now: Date
  /** When the member enrolled in the course. */
  enrolledAt: Date
  /** The course's cohort start, if it has one. */
  cohortStart: Date | null
  /** Whether the lesson's prerequisite is completed by the member. */
  prerequisiteDone: boolean
  /** Linear navigation: whether the previous lesson of the course is completed (true for the first one). */
  linear: boolean
  previousDone: boolean
}

export type UnlockState =
  | { locked: false }
  | { locked: true; rule: Exclude<UnlockMode, 'none'> | 'linear'; unlocksAt: string | null; message: string }

const DAY = 86_400_000

/** Whether a lesson is open for an enrolled member now, and if not, which rule holds it and until when. Pure. */
export const unlockState = (rule: UnlockRule, ctx: UnlockContext): UnlockState => {
  const at = (date: Date, mode: 'after_days' | 'on_date' | 'cohort_start', message: string): UnlockState =>
    date.getTime() > ctx.now.getTime()
      ? { locked: true, rule: mode, unlocksAt: date.toISOString(), message: `${message} ${date.toISOString()}.` }
      : { locked: false }
  let state: UnlockState = { locked: false }
  switch (rule.mode) {
    case 'after_days':
      state = at(
        new Date(ctx.enrolledAt.getTime() + (rule.days ?? 0) * DAY),
        'after_days',
        `This lesson opens ${rule.days ?? 0} days after enrolment, on`,
      )
      break
    case 'on_date':
      if (rule.date) state = at(new Date(rule.date), 'on_date', 'This lesson opens on')
      break
    case 'cohort_start':
      if (ctx.cohortStart) state = at(ctx.cohortStart, 'cohort_start', 'This lesson opens when the cohort starts, on')
      break
    case 'prerequisite':
      if (!ctx.prerequisiteDone)
        state = {
          locked: true,
          rule: 'prerequisite',
          unlocksAt: null,
          message: 'Complete the prerequisite lesson first.',
        }
      break
    default:
      break
  }
  if (state.locked) return state
  if (ctx.linear && !ctx.previousDone)
    return {
      locked: true,
      rule: 'linear',
      unlocksAt: null,
      message: 'This course is taken in order: complete the previous lesson first.',
    }
  return state
}
