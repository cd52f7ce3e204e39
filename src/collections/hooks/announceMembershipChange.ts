import type { CollectionAfterChangeHook } from 'payload'
import { emit } from '@/core/events/emit'
import { audit } from '@/core/audit/audit'

const sameRoles = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((role) => b.includes(role))

/** member.created / member.updated / member.role_changed / member.archived, and an audit row for role changes. */
export const announceMembershipChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const base = { tenant: doc.tenant, subject: { collection: 'tenant-memberships', id: doc.id } }
  const data = { user: String(doc.user?.id ?? doc.user), roles: doc.roles, status: doc.status }
  if (operation === 'create') {
    await emit(req, { ...base, type: 'member.created', data })
    return doc
  }
  if (!sameRoles(previousDoc?.roles, doc.roles)) {
    await emit(req, {
      ...base,
      type: 'member.role_changed',
      data: { ...data, previousRoles: previousDoc?.roles ?? [] },
    })
    await audit(req, {
      category: 'security',
      action: 'member.role_changed',
      tenant: doc.tenant,
      resourceType: 'tenant-memberships',
      resourceId: doc.id,
      before: { roles: previousDoc?.roles ?? [] },
      after: { roles: doc.roles },
    })
  }
  if (doc.status === 'archived' && previousDoc?.status !== 'archived') {
    await emit(req, { ...base, type: 'member.archived', data })
  } else {
    await emit(req, { ...base, type: 'member.updated', data })
  }
  return doc
}
