import type { Plugin } from 'payload'
import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { type PortImpl } from '@/core'
import { canBookPort, type CanBookInput, type CanBookResult } from '@plugins/bookings/contract'
import { createTenant, createPerson, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/**
 * A guard saying "pay with credits" for things with a credit cost, "no" for the class titled
 * 'Members only'. It replaces whichever implementation is installed (billing's, when present), so
 * these tests pin the bookings side of the contract.
 */
const creditGuard = (): Plugin => (config) => {
  const guard: PortImpl<CanBookInput, CanBookResult> = async (req, input) => {
    if (input.target.collection === 'classes') {
      const klass = (await req.payload.findByID({
        collection: 'classes' as never,
        id: input.target.id,
        depth: 0,
        req,
        overrideAccess: false,
      })) as { title?: string }
      if (klass.title === 'Members only')
        return { allowed: false, code: 'membership_required', reason: 'This class is for members with a plan.' }
    }
    return input.creditCost ? { allowed: true, paymentMethod: 'credits' } : { allowed: true, paymentMethod: 'free' }
  }
  const ports = { ...((config.custom?.ports as Record<string, unknown> | undefined) ?? {}), [canBookPort.name]: guard }
  return { ...config, custom: { ...config.custom, ports } }
}

const app = useTestApp({ plugins: [creditGuard()] })

describe('payment through the ports', () => {
  it('a guard refusal answers 403 with its reason; a failed credit debit answers 402; neither writes anything', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant })
    const member = (await signIn(app, user.email)).client
    const gated = await kit.createClass(tenant, { title: 'Members only' })
    const refused = await member.post(`/api/classes/${gated.id}/book`)
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ error: 'membership_required', message: 'This class is for members with a plan.' })

    const paid = await kit.createClass(tenant, { creditCost: 1 })
    const broke = await member.post(`/api/classes/${paid.id}/book`)
    expect(broke.status).toBe(402)
    expect(typeof broke.body.message).toBe('string')
    expect(await kit.bookingCount(paid.id)).toBe(0)
    expect(await kit.classRow(paid.id)).toMatchObject({ booked_count: '0', waitlist_count: '0' })
  })

  it('an appointment or RSVP paid with credits that cannot be debited answers 402 and leaves nothing behind', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant })
    const { membership: provider } = await createPerson(app.payload, { tenant, roles: ['coach'] })
    const member = (await signIn(app, user.email)).client
    const service = await kit.createService(tenant, [String(provider!.id)], { creditCost: 2 })
    await kit.createRule(tenant, String(provider!.id), {
      weekday: 1,
      validFrom: '2027-03-01',
      validUntil: '2027-03-31',
    })
    const booked = await member.post('/api/appointments/book', {
      service: service.id,
      provider: provider!.id,
      startTime: '2027-03-08T14:00:00Z',
    })
    expect(booked.status).toBe(402)
    const event = await kit.createEvent(tenant, { creditCost: 1 })
    const rsvp = await member.post(`/api/events/${event.id}/rsvp`)
    expect(rsvp.status).toBe(402)
    const [left] = await kit.q<{ appointments: number; rsvps: number; going: number }>(sql`
      SELECT (SELECT count(*)::int FROM appointments WHERE service_id = ${service.id}) AS appointments,
             (SELECT count(*)::int FROM event_rsvps WHERE event_id = ${event.id}) AS rsvps,
             (SELECT going_count::int FROM events WHERE id = ${event.id}) AS going`)
    expect(left).toEqual({ appointments: 0, rsvps: 0, going: 0 })
  })
})
