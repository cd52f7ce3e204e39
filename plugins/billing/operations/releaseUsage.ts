import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type EventOf } from '@/core'

/**
 * Subscriber of `booking.cancelled`: a booking cancelled in time (not late) gives its quota use
 * back. One conditional UPDATE removes the class from the usage row's targets, so a redelivered
 * event finds nothing to release. Late cancels keep the use (forfeited).
 */
export const releaseUsage = async (
  event: EventOf<'booking.cancelled'>,
  { req }: { req: PayloadRequest },
): Promise<void> => {
  const data = event.data
  if (data.late || !data.class || !data.member || !event.tenant) return
  const target = `classes:${data.class}`
  await runSql(
    req,
    sql`UPDATE usage_records SET quantity = quantity - 1, targets = targets - ${target}::text, updated_at = now()
        WHERE tenant_id = ${event.tenant} AND member_id = ${data.member} AND quantity > 0 AND targets @> jsonb_build_array(${target}::text)`,
  )
}
