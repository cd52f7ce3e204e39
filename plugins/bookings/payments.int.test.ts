import type { Plugin } from 'payload'
import { describe, expect, it } from 'vitest'
import { canBookPort, implementPort, type CanBookResult } from '@/core'
import { createTenant, createPerson, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** A guard saying "pay with credits" for classes with a credit cost, "no" for the title 'Members only'. */
const creditGuard = (): Plugin => (config) =>
  (config.custom?.ports as Record<string, unknown> | undefined)?.[canBookPort.name]
    ? config
    : implementPort(config, canBookPort, async (req, input): Promise<CanBookResult> => {
        const klass = (await req.payload.findByID({ collection: 'classes' as never, id: input.target.id, depth: 0, req, overrideAccess: false })) as { title?: string }
        if (klass.title === 'Members only') return { allowed: false, code: 'membership_required', reason: 'This class is for members with a plan.' }
        return input.creditCost ? { allowed: true, paymentMethod: 'credits' } : { allowed: true, paymentMethod: 'free' }
      })

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
})
