import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, idOf, runSql } from '@/core'
import { announcementsTable } from './sql/announcementsTable'

type SentRow = {
  id: string
  tenant: string
  title: string
  priority: string
  show_as_banner: boolean | null
  location: string | null
}

/**
 * Sends every scheduled announcement whose time has come, exactly once: one conditional
 * `UPDATE … WHERE status = 'scheduled' … RETURNING` (a concurrent run waits on the row locks and
 * then finds them sent), emitting `announcement.published` for each in the same transaction.
 */
export const sendDueAnnouncements = async (req: PayloadRequest, only?: { id: string }): Promise<string[]> => {
  const a = announcementsTable(req)
  const rows = await runSql<SentRow>(
    req,
    sql`UPDATE ${a.$table} SET ${a.status} = 'sent'::${a.$enum.status}, ${a.sentAt} = now(), ${a.updatedAt} = now()
        WHERE ${a.status} = 'scheduled' AND ${a.scheduledAt} <= now() ${only ? sql`AND ${a.id} = ${only.id}` : sql``}
        RETURNING ${a.id} AS id, ${a.tenant} AS tenant, ${a.title} AS title, ${a.priority}::text AS priority,
                  ${a.showAsBanner} AS show_as_banner, ${a.location} AS location`,
  )
  for (const row of rows) await published(req, row)
  return rows.map((row) => String(row.id))
}

/** `announcement.published` for a row just marked sent. */
export const published = (req: PayloadRequest, row: SentRow) =>
  emit(req, {
    type: 'announcement.published',
    tenant: row.tenant,
    subject: { collection: 'announcements', id: row.id },
    data: {
      announcement: String(row.id),
      title: row.title,
      priority: row.priority,
      showAsBanner: Boolean(row.show_as_banner),
      location: idOf(row.location) ?? null,
    },
  })
