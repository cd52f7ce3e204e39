import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, inTransaction, runSql } from '@/core'

/**
 * Reservations (`incomplete` manual subscriptions) whose invoice is still open after its due date
 * (RESERVATION_DAYS after reserving) are canceled and their invoice voided, in one transaction;
 * a second run finds nothing. Returns how many were canceled.
 */
export const expireReservations = async (req: PayloadRequest): Promise<number> =>
  inTransaction(req, async () => {
    const rows = await runSql<{ id: string; tenant_id: string; member_id: string; plan_id: string }>(
      req,
      sql`WITH stale AS (
            SELECT DISTINCT i.subscription_id AS id FROM invoices i JOIN subscriptions s ON s.id = i.subscription_id
            WHERE i.status = 'open' AND i.due_at < now() AND s.provider = 'manual' AND s.status = 'incomplete')
          UPDATE subscriptions s SET status = 'canceled', canceled_at = now(), updated_at = now()
          FROM stale WHERE s.id = stale.id AND s.status = 'incomplete'
          RETURNING s.id, s.tenant_id, s.member_id, s.plan_id`,
    )
    for (const row of rows) {
      await runSql(
        req,
        sql`UPDATE invoices SET status = 'void', updated_at = now() WHERE subscription_id = ${row.id} AND status = 'open'`,
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
