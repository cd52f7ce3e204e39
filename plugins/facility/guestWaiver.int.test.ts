import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from './facilityTestKit'

const app = useTestApp()
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app))

describe('guest waivers recorded at the desk (no waivers plugin: the guards.guestWaiver fallback)', () => {
  it('with the club’s policy on, a party with an unsigned guest is not checked in (409 waiver_required naming them, nothing written) until the desk records the waiver; a day pass is not spent for an unsigned guest', async () => {
    const c = await club()
    await app.payload.update({
      collection: 'tenant-settings',
      where: { tenant: { equals: c.tenant } },
      data: { facility: { guestWaiverAtDesk: true } },
    })
    const member = await c.newMember()
    const bay = await c.kit.createBay(c.tenant)
    const email = `sam-${Math.random().toString(36).slice(2, 8)}@example.test`
    const booked = await member.client.post('/api/reservations/book', {
      resource: bay,
      startAt: c.kit.at(1, '10:00'),
      endAt: c.kit.at(1, '11:00'),
      participants: [{ guest: { name: 'Sam Guest', email } }],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)

    const refused = await c.desk.post(`/api/reservations/${booked.body.id}/check-in`)
    expect([refused.status, refused.body.error]).toEqual([409, 'waiver_required'])
    expect(refused.body.message).toMatch(/Sam Guest has not signed the waiver/)
    const state = async () =>
      (
        await c.kit.q<{ checked: boolean; visits: number }>(sql`
          SELECT (SELECT checked_in_at IS NOT NULL FROM reservations WHERE id = ${booked.body.id}) AS checked,
                 (SELECT count(*)::int FROM guest_check_ins WHERE reservation_id = ${booked.body.id}) AS visits`)
      )[0]
    expect(await state()).toEqual({ checked: false, visits: 0 })

    const [guest] = await c.kit.q<{ id: string }>(
      sql`SELECT id FROM guests WHERE tenant_id = ${c.tenant} AND email = ${email}`,
    )
    // Members cannot record it; the desk can.
    expect(
      (await member.client.patch(`/api/guests/${guest.id}`, { waiverSignedAt: new Date().toISOString() })).status,
    ).not.toBe(200)
    const signed = await c.desk.patch(`/api/guests/${guest.id}`, { waiverSignedAt: new Date().toISOString() })
    expect(signed.status, JSON.stringify(signed.body)).toBe(200)
    const admitted = await c.desk.post(`/api/reservations/${booked.body.id}/check-in`)
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200)
    expect(admitted.body.guestsCheckedIn).toBe(1)
    expect(await state()).toEqual({ checked: true, visits: 1 })

    // A member's day pass bringing an unsigned guest: refused, the pass stays unspent; signed, admitted.
    const product = await c.dayPassProduct()
    const sale = await c.desk.post('/api/orders/checkout', {
      tenant: c.tenant,
      member: member.id,
      lines: [{ product, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(201)
    await c.runJobs()
    const [pass] = await c.kit.q<{ id: string }>(sql`SELECT id FROM day_passes WHERE "order" = ${sale.body.order.id}`)
    const friend = { name: 'Robin Friend', email: `robin-${Math.random().toString(36).slice(2, 8)}@example.test` }
    const noWaiver = await c.desk.post(`/api/day-passes/${pass.id}/check-in`, { guest: friend })
    expect([noWaiver.status, noWaiver.body.error]).toEqual([409, 'waiver_required'])
    expect(noWaiver.body.message).toMatch(/Robin Friend/)
    const [unspent] = await c.kit.q<{ status: string }>(
      sql`SELECT status::text AS status FROM day_passes WHERE id = ${pass.id}`,
    )
    expect(unspent.status).toBe('active')
    // The refused request rolled back: the desk records Robin as a guest with the waiver, then scans again.
    const robin = await c.desk.post('/api/guests', {
      tenant: c.tenant,
      name: friend.name,
      email: friend.email,
      waiverSignedAt: new Date().toISOString(),
    })
    expect(robin.status, JSON.stringify(robin.body)).toBe(201)
    const scan = await c.desk.post(`/api/day-passes/${pass.id}/check-in`, { guest: friend })
    expect(scan.status, JSON.stringify(scan.body)).toBe(200)
    expect(scan.body.guest).toBe(robin.body.doc.id)
  }, 120_000)
})
