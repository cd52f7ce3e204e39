import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, tenantMembershipsTable, tenantsTable } from '@/core'
import type { SiteBanner, SiteBannersReply } from '../../contract'
import { announcementsTable } from './sql/announcementsTable'
import { noticeDismissalsTable } from './sql/noticeDismissalsTable'

/** The signed-in person's active membership of `tenant`, if any. */
export const viewerMembership = async (req: PayloadRequest, tenant: string): Promise<string | null> => {
  if (!req.user || req.user.collection !== 'users') return null
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.tenant} = ${tenant} AND ${m.user} = ${String(req.user.id)} AND ${m.status} = 'active' LIMIT 1`,
  )
  return row ? String(row.id) : null
}

/** The tenant by id or slug (404 when there is none). */
const tenantOf = async (req: PayloadRequest, ref: string): Promise<string> => {
  const t = tenantsTable(req)
  const isId = /^[0-9a-f-]{36}$/i.test(ref)
  const [row] = await runSql<{ id: string }>(
    req,
    isId
      ? sql`SELECT ${t.id} AS id FROM ${t.$table} WHERE ${t.id} = ${ref} LIMIT 1`
      : sql`SELECT ${t.id} AS id FROM ${t.$table} WHERE ${t.slug} = ${ref} LIMIT 1`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'No such business.')
  return String(row.id)
}

/**
 * The tenant's current banners: sent announcements shown as a banner whose window (`startsAt`,
 * `endsAt`) holds now, minus those the signed-in member dismissed (by announcement or notice
 * type), most urgent first (at most 5).
 */
export const siteBanners = async (req: PayloadRequest, tenantRef: string): Promise<SiteBannersReply> => {
  const tenant = await tenantOf(req, tenantRef)
  const member = await viewerMembership(req, tenant)
  const a = announcementsTable(req)
  const d = noticeDismissalsTable(req)
  const rows = await runSql<{
    id: string
    title: string
    body: string
    priority: SiteBanner['priority']
    notice_type: string | null
    ends_at: Date | string | null
  }>(
    req,
    sql`SELECT a.${a.id} AS id, a.${a.title} AS title, a.${a.body} AS body, a.${a.priority}::text AS priority,
               a.${a.noticeType}::text AS notice_type, a.${a.endsAt} AS ends_at
        FROM ${a.$table} a
        WHERE a.${a.tenant} = ${tenant} AND a.${a.status} = 'sent' AND a.${a.showAsBanner} = true
          AND (a.${a.startsAt} IS NULL OR a.${a.startsAt} <= now()) AND (a.${a.endsAt} IS NULL OR a.${a.endsAt} > now())
          ${
            member
              ? sql`AND NOT EXISTS (SELECT 1 FROM ${d.$table} d WHERE d.${d.member} = ${member}
                      AND (d.${d.announcement} = a.${a.id} OR d.${d.noticeType} = a.${a.noticeType}::text))`
              : sql``
          }
        ORDER BY a.${a.priority} DESC, COALESCE(a.${a.startsAt}, a.${a.sentAt}) DESC
        LIMIT 5`,
  )
  return {
    canDismiss: Boolean(member),
    banners: rows.map((row) => ({
      id: String(row.id),
      title: row.title,
      body: row.body,
      priority: row.priority,
      noticeType: row.notice_type,
      endsAt: row.ends_at ? new Date(row.ends_at).toISOString() : null,
    })),
  }
}
