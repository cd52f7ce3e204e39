import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { published } from './sendDueAnnouncements'
import { announcementsTable } from './sql/announcementsTable'

const when = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

/**
 * A closure (facility) becomes a sent banner announcement shown from now until the closure ends:
 * one per closure (`INSERT … ON CONFLICT DO NOTHING` on the source, a repeated delivery adds
 * nothing), emitting `announcement.published` once.
 */
export const announceClosure = async (
  req: PayloadRequest,
  input: { tenant: string; closure: string; startAt: string; endAt: string; zone: string },
): Promise<string | null> => {
  const a = announcementsTable(req)
  const title = 'We are closed'
  const body = `Closed from ${when(input.startAt, input.zone)} to ${when(input.endAt, input.zone)}. Bookings in that time were cancelled.`
  const [row] = await runSql<{
    id: string
    tenant: string
    title: string
    priority: string
    show_as_banner: boolean
    location: null
  }>(
    req,
    sql`INSERT INTO ${a.$table} (${a.tenant}, ${a.title}, ${a.body}, ${a.priority}, ${a.noticeType}, ${a.showAsBanner}, ${a.startsAt}, ${a.endsAt},
                                  ${a.scheduledAt}, ${a.sentAt}, ${a.status}, ${a.sourceCollection}, ${a.sourceId}, ${a.createdAt}, ${a.updatedAt})
        VALUES (${input.tenant}, ${title}, ${body}, 'high'::${a.$enum.priority}, 'closure', true, now(), ${input.endAt},
                now(), now(), 'sent'::${a.$enum.status}, 'closures', ${input.closure}, now(), now())
        ON CONFLICT (${a.tenant}, ${a.sourceCollection}, ${a.sourceId}) WHERE ${a.sourceId} IS NOT NULL DO NOTHING
        RETURNING ${a.id} AS id, ${a.tenant} AS tenant, ${a.title} AS title, ${a.priority}::text AS priority,
                  ${a.showAsBanner} AS show_as_banner, NULL AS location`,
  )
  if (!row) return null
  await published(req, row)
  return String(row.id)
}
