import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'

export const COMPLETE_TASK = 'completeClasses'

/**
 * Completes classes whose endTime has passed, marks their un-checked-in confirmed bookings no_show
 * and closes the waitlist; ends booked appointments that have ended (checked in → `completed`,
 * otherwise `no_show`); marks still-going RSVPs of ended events `no_show` and closes their waitlists.
 */
export const completeClassesTask = ({ cron, queue }: { cron: string; queue: string }): TaskConfig => ({
  slug: COMPLETE_TASK,
  label: 'Complete finished classes',
  retries: 3,
  schedule: [{ cron, queue }],
  outputSchema: [
    { name: 'completed', type: 'number' },
    { name: 'appointmentsCompleted', type: 'number' },
    { name: 'rsvpNoShows', type: 'number' },
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
      await emit(req, {
        type: 'class.completed',
        tenant: klass.tenant_id,
        subject: { collection: 'classes', id: klass.id },
        data: { noShows: noShows.length },
      })
    }
    // Appointments that have ended: checked in → completed, otherwise no_show (unless staff marked it already).
    const appointments = await runSql<{
      id: string
      tenant_id: string
      member_id: string | null
      provider_id: string
      service_id: string
      status: string
    }>(
      req,
      sql`UPDATE appointments SET status = CASE WHEN checked_in_at IS NULL THEN 'no_show'::enum_appointments_status ELSE 'completed'::enum_appointments_status END,
                                  updated_at = now()
          WHERE id IN (SELECT id FROM appointments WHERE status = 'booked' AND end_time < now() ORDER BY end_time LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING id, tenant_id, member_id, provider_id, service_id, status`,
    )
    for (const a of appointments) {
      const data = {
        service: String(a.service_id),
        provider: String(a.provider_id),
        member: a.member_id ? String(a.member_id) : null,
      }
      await emit(req, {
        type: a.status === 'completed' ? 'appointment.completed' : 'appointment.no_show',
        tenant: a.tenant_id,
        subject: { collection: 'appointments', id: a.id },
        data: a.status === 'completed' ? data : { ...data, markedBy: 'job' },
      })
    }
    // RSVPs of events that have ended: still `going` (not checked in) → no_show; the waitlist closes.
    const rsvps = await runSql<{ id: string; tenant_id: string; event_id: string; member_id: string | null }>(
      req,
      sql`UPDATE event_rsvps SET status = 'no_show', updated_at = now()
          WHERE id IN (SELECT r.id FROM event_rsvps r JOIN events e ON e.id = r.event_id
                       WHERE r.status = 'going' AND e.end_time < now() ORDER BY e.end_time LIMIT 2000 FOR UPDATE OF r SKIP LOCKED)
          RETURNING id, tenant_id, event_id, member_id`,
    )
    for (const r of rsvps) {
      await emit(req, {
        type: 'rsvp.no_show',
        tenant: r.tenant_id,
        subject: { collection: 'event-rsvps', id: r.id },
        data: { event: String(r.event_id), member: r.member_id ? String(r.member_id) : null },
      })
    }
    await runSql(
      req,
      sql`WITH closed AS (
            UPDATE event_rsvps SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'event_ended', waitlist_position = NULL, updated_at = now()
            WHERE status = 'waitlisted' AND event_id IN (SELECT id FROM events WHERE end_time < now() AND waitlist_count > 0)
            RETURNING event_id)
          UPDATE events SET waitlist_count = 0 WHERE id IN (SELECT event_id FROM closed)`,
    )
    return { output: { completed: done.length, appointmentsCompleted: appointments.length, rsvpNoShows: rsvps.length } }
  },
})
