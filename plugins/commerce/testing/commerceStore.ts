import type { Payload, PayloadRequest } from 'payload'
import { createPerson, createTenant, localReqAs, signIn, type HttpClient, type TestApp } from '@/core/testing'
import { inTransaction } from '@/core'

/** Runs an operation as `userId` in its own transaction, like one HTTP request would. */
export const runAs = async <T>(
  payload: Payload,
  userId: string,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await localReqAs(payload, userId)
  return inTransaction(req, () => work(req))
}

export type Store = {
  tenant: string
  owner: { userId: string; client: HttpClient }
  desk: { userId: string; client: HttpClient }
  member: { userId: string; membershipId: string; client: HttpClient }
  product: (data: Record<string, unknown>) => Promise<{ id: string; [key: string]: unknown }>
}

/** A tenant with an owner, a front-desk clerk and a member, all signed in over HTTP. */
export const commerceStore = async (app: TestApp): Promise<Store> => {
  const tenant = String((await createTenant(app.payload)).id)
  const person = async (roles: ('owner' | 'front_desk' | 'member')[]) => {
    const { user, membership } = await createPerson(app.payload, { tenant, roles })
    const { client } = await signIn(app, user.email)
    return { userId: String(user.id), membershipId: String(membership!.id), client }
  }
  const owner = await person(['owner'])
  const desk = await person(['front_desk'])
  const member = await person(['member'])
  const product = async (data: Record<string, unknown>) => {
    const slug = `p-${Math.random().toString(36).slice(2, 10)}`
    const res = await owner.client.post('/api/products', {
      tenant,
      name: slug,
      slug,
      kind: 'retail',
      price: { amount: 1000, currency: 'USD' },
      ...data,
    })
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.doc
  }
  return { tenant, owner, desk, member, product }
}
