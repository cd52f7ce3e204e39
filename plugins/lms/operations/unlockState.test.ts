import { describe, expect, it } from 'vitest'
import { unlockState, type UnlockContext } from './unlockState'

const now = new Date('2027-03-10T12:00:00Z')
const ctx = (over: Partial<UnlockContext> = {}): UnlockContext => ({
  now,
  enrolledAt: new Date('2027-03-09T12:00:00Z'),
  cohortStart: null,
  prerequisiteDone: false,
  linear: false,
  previousDone: true,
  ...over,
})

describe('unlockState', () => {
  it('opens a lesson without a rule', () => {
    expect(unlockState({ mode: 'none', days: null, date: null }, ctx())).toEqual({ locked: false })
  })

  it('opens after N days from enrolment, saying when', () => {
    const rule = { mode: 'after_days' as const, days: 3, date: null }
    expect(unlockState(rule, ctx())).toMatchObject({
      locked: true,
      rule: 'after_days',
      unlocksAt: '2027-03-12T12:00:00.000Z',
    })
    expect(unlockState(rule, ctx({ enrolledAt: new Date('2027-03-01T00:00:00Z') }))).toEqual({ locked: false })
  })

  it('opens on a date and at the cohort start', () => {
    expect(unlockState({ mode: 'on_date', days: null, date: '2027-04-01T00:00:00Z' }, ctx())).toMatchObject({
      rule: 'on_date',
      unlocksAt: '2027-04-01T00:00:00.000Z',
    })
    expect(unlockState({ mode: 'on_date', days: null, date: '2027-03-01T00:00:00Z' }, ctx())).toEqual({ locked: false })
    const cohort = { mode: 'cohort_start' as const, days: null, date: null }
    expect(unlockState(cohort, ctx({ cohortStart: new Date('2027-03-11T00:00:00Z') }))).toMatchObject({ locked: true })
    expect(unlockState(cohort, ctx({ cohortStart: null }))).toEqual({ locked: false })
  })

  it('waits for the prerequisite, then for the previous lesson of a linear course', () => {
    const rule = { mode: 'prerequisite' as const, days: null, date: null }
    expect(unlockState(rule, ctx())).toMatchObject({ rule: 'prerequisite', unlocksAt: null })
    expect(unlockState(rule, ctx({ prerequisiteDone: true }))).toEqual({ locked: false })
    expect(
      unlockState({ mode: 'none', days: null, date: null }, ctx({ linear: true, previousDone: false })),
    ).toMatchObject({ rule: 'linear' })
  })
})
