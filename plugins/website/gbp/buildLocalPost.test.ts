import { describe, expect, it } from 'vitest'
import { buildEventPost, buildOfferPost, changedFields, postUrlOf, scheduleIn } from './buildLocalPost'

const event = {
  title: 'Summer open day',
  description: 'Classes, coffee, and a tour.',
  startTime: '2026-07-04T16:00:00.000Z',
  endTime: '2026-07-04T19:00:00.000Z',
  zone: 'America/New_York',
  url: 'https://club.example/events/e1',
  languageCode: 'en',
}

describe('Business Profile local posts', () => {
  it('an EVENT post has the schedule as wall-clock dates and times in the location’s zone', () => {
    const post = buildEventPost(event)
    expect(post).toEqual({
      languageCode: 'en',
      summary: 'Classes, coffee, and a tour.',
      topicType: 'EVENT',
      event: {
        title: 'Summer open day',
        schedule: {
          startDate: { year: 2026, month: 7, day: 4 },
          startTime: { hours: 12, minutes: 0, seconds: 0, nanos: 0 },
          endDate: { year: 2026, month: 7, day: 4 },
          endTime: { hours: 15, minutes: 0, seconds: 0, nanos: 0 },
        },
      },
      callToAction: { actionType: 'LEARN_MORE', url: 'https://club.example/events/e1' },
    })
    expect(postUrlOf(post)).toBe('https://club.example/events/e1')
  })

  it('crosses midnight and DST in the zone, not in UTC', () => {
    // 29 March 2026: Berlin moves to summer time at 02:00. 23:30 UTC on the 28th is 00:30 on the 29th.
    const s = scheduleIn(new Date('2026-03-28T23:30:00Z'), new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')
    expect(s.startDate).toEqual({ year: 2026, month: 3, day: 29 })
    expect(s.startTime).toMatchObject({ hours: 0, minutes: 30 })
    expect(s.endTime).toMatchObject({ hours: 3, minutes: 30 })
  })

  it('clips the title to 58 characters and the summary to 1,500; an empty description uses the title', () => {
    const post = buildEventPost({ ...event, title: 'x'.repeat(80), description: '  ' })
    expect(post.event.title).toHaveLength(58)
    expect(post.summary).toBe('x'.repeat(80))
    expect(buildEventPost({ ...event, description: 'y'.repeat(2000) }).summary).toHaveLength(1500)
  })

  it('an OFFER post carries coupon, terms and where to redeem it, and no call to action', () => {
    const post = buildOfferPost({
      title: '20 % off the first month',
      description: null,
      startsAt: '2026-12-01T05:00:00Z',
      endsAt: '2027-01-01T04:59:00Z',
      zone: 'America/New_York',
      url: 'https://club.example/pricing',
      couponCode: 'WINTER20',
      terms: 'New members only.',
      languageCode: 'en',
    })
    expect(post).toMatchObject({
      topicType: 'OFFER',
      summary: '20 % off the first month',
      event: {
        schedule: { startDate: { year: 2026, month: 12, day: 1 }, endDate: { year: 2026, month: 12, day: 31 } },
      },
      offer: {
        couponCode: 'WINTER20',
        termsConditions: 'New members only.',
        redeemOnlineUrl: 'https://club.example/pricing',
      },
    })
    expect(post.callToAction).toBeUndefined()
    expect(postUrlOf(post)).toBe('https://club.example/pricing')
  })

  it('the update mask names the fields that changed', () => {
    const before = buildEventPost(event)
    expect(changedFields(before, before)).toEqual([])
    expect(changedFields(before, buildEventPost({ ...event, title: 'Winter open day' }))).toEqual(['event'])
    expect(changedFields(before, buildEventPost({ ...event, description: 'Now with cake.' }))).toEqual(['summary'])
    // As read back from jsonb (keys in another order): unchanged.
    const reordered = JSON.parse(
      JSON.stringify({ ...before, callToAction: { url: before.callToAction!.url, actionType: 'LEARN_MORE' } }),
    )
    expect(changedFields(reordered, before)).toEqual([])
    expect(changedFields(null, before)).toEqual(['summary', 'event', 'callToAction'])
  })
})
