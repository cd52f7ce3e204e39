import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'

export const COMPLETE_TASK = 'completeClasses'

/** Completes classes whose endTime has passed, marks their un-checked-in confirmed bookings no_show and closes the waitlist. */
export const completeClassesTask = ({ cron, queue }: { cron: string; queue: string }): TaskConfig => ({
  slug: COMPLETE_TASK,
  label: 'Complete finished classes',
  retries: 3,
  schedule: [{ cron, queue }],
  outputSchema: [{ name: 'completed', type: 'number' }],
  handler: async ({ req }) => {
    const done = await runSql<{ id: string; tenant_id: string }>(
      req,
      sql`UPDATE classes SET status = 'completed', updated_at = now()
          WHERE id IN (SELECT id FROM classes WHERE status = 'scheduled' AND end_time < now() ORDER BY end_time LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING id, tenant_id`,
    )
    for (const klass of done) {
      const noShows = await runSql<{ id: string }>(
        req,
        sql`UPDATE bookings SET status = 'no_show', updated_at = now() WHERE class_id = ${klass.id} AND status = 'confirmed' RETURNING id`,
      )
      await runSql(
        req,
        sql`UPDATE bookings SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'class_completed', waitlist_position = NULL, updated_at = now()
            WHERE class_id = ${klass.id} AND status = 'waitlisted'`,
      )
      await emit(req, { type: 'class.completed', tenant: klass.tenant_id, subject: { collection: 'classes', id: klass.id }, data: { noShows: noShows.length } })
    }
    return { output: { completed: done.length } }
  },
})
