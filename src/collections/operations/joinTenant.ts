import type { PayloadRequest } from 'payload'
import { idOf } from '@/core/access/idOf'
import { emit } from '@/core/events/emit'
import { OperationError } from '@/core/http/OperationError'
import { tenantBySlug } from '@/core/tenancy/resolveTenant'
import { syncUserTenants } from '@/core/tenancy/syncUserTenants'

/** Tenants that take new members (a suspended or archived tenant does not). */
const OPEN = new Set(['active', 'trial'])

export type JoinTenantResult = {
  membership: { id: string; tenant: string; user: string; roles: string[]; status: string }
  joined: boolean
}

type MembershipRow = { id: string; tenant: unknown; user: unknown; roles?: string[]; status: string }

const shape = (row: MembershipRow): JoinTenantResult['membership'] => ({
  id: String(row.id),
  tenant: idOf(row.tenant) ?? '',
  user: idOf(row.user) ?? '',
  roles: row.roles ?? [],
  status: row.status,
})

/**
 * The signed-in person joins a tenant as a plain member (sign-up on a tenant's website, or an
 * account of another tenant joining this one). Members may not create memberships through the
 * collection's access rules (only desk staff may), so this is the one system path that does:
 * it only ever adds the caller, only with the `member` role, only to an open tenant. An invited
 * membership becomes active; an existing active or frozen one is returned unchanged; an archived
 * one is refused (the studio decides). The same consequences as the collection's hooks follow in
 * the request's transaction: `users.tenants[]` is re-mirrored and `member.created` is emitted.
 */
export const joinTenant = async (
  req: PayloadRequest,
  { tenant: slug }: { tenant: string },
): Promise<JoinTenantResult> => {
  const userId = idOf(req.user)
  if (!userId || req.user?.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const tenant = await tenantBySlug(req.payload, slug.trim().toLowerCase())
  if (!tenant) throw new OperationError(404, 'tenant_not_found', `No business has the address "${slug}".`)
  if (!OPEN.has(tenant.status))
    throw new OperationError(409, 'tenant_closed', `${tenant.name} is not taking new members right now.`)

  const existing = await req.payload.db.findOne<MembershipRow>({
    collection: 'tenant-memberships',
    where: { and: [{ tenant: { equals: tenant.id } }, { user: { equals: userId } }] },
    req,
  })
  if (existing?.status === 'archived') {
    throw new OperationError(
      403,
      'membership_archived',
      `Your membership of ${tenant.name} was closed; please contact the studio.`,
    )
  }
  if (existing && existing.status !== 'invited') return { membership: shape(existing), joined: false }

  const now = new Date().toISOString()
  const row = (
    existing
      ? await req.payload.db.updateOne({
          collection: 'tenant-memberships',
          id: existing.id,
          data: { status: 'active', joinedAt: now },
          req,
        })
      : await req.payload.db.create({
          collection: 'tenant-memberships',
          data: { tenant: tenant.id, user: userId, roles: ['member'], status: 'active', joinedAt: now },
          req,
        })
  ) as MembershipRow
  await syncUserTenants(req, userId)
  const membership = shape(row)
  await emit(req, {
    type: existing ? 'member.updated' : 'member.created',
    tenant: tenant.id,
    subject: { collection: 'tenant-memberships', id: membership.id },
    data: { user: userId, roles: membership.roles, status: membership.status },
  })
  return { membership, joined: true }
}
