import { describe, expect, it } from 'vitest'
import { countdownAnnouncement, countdownClock } from './countdown'

describe('quiz countdown', () => {
  it('announces at minute steps only: the same words for every second of a minute', () => {
    const said = new Set<string>()
    for (let s = 600; s > 60; s--) said.add(countdownAnnouncement(s))
    // 600 s … 61 s: ten … two minutes, one message each
    expect([...said]).toEqual([
      '10 minutes left.',
      '9 minutes left.',
      '8 minutes left.',
      '7 minutes left.',
      '6 minutes left.',
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
    ])
    expect(countdownAnnouncement(60)).toBe('1 minute left.')
    expect(countdownAnnouncement(31)).toBe('1 minute left.')
    expect(countdownAnnouncement(30)).toBe('Less than 30 seconds left.')
    expect(countdownAnnouncement(0)).toBe('Time is up. Your answers are being submitted.')
    expect(countdownAnnouncement(-5)).toBe('Time is up. Your answers are being submitted.')
  })

  it('shows m:ss, h:mm:ss from an hour, and never a negative time', () => {
    expect(countdownClock(605)).toBe('10:05')
    expect(countdownClock(59)).toBe('0:59')
    expect(countdownClock(3600 + 61)).toBe('1:01:01')
    expect(countdownClock(-3)).toBe('0:00')
  })
})
