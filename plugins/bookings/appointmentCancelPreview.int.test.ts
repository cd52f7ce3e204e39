import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { appointmentCancelPreviewSchema } from './contract'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
})

describe('GET /api/appointments/:id/cancel-preview', () => {
  it('says what the cancel gives back, in the contract’s shape, changing nothing; only the member and desk staff see it', async () => {
    const priced = await kit.createService(A, [provider], { price: { amount: 5000, currency: 'USD' } })
    const free = await kit.createService(A, [provider], { title: 'Tour' })
    await kit.createRule(A, provider, { weekday: 3, validFrom: '2027-04-01', validUntil: '2027-04-30' })
    const member = cast.inA.member.client
    const book = async (service: string, startTime: string) => {
      const res = await member.post('/api/appointments/book', { service, provider, startTime })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return String(res.body.appointment.id)
    }
    const paid = await book(String(priced.id), '2027-04-07T09:00:00-04:00')
    const gratis = await book(String(free.id), '2027-04-07T10:00:00-04:00')

    const preview = await member.get(`/api/appointments/${paid}/cancel-preview`)
    expect(preview.status).toBe(200)
    expect(appointmentCancelPreviewSchema.parse(preview.body)).toMatchObject({
      appointment: { id: paid, status: 'booked' },
      refund: { kind: 'money', amount: 5000, currency: 'USD' },
    })
    expect((await member.get(`/api/appointments/${gratis}/cancel-preview`)).body.refund).toEqual({ kind: 'none' })
    expect((await cast.inA.frontDesk.client.get(`/api/appointments/${paid}/cancel-preview`)).status).toBe(200)
    expect((await cast.inB.member.client.get(`/api/appointments/${paid}/cancel-preview`)).status).toBe(404)
    expect((await cast.anonymous.client.get(`/api/appointments/${paid}/cancel-preview`)).status).toBe(401)
    expect((await app.payload.findByID({ collection: 'appointments', id: paid, depth: 0 })).status).toBe('booked')

    expect((await member.post(`/api/appointments/${gratis}/cancel`)).status).toBe(200)
    const after = await member.get(`/api/appointments/${gratis}/cancel-preview`)
    expect(after.status).toBe(409)
    expect(after.body.error).toBe('not_cancellable')
  })
})
