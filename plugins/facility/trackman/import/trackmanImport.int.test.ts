import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from '../../facilityTestKit'
import { processImportBatch } from './processImportBatch'

const app = useTestApp()
const codes = { leadMinutes: 15, graceMinutes: 15, digits: 6 }
const iso = (value: string | Date) => new Date(value).toISOString()

type Cast = {
  club: FacilityClub
  tag: string
  bay1: string
  bay2: string
  alice: string
  bob: string
  carol: string
  csv: string
}

/** A member made in SQL with the e-mail, names and phone the matching reads. */
const member = async (
  club: FacilityClub,
  data: { email: string; name: string; displayName?: string; phone?: string; userPhone?: string },
) => {
  const [user] = await club.kit.q<{ id: string }>(
    sql`INSERT INTO users (email, name, phone) VALUES (${data.email}, ${data.name}, ${data.userPhone ?? null}) RETURNING id`,
  )
  const [row] = await club.kit.q<{ id: string }>(
    sql`INSERT INTO tenant_memberships (tenant_id, user_id, status, profile_display_name, profile_phone)
        VALUES (${club.tenant}, ${user.id}, 'active', ${data.displayName ?? null}, ${data.phone ?? null}) RETURNING id`,
  )
  return String(row.id)
}

/**
 * A Chicago club with Bay 1 and Bay 2 (Trackman id `tm-bay-2`), members to match by e-mail
 * (Alice), phone (Bob), name (Carol) and two Dan Does, a staff reservation on Bay 2 at 14:00–15:00,
 * and a 10-row export (BOM, CRLF, quoted fields) covering every outcome.
 */
const cast = async (): Promise<Cast> => {
  const club = await facilityClub(app)
  const tag = Math.random().toString(36).slice(2, 8)
  const bay1 = await club.kit.createBay(club.tenant, { name: 'Bay 1' })
  const bay2 = await club.kit.createBay(club.tenant, { name: 'Bay 2' })
  await app.payload.update({ collection: 'facility-resources', id: bay2, data: { trackmanBayId: 'tm-bay-2' } })
  const alice = await member(club, { email: `alice-${tag}@golf.test`, name: 'Alice Archer' })
  const bob = await member(club, {
    email: `bob-${tag}@golf.test`,
    name: 'Robert Baker',
    displayName: 'Bob Baker',
    phone: '(312) 555-0101',
  })
  const carol = await member(club, { email: `carol-${tag}@golf.test`, name: 'C. Clark', displayName: 'Carol Clark' })
  await member(club, { email: `dan1-${tag}@golf.test`, name: 'Dan Doe' })
  await member(club, { email: `dan2-${tag}@golf.test`, name: 'x', displayName: 'Dan Doe' })
  await app.payload.create({
    collection: 'reservations',
    data: {
      tenant: club.tenant,
      resource: bay2,
      member: alice,
      startAt: '2030-01-15T20:00:00.000Z', // 14:00 in Chicago
      endAt: '2030-01-15T21:00:00.000Z',
      status: 'confirmed',
    },
  })
  const csv =
    '\uFEFF' +
    [
      'Booking ID,Bay,Start,End,Customer Email,Phone,Customer Name',
      `TM-1,Bay 1,2030-01-15 10:00,2030-01-15 11:00,ALICE-${tag.toUpperCase()}@golf.test,,`,
      `TM-2,Bay 1,2030-01-15 11:00,2030-01-15 12:00,bob.old@elsewhere.test,+1 (312) 555-0101,Bobby`,
      `TM-3,tm-bay-2,2030-01-15 10:00,2030-01-15 11:00,,,carol   CLARK`,
      `TM-4,Bay 2,2030-01-15 12:00,2030-01-15 13:00,,,Dan Doe`,
      `TM-5,Bay 2,2030-01-15 15:00,2030-01-15 16:00,walkin-${tag}@nowhere.test,,Walk In`,
      `TM-6,Bay 1,2030-01-15 10:30,2030-01-15 11:30,alice-${tag}@golf.test,,`,
      `TM-7,Bay 1,2030-03-10 01:30,2030-03-10 03:30,alice-${tag}@golf.test,,`,
      `,Bay 2,2030-01-16 09:00,2030-01-16 10:00,,312.555.0101,"Baker, Bob"`,
      `TM-9,Bay 9,2030-01-15 10:00,2030-01-15 11:00,alice-${tag}@golf.test,,`,
      `TM-10,Bay 2,2030-01-15 14:30,2030-01-15 15:00,"carol-${tag}@golf.test",,"Clark, Carol"`,
    ].join('\r\n') +
    '\r\n'
  return { club, tag, bay1, bay2, alice, bob, carol, csv }
}

const runImports = async (c: Cast) => {
  for (let round = 0; round < 20; round++) {
    const [{ n }] = await c.club.kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug = 'facilityTrackmanImport'`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 50 })
  }
  throw new Error('The import jobs did not finish.')
}

const upload = async (c: Cast, csv = c.csv) => {
  const res = await c.club.desk.post('/api/facility-imports/upload', { tenant: c.club.tenant, fileName: 'tm.csv', csv })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.id)
}

const reservationsOf = (c: Cast) =>
  c.club.kit.q<{
    id: string
    member: string
    resource: string
    start_at: string | Date
    end_at: string | Date
    status: string
    key: string | null
    minutes: number
  }>(
    sql`SELECT id, member_id AS member, resource_id AS resource, start_at, end_at, status, import_key AS key, duration_minutes::int AS minutes
        FROM reservations WHERE tenant_id = ${c.club.tenant} ORDER BY start_at, id`,
  )

const rowsOf = (c: Cast, importId: string) =>
  c.club.kit.q<{
    id: string
    row_number: number
    outcome: string
    matched_by: string | null
    reason: string | null
    status: string
    member: string | null
  }>(
    sql`SELECT id, row_number::int AS row_number, outcome, matched_by, reason, status, member_id AS member FROM facility_import_rows
        WHERE import_id = ${importId} ORDER BY row_number`,
  )

const progress = async (c: Cast, id: string) => {
  const res = await c.club.desk.get(`/api/facility-imports/${id}/progress`)
  expect(res.status).toBe(200)
  return res.body
}

describe('Trackman CSV import', () => {
  it('matches by e-mail, then phone, then a unique name; queues the rest for review; counts its progress in batches', async () => {
    const c = await cast()
    const id = await upload(c)
    expect(await progress(c, id)).toMatchObject({ status: 'queued', totalRows: 10, processed: 0, percent: 0 })

    // One batch of 4 (as the job runs them): the counts move with it.
    const req = await createLocalReq({}, app.payload)
    expect(await processImportBatch(req, id, { batchSize: 4, codes })).toEqual({ more: true })
    expect(await progress(c, id)).toMatchObject({
      status: 'running',
      processed: 4,
      percent: 40,
      created: 3,
      unmatched: 1,
    })

    await runImports(c)
    expect(await progress(c, id)).toMatchObject({
      status: 'done',
      totalRows: 10,
      processed: 10,
      percent: 100,
      created: 5,
      unchanged: 0,
      unmatched: 2,
      overlapping: 2,
      errors: 1,
    })
    const rows = await rowsOf(c, id)
    expect(rows.map((r) => [r.row_number, r.outcome, r.matched_by, r.status])).toEqual([
      [2, 'created', 'email', 'done'],
      [3, 'created', 'phone', 'done'],
      [4, 'created', 'name', 'done'],
      [5, 'unmatched', null, 'pending'],
      [6, 'unmatched', null, 'pending'],
      [7, 'overlap', 'email', 'pending'],
      [8, 'created', 'email', 'done'],
      [9, 'created', 'phone', 'done'],
      [10, 'error', null, 'pending'],
      [11, 'overlap', 'email', 'pending'],
    ])
    expect(rows[3].reason).toBe('ambiguous name')
    expect(rows[4].reason).toMatch(/No member/)
    expect(rows[8].reason).toBe('No bay, court or room named "Bay 9"')

    const reservations = await reservationsOf(c)
    const byKey = new Map(reservations.map((r) => [r.key, r]))
    expect(byKey.get('tm:TM-1')).toMatchObject({ member: c.alice, resource: c.bay1, status: 'confirmed' })
    expect(iso(byKey.get('tm:TM-1')!.start_at)).toBe('2030-01-15T16:00:00.000Z') // 10:00 CST
    expect(byKey.get('tm:TM-2')).toMatchObject({ member: c.bob, resource: c.bay1 })
    expect(byKey.get('tm:TM-3')).toMatchObject({ member: c.carol, resource: c.bay2 })
    // The spring-forward night: 01:30 CST → 03:30 CDT is one hour.
    const dst = byKey.get('tm:TM-7')!
    expect([iso(dst.start_at), iso(dst.end_at), dst.minutes]).toEqual([
      '2030-03-10T07:30:00.000Z',
      '2030-03-10T08:30:00.000Z',
      60,
    ])
    // The row without a booking id is keyed by a hash.
    expect(reservations.filter((r) => r.key?.startsWith('h:'))).toEqual([
      expect.objectContaining({ member: c.bob, resource: c.bay2 }),
    ])
    // 5 imported + the staff reservation; nothing double-booked.
    expect(reservations).toHaveLength(6)
  }, 120_000)

  it('re-importing the same file (twice at once) changes nothing; resolving and ignoring review rows', async () => {
    const c = await cast()
    const first = await upload(c)
    await runImports(c)
    const before = await reservationsOf(c)

    const [again, twice] = await Promise.all([upload(c), upload(c)])
    await runImports(c)
    for (const id of [again, twice])
      expect(await progress(c, id)).toMatchObject({
        status: 'done',
        processed: 10,
        created: 0,
        unchanged: 10,
        unmatched: 0,
        errors: 0,
      })
    expect(await reservationsOf(c)).toEqual(before)
    const [{ pending }] = await c.club.kit.q<{ pending: number }>(
      sql`SELECT count(*)::int AS pending FROM facility_import_rows WHERE tenant_id = ${c.club.tenant} AND status = 'pending'`,
    )
    expect(pending).toBe(5)

    // Staff assign Carol to the walk-in row: its reservation is created with the row's key.
    const rows = await rowsOf(c, first)
    const walkIn = rows.find((r) => r.row_number === 6)!
    const resolved = await c.club.desk.post(`/api/facility-import-rows/${walkIn.id}/resolve`, { member: c.carol })
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200)
    expect(resolved.body).toMatchObject({ status: 'resolved', created: true })
    const [made] = await c.club.kit.q<{ member: string; key: string; start_at: string | Date }>(
      sql`SELECT member_id AS member, import_key AS key, start_at FROM reservations WHERE id = ${resolved.body.reservation}`,
    )
    expect(made).toMatchObject({ member: c.carol, key: 'tm:TM-5' })
    expect(iso(made.start_at)).toBe('2030-01-15T21:00:00.000Z')
    expect((await c.club.desk.post(`/api/facility-import-rows/${walkIn.id}/resolve`, { member: c.carol })).status).toBe(
      409,
    )

    // The overlapping row cannot be booked while the bay is taken; it can be ignored, once.
    const overlap = rows.find((r) => r.row_number === 7)!
    const refused = await c.club.desk.post(`/api/facility-import-rows/${overlap.id}/resolve`, { member: c.alice })
    expect([refused.status, refused.body.error]).toEqual([409, 'slot_taken'])
    const unreadable = rows.find((r) => r.row_number === 10)!
    const noBay = await c.club.desk.post(`/api/facility-import-rows/${unreadable.id}/resolve`, { member: c.alice })
    expect([noBay.status, noBay.body.error]).toEqual([409, 'unreadable_row'])
    expect((await c.club.desk.post(`/api/facility-import-rows/${overlap.id}/ignore`, {})).status).toBe(200)
    expect((await c.club.desk.post(`/api/facility-import-rows/${overlap.id}/ignore`, {})).status).toBe(409)

    // And once more: the resolved and ignored rows stay as they are, nothing new is made.
    const third = await upload(c)
    await runImports(c)
    expect(await progress(c, third)).toMatchObject({ status: 'done', created: 0, unchanged: 10 })
    expect(await reservationsOf(c)).toHaveLength(before.length + 1)
  }, 120_000)

  it('refuses bad files with 4xx naming the problem', async () => {
    const c = await cast()
    const post = (csv: string) => c.club.desk.post('/api/facility-imports/upload', { tenant: c.club.tenant, csv })
    const noHeader = await post('\r\n\r\n')
    expect([noHeader.status, noHeader.body.error]).toEqual([400, 'invalid_csv'])
    const missing = await post('Email,Name\r\nx@y.test,X\r\n')
    expect([missing.status, missing.body.error]).toEqual([400, 'missing_columns'])
    expect(missing.body.message).toContain('bay; start; end (or duration)')
    const onlyHeader = await post('Bay,Start,Duration,Email\r\n')
    expect([onlyHeader.status, onlyHeader.body.error]).toEqual([400, 'invalid_csv'])
    const unclosed = await post('Bay,Start,Duration,Email\r\nBay 1,"2030-01-15 10:00,60,x@y.test\r\n')
    expect([unclosed.status, unclosed.body.error]).toEqual([400, 'invalid_csv'])
    const big = await post(
      `Bay,Start,Duration,Email\r\n${'Bay 1,2030-01-15 10:00,60,someone@example.test\r\n'.repeat(13_000)}`,
    )
    expect([big.status, big.body.error]).toEqual([413, 'file_too_large'])
    // A member cannot upload.
    const m = await c.club.newMember()
    expect((await m.client.post('/api/facility-imports/upload', { tenant: c.club.tenant, csv: c.csv })).status).toBe(
      404,
    )
    const [{ n }] = await c.club.kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM facility_imports WHERE tenant_id = ${c.club.tenant}`,
    )
    expect(n).toBe(0)
    // Duration instead of end works.
    const ok = await post(`Bay,Start,Duration (min),Email\r\nBay 1,1/15/2030 10:00 AM,90,alice-${c.tag}@golf.test\r\n`)
    expect(ok.status).toBe(201)
    await runImports(c)
    expect(await progress(c, String(ok.body.id))).toMatchObject({ status: 'done', created: 1 })
  }, 120_000)

  it('another business cannot see or work the import', async () => {
    const c = await cast()
    const id = await upload(c)
    await runImports(c)
    const [row] = await rowsOf(c, id).then((rows) => rows.filter((r) => r.status === 'pending'))
    const other = await facilityClub(app)
    expect((await other.desk.get(`/api/facility-imports/${id}`)).status).toBe(404)
    expect((await other.desk.get(`/api/facility-imports/${id}/progress`)).status).toBe(404)
    expect((await other.desk.get(`/api/facility-import-rows/${row.id}`)).status).toBe(404)
    const list = await other.desk.get('/api/facility-imports')
    expect(list.body.docs ?? []).toHaveLength(0)
    const rowsList = await other.desk.get('/api/facility-import-rows')
    expect(rowsList.body.docs ?? []).toHaveLength(0)
    expect((await other.desk.post(`/api/facility-import-rows/${row.id}/resolve`, { member: c.alice })).status).toBe(404)
    expect((await other.desk.post(`/api/facility-import-rows/${row.id}/ignore`, {})).status).toBe(404)
    expect((await other.desk.post('/api/facility-imports/upload', { tenant: c.club.tenant, csv: c.csv })).status).toBe(
      404,
    )
    // Its own staff see it.
    expect((await c.club.desk.get(`/api/facility-imports/${id}`)).status).toBe(200)
  }, 120_000)
})
