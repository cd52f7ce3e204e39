import type { PayloadRequest } from 'payload'
import { randomBytes } from 'node:crypto'
import { idOf } from '../access/idOf'

/** Memberships that grant access; frozen members keep their account but staff roles lapse. */
const GRANTING = ['active', 'frozen']

/**
 * Mirrors a user's memberships into `users.tenants[]` (tenant + roles) inside the request's
 * transaction. System bookkeeping, so it writes through the database adapter: the field is
 * read-only to every API.
 */
export const syncUserTenants = async (req: PayloadRequest, userId: unknown): Promise<void> => {
  const id = idOf(userId)
  if (!id) return
  const { docs } = await req.payload.db.find<{ tenant: unknown; roles?: string[]; status: string }>({
    collection: 'tenant-memberships',
    where: { and: [{ user: { equals: id } }, { status: { in: GRANTING } }] },
    pagination: false,
    limit: 0,
    req,
  })
  const tenants = docs.map((membership) => ({
    id: randomBytes(12).toString('hex'),
    tenant: idOf(membership.tenant),
    roles: membership.status === 'active' ? (membership.roles ?? []) : ['member'],
  }))
  // The postgres adapter rewrites EVERY array table of the row on update, present in `data` or
  // not: carry the user's other arrays (sessions, linked emails) over, or they would be wiped
  // (signing the person out of every session).
  const current = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } }, req })) as Record<
    string,
    unknown
  > | null
  const otherArrays = Object.fromEntries(
    (req.payload.collections.users?.config.flattenedFields ?? [])
      .filter((field) => field.type === 'array' && field.name !== 'tenants' && Array.isArray(current?.[field.name]))
      .map((field) => [field.name, current![field.name]]),
  )
  await req.payload.db.updateOne({ collection: 'users', id, data: { ...otherArrays, tenants }, req })
}
