import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'

export const COMPLETE_TASK = 'completeClasses'

/**
 * Completes classes whose endTime has passed, marks their un-checked-in confirmed bookings no_show
 * and closes the waitlist; completes booked appointments that have ended (`appointment.completed`).
 */
export const completeClassesTask = ({ cron, queue }: { cron: string; queue: string }): TaskConfig => ({
  slug: COMPLETE_TASK,
  label: 'Complete finished classes',
  retries: 3,
  schedule: [{ cron, queue }],
  outputSchema: [
    { name: 'completed', type: 'number' },
    { name: 'appointmentsCompleted', type: 'number' },
  ],
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
        sql`UPDATE bookings SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'class_completed', waitlist_position = NULL, offer_expires_at = NULL, updated_at = now()
            WHERE class_id = ${klass.id} AND status IN ('waitlisted', 'offered')`,
      )
      await emit(req, { type: 'class.completed', tenant: klass.tenant_id, subject: { collection: 'classes', id: klass.id }, data: { noShows: noShows.length } })
    }
    // Appointments that have ended are completed too (no-shows are marked by staff).
    const appointments = await runSql<{ id: string; tenant_id: string; member_id: string; provider_id: string; service_id: string }>(
      req,
      sql`UPDATE appointments SET status = 'completed', updated_at = now()
          WHERE id IN (SELECT id FROM appointments WHERE status = 'booked' AND end_time < now() ORDER BY end_time LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING id, tenant_id, member_id, provider_id, service_id`,
    )
    for (const a of appointments) {
      await emit(req, {
        type: 'appointment.completed',
        tenant: a.tenant_id,
        subject: { collection: 'appointments', id: a.id },
        data: { service: String(a.service_id), provider: String(a.provider_id), member: String(a.member_id) },
      })
    }
    return { output: { completed: done.length, appointmentsCompleted: appointments.length } }
  },
})
