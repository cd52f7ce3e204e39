import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, memberOfUser, runSql } from '@/core'
import type { DismissReply } from '../../contract'
import { announcementsTable } from './sql/announcementsTable'
import { noticeDismissalsTable } from './sql/noticeDismissalsTable'

/**
 * The signed-in member hides a sent announcement for themselves: one row per member and
 * announcement (`INSERT … ON CONFLICT DO NOTHING`), so dismissing again changes nothing.
 * 404 for an announcement that is not sent (or not there); 403 for someone not a member of its tenant.
 */
export const dismissAnnouncement = async (req: PayloadRequest, id: string): Promise<DismissReply> => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new OperationError(404, 'not_found', 'No such announcement.')
  const a = announcementsTable(req)
  const [announcement] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${a.tenant} AS tenant FROM ${a.$table} WHERE ${a.id} = ${id} AND ${a.status} = 'sent'`,
  )
  if (!announcement) throw new OperationError(404, 'not_found', 'No such announcement.')
  const member = await memberOfUser(
    req,
    String(announcement.tenant),
    'Only members of this business can dismiss its notices.',
  )
  const d = noticeDismissalsTable(req)
  await runSql(
    req,
    sql`INSERT INTO ${d.$table} (${d.tenant}, ${d.member}, ${d.announcement}, ${d.dismissedAt}, ${d.createdAt}, ${d.updatedAt})
        VALUES (${announcement.tenant}, ${member.id}, ${id}, now(), now(), now())
        ON CONFLICT (${d.member}, ${d.announcement}) WHERE ${d.announcement} IS NOT NULL DO NOTHING`,
  )
  return { announcement: id, dismissed: true }
}
