import type { PayloadRequest, TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { expireReservations } from '../operations/expireReservations'
import { resumeDuePauses } from '../operations/pauseSubscription'
import { markPastDue, renewSubscription, type RenewOutcome } from '../operations/renewSubscription'
import { subscriptionsTable } from '../operations/sql/subscriptionsTable'

/**
 * Daily: paused subscriptions whose `pauseUntil` has passed resume first; then every manual subscription whose period or trial has ended is renewed (or ended when
 * canceled at period end), one transaction each; then unpaid invoices past due move their
 * subscriptions to past_due, and reservations unpaid after their due date are canceled. Running it
 * twice changes nothing the second time.
 */
export const renewSubscriptionsTask: TaskConfig = {
  slug: 'renewManualSubscriptions',
  schedule: [{ cron: '0 30 2 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const resumed = await resumeDuePauses(req)
    const counts: Record<RenewOutcome, number> = { renewed: 0, ended: 0, skipped: 0 }
    const s = subscriptionsTable(req)
    // A subscription several periods behind catches up one period per pass.
    for (let pass = 0; pass < 24; pass++) {
      const due = await runSql<{ id: string }>(
        { payload: req.payload, transactionID: undefined },
        sql`SELECT ${s.id} AS id FROM ${s.$table}
            WHERE ${s.provider} = 'manual' AND ${s.status} IN ('active', 'trialing') AND ${s.currentPeriodEnd} <= now()
            ORDER BY ${s.currentPeriodEnd} LIMIT 1000`,
      )
      if (due.length === 0) break
      let moved = 0
      for (const { id } of due) {
        const outcome = await renewSubscription({ ...req, transactionID: undefined } as PayloadRequest, String(id))
        counts[outcome]++
        if (outcome !== 'skipped') moved++
      }
      if (moved === 0) break
    }
    const pastDue = await markPastDue({ ...req, transactionID: undefined } as PayloadRequest)
    const reservationsExpired = await expireReservations({ ...req, transactionID: undefined } as PayloadRequest)
    return { output: { ...counts, pastDue, reservationsExpired, resumed } }
  },
}
