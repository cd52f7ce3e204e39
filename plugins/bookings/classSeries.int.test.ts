import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { toWallTime } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'
import { materializeSeries } from './jobs/materializeSeries'

const app = useTestApp()
const NOW = new Date('2027-02-28T00:00:00Z')

describe('class series', () => {
  it('materialise a weekly 09:00 class in New York at 09:00 local across the March 2027 DST change, idempotently', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload, { timezone: 'America/New_York' })).id)
    const series = (await app.payload.create({
      collection: 'class-series' as never,
      data: {
        tenant,
        title: 'Morning flow',
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        dtstart: '2027-03-01T09:00',
        defaults: { capacity: 12, durationMinutes: 45 },
      } as never,
    })) as unknown as { id: string; timezone: string }
    expect(series.timezone).toBe('America/New_York')
    const req = await createLocalReq({}, app.payload)
    expect(await materializeSeries(req, series.id, 28, NOW)).toMatchObject({ created: 4, failed: 0 })
    const rows = await kit.q<{ start_time: Date; end_time: Date; timezone: string; capacity: string }>(
      sql`SELECT start_time, end_time, timezone, capacity FROM classes WHERE series_id = ${series.id} ORDER BY start_time`,
    )
    expect(rows.map((r) => new Date(r.start_time).toISOString())).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ])
    expect(rows.map((r) => toWallTime(new Date(r.start_time), 'America/New_York').hour)).toEqual([9, 9, 9, 9])
    expect(rows.map((r) => new Date(r.start_time).getUTCHours())).toEqual([14, 14, 13, 13])
    expect(rows.every((r) => r.timezone === 'America/New_York' && Number(r.capacity) === 12)).toBe(true)
    expect(new Date(rows[0].end_time).getTime() - new Date(rows[0].start_time).getTime()).toBe(45 * 60_000)

    expect(await materializeSeries(req, series.id, 28, NOW)).toMatchObject({ created: 0, failed: 0 })
    expect(await kit.q(sql`SELECT id FROM classes WHERE series_id = ${series.id}`)).toHaveLength(4)
  })

  it('an edit rewrites only future, non-detached classes; exdates are skipped', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload, { timezone: 'Europe/London' })).id)
    const series = (await app.payload.create({
      collection: 'class-series' as never,
      data: {
        tenant,
        title: 'Evening',
        rrule: 'FREQ=DAILY',
        dtstart: '2027-03-01T18:00',
        defaults: { capacity: 8 },
      } as never,
    })) as unknown as { id: string }
    const req = await createLocalReq({}, app.payload)
    await materializeSeries(req, series.id, 5, NOW)
    const classes = await kit.q<{ id: string; start_time: Date }>(
      sql`SELECT id, start_time FROM classes WHERE series_id = ${series.id} ORDER BY start_time`,
    )
    expect(classes).toHaveLength(4) // 1–4 March (NOW + 5 days = 5 March 00:00)
    await app.payload.update({
      collection: 'classes' as never,
      id: classes[1].id,
      data: { detached: true, capacity: 3 } as never,
    })
    await app.payload.update({
      collection: 'class-series' as never,
      id: series.id,
      data: { title: 'Evening (new)', defaults: { capacity: 10 }, exdates: [{ date: '2027-03-03' }] } as never,
    })
    await materializeSeries(req, series.id, 5, NOW)
    const after = await kit.q<{ id: string; title: string; capacity: string; status: string }>(
      sql`SELECT id, title, capacity, status FROM classes WHERE series_id = ${series.id} ORDER BY start_time`,
    )
    expect(after.map((c) => [c.title, Number(c.capacity), c.status])).toEqual([
      ['Evening (new)', 10, 'scheduled'],
      ['Evening', 3, 'scheduled'], // detached: untouched
      ['Evening', 8, 'cancelled'], // 3 March is now an exception date
      ['Evening (new)', 10, 'scheduled'],
    ])
  })

  it('validate the rule on save (400 with a message)', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const client = (await signIn(app, user.email)).client
    const bad = await client.post('/api/class-series', {
      tenant,
      title: 'Bad',
      rrule: 'FREQ=SOMETIMES',
      dtstart: '2027-03-01T09:00',
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/recurrence rule|FREQ/)
    const badStart = await client.post('/api/class-series', {
      tenant,
      title: 'Bad',
      rrule: 'FREQ=DAILY',
      dtstart: 'tomorrow 9am',
    })
    expect(badStart.status).toBe(400)
    expect(JSON.stringify(badStart.body)).toContain('local date and time')
    const good = await client.post('/api/class-series', {
      tenant,
      title: 'Good',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      dtstart: '2027-03-02T07:00',
    })
    expect(good.status).toBe(201)
    const queued = await bookingsTestKit(app.payload).q(
      sql`SELECT id FROM payload_jobs WHERE task_slug = 'materializeClassSeries' AND input->>'series' = ${good.body.doc.id}`,
    )
    expect(queued).toHaveLength(1)
  })
})
