import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { appointmentsTable } from '../operations/sql/appointmentsTable'
import { bookingsTable } from '../operations/sql/bookingsTable'
import { classesTable } from '../operations/sql/classesTable'
import { eventRsvpsTable } from '../operations/sql/eventRsvpsTable'
import { eventsTable } from '../operations/sql/eventsTable'

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
    const c = classesTable(req)
    const b = bookingsTable(req)
    const ap = appointmentsTable(req)
    const ev = eventsTable(req)
    const rv = eventRsvpsTable(req)
    const done = await runSql<{ id: string; tenant_id: string }>(
      req,
      sql`UPDATE ${c} SET ${c.status} = 'completed', ${c.updatedAt} = now()
          WHERE ${c.id} IN (SELECT ${c.id} FROM ${c} WHERE ${c.status} = 'scheduled' AND ${c.endTime} < now()
                            ORDER BY ${c.endTime} LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING ${c.id} AS id, ${c.tenant} AS tenant_id`,
    )
    for (const klass of done) {
      const noShows = await runSql<{ id: string; member_id: string }>(
        req,
        sql`UPDATE ${b} SET ${b.status} = 'no_show', ${b.updatedAt} = now()
            WHERE ${b.class} = ${klass.id} AND ${b.status} = 'confirmed' RETURNING ${b.id} AS id, ${b.member} AS member_id`,
      )
      for (const noShow of noShows)
        await emit(req, {
          type: 'booking.no_show',
          tenant: klass.tenant_id,
          subject: { collection: 'bookings', id: noShow.id },
          data: { class: String(klass.id), member: String(noShow.member_id) },
        })
      await runSql(
        req,
        sql`UPDATE ${b} SET ${b.status} = 'cancelled', ${b.cancelledAt} = now(), ${b.cancellationReason} = 'class_completed',
                            ${b.waitlistPosition} = NULL, ${b.offerExpiresAt} = NULL, ${b.updatedAt} = now()
            WHERE ${b.class} = ${klass.id} AND ${b.status} IN ('waitlisted', 'offered')`,
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
      sql`UPDATE ${ap} SET ${ap.status} = CASE WHEN ${ap.checkedInAt} IS NULL THEN 'no_show'::${ap.$enum.status} ELSE 'completed'::${ap.$enum.status} END,
                           ${ap.updatedAt} = now()
          WHERE ${ap.id} IN (SELECT ${ap.id} FROM ${ap} WHERE ${ap.status} = 'booked' AND ${ap.endTime} < now()
                             ORDER BY ${ap.endTime} LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING ${ap.id} AS id, ${ap.tenant} AS tenant_id, ${ap.member} AS member_id, ${ap.provider} AS provider_id,
                    ${ap.service} AS service_id, ${ap.status} AS status`,
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
      sql`UPDATE ${rv} SET ${rv.status} = 'no_show', ${rv.updatedAt} = now()
          WHERE ${rv.id} IN (SELECT r.${rv.id} FROM ${rv} r JOIN ${ev} e ON e.${ev.id} = r.${rv.event}
                             WHERE r.${rv.status} = 'going' AND e.${ev.endTime} < now()
                             ORDER BY e.${ev.endTime} LIMIT 2000 FOR UPDATE OF r SKIP LOCKED)
          RETURNING ${rv.id} AS id, ${rv.tenant} AS tenant_id, ${rv.event} AS event_id, ${rv.member} AS member_id`,
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
            UPDATE ${rv} SET ${rv.status} = 'cancelled', ${rv.cancelledAt} = now(), ${rv.cancellationReason} = 'event_ended',
                             ${rv.waitlistPosition} = NULL, ${rv.updatedAt} = now()
            WHERE ${rv.status} = 'waitlisted'
              AND ${rv.event} IN (SELECT ${ev.id} FROM ${ev} WHERE ${ev.endTime} < now() AND ${ev.waitlistCount} > 0)
            RETURNING ${rv.event} AS event_id)
          UPDATE ${ev} SET ${ev.waitlistCount} = 0 WHERE ${ev.id} IN (SELECT event_id FROM closed)`,
    )
    return { output: { completed: done.length, appointmentsCompleted: appointments.length, rsvpNoShows: rsvps.length } }
  },
})
