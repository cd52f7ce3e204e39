import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { createPerson, createTenant, signIn, type HttpClient, type TestApp } from '@/core/testing'
import { renewSubscriptionsTask } from '../jobs/renewSubscriptionsTask'

type Person = { userId: string; membershipId: string; client: HttpClient }

/** Test helpers for billing (not used by the app): a tenant with owner, desk and members, plans, classes. */
export const billingStore = async (app: TestApp) => {
  const payload: Payload = app.payload
  const tenant = String((await createTenant(payload)).id)
  /** A person with `roles` in the tenant, signed in over HTTP unless `signedIn` is false (sign-ins are rate limited). */
  const person = async (roles: ('owner' | 'front_desk' | 'member')[], signedIn = true): Promise<Person> => {
    const { user, membership } = await createPerson(payload, { tenant, roles })
    const client = signedIn ? (await signIn(app, user.email)).client : app.http()
    return { userId: String(user.id), membershipId: String(membership!.id), client }
  }
  const owner = await person(['owner'])
  const desk = await person(['front_desk'])
  const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    runSql<Row>({ payload, transactionID: undefined }, query)

  /** A plan made by the owner over REST, with `features` as plan-features rows. */
  const plan = async (data: Record<string, unknown>, features: Record<string, string> = {}) => {
    const res = await owner.client.post('/api/membership-plans', {
      tenant,
      name: `Plan ${Math.random().toString(36).slice(2, 8)}`,
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9900, currency: 'USD', active: true }],
      ...data,
    })
    if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`)
    for (const [featureKey, value] of Object.entries(features)) {
      const f = await owner.client.post('/api/plan-features', { tenant, plan: res.body.doc.id, featureKey, value })
      if (f.status !== 201) throw new Error(`feature: ${f.status} ${JSON.stringify(f.body)}`)
    }
    return res.body.doc as { id: string; prices: { id: string; key: string; amount: number }[]; [key: string]: unknown }
  }

  /** Desk staff start a manual subscription; returns the response. */
  const subscribe = (member: string, planId: string, priceKey = 'monthly') =>
    desk.client.post('/api/subscriptions/manual', {
      tenant,
      member,
      plan: planId,
      priceKey,
      payment: { provider: 'cash' },
    })

  /** A class `inHours` from now, priced at $20 unless told otherwise (`price: null`: no price). */
  const klass = async (data: Record<string, unknown> = {}, inHours = 48) => {
    const { price = { amount: 2000, currency: 'USD' }, ...rest } = data
    return (await payload.create({
      collection: 'classes' as never,
      data: {
        tenant,
        title: 'Flow',
        startTime: new Date(Date.now() + inHours * 3_600_000).toISOString(),
        durationMinutes: 60,
        capacity: 10,
        waitlistCapacity: 0,
        ...(price ? { price } : {}),
        ...rest,
      } as never,
      depth: 0,
    })) as unknown as { id: string }
  }

  /** Runs the daily renewal job once. */
  const renew = async () => {
    const req: PayloadRequest = await createLocalReq({}, payload)
    return (
      await (
        renewSubscriptionsTask.handler as (args: { req: PayloadRequest }) => Promise<{ output: Record<string, number> }>
      )({ req })
    ).output
  }

  return { tenant, owner, desk, person, q, plan, subscribe, klass, renew }
}
