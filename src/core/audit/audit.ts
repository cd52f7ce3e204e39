import type { PayloadRequest } from 'payload'
import { idOf } from '../access/idOf'
import { clientIp } from '../auth/clientIp'
import type { Money } from '../money/money'

export type AuditCategory = 'admin' | 'billing' | 'payment' | 'security' | 'integrity' | 'data'

export type AuditEntry = {
  category: AuditCategory
  action: string
  tenant?: unknown
  resourceType?: string
  resourceId?: unknown
  before?: unknown
  after?: unknown
  amount?: Money
  details?: string
  actorEmail?: string
}

/**
 * Appends an audit row inside the request's transaction. Audit rows are written by the system
 * (no API can create, update or delete them), so this goes through the database adapter.
 */
export const audit = async (req: PayloadRequest, entry: AuditEntry): Promise<void> => {
  const actor = req.user && req.user.collection === 'users' ? req.user : undefined
  await req.payload.db.create({
    collection: 'audit-logs',
    data: {
      category: entry.category,
      action: entry.action,
      tenant: idOf(entry.tenant) ?? null,
      actor: actor ? actor.id : null,
      actorEmail: entry.actorEmail ?? (actor as { email?: string } | undefined)?.email ?? null,
      resourceType: entry.resourceType ?? null,
      resourceId: idOf(entry.resourceId) ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      amount: entry.amount ?? null,
      ipAddress: clientIp(req.headers) ?? null,
      details: entry.details ?? null,
    },
    req,
  })
}
