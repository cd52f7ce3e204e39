import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type EventOf } from '@/core'
import { usageRecordsTable } from './sql/usageRecordsTable'

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
  const u = usageRecordsTable(req)
  await runSql(
    req,
    sql`UPDATE ${u} SET ${u.quantity} = ${u.quantity} - 1, ${u.targets} = ${u.targets} - ${target}::text, ${u.updatedAt} = now()
        WHERE ${u.tenant} = ${event.tenant} AND ${u.member} = ${data.member} AND ${u.quantity} > 0
          AND ${u.targets} @> jsonb_build_array(${target}::text)`,
  )
}
