import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, inTransaction, runSql } from '@/core'
import { invoicesTable } from './sql/invoicesTable'
import { subscriptionsTable } from './sql/subscriptionsTable'

/**
 * Reservations (`incomplete` manual subscriptions) whose invoice is still open after its due date
 * (RESERVATION_DAYS after reserving) are canceled and their invoice voided, in one transaction;
 * a second run finds nothing. Returns how many were canceled.
 */
export const expireReservations = async (req: PayloadRequest): Promise<number> =>
  inTransaction(req, async () => {
    const s = subscriptionsTable(req)
    const i = invoicesTable(req)
    const rows = await runSql<{ id: string; tenant_id: string; member_id: string; plan_id: string }>(
      req,
      sql`WITH stale AS (
            SELECT DISTINCT i.${i.subscription} AS id FROM ${i} i JOIN ${s} s ON s.${s.id} = i.${i.subscription}
            WHERE i.${i.status} = 'open' AND i.${i.dueAt} < now() AND s.${s.provider} = 'manual' AND s.${s.status} = 'incomplete')
          UPDATE ${s} s SET ${s.status} = 'canceled', ${s.canceledAt} = now(), ${s.updatedAt} = now()
          FROM stale WHERE s.${s.id} = stale.id AND s.${s.status} = 'incomplete'
          RETURNING s.${s.id} AS id, s.${s.tenant} AS tenant_id, s.${s.member} AS member_id, s.${s.plan} AS plan_id`,
    )
    for (const row of rows) {
      await runSql(
        req,
        sql`UPDATE ${i} SET ${i.status} = 'void', ${i.updatedAt} = now() WHERE ${i.subscription} = ${row.id} AND ${i.status} = 'open'`,
      )
      await audit(req, {
        category: 'billing',
        action: 'subscription.reservation_expired',
        tenant: String(row.tenant_id),
        resourceType: 'subscriptions',
        resourceId: String(row.id),
      })
      await emit(req, {
        type: 'subscription.canceled',
        tenant: String(row.tenant_id),
        subject: { collection: 'subscriptions', id: String(row.id) },
        data: { member: String(row.member_id), plan: String(row.plan_id), reason: 'reservation_expired' },
      })
    }
    return rows.length
  })
