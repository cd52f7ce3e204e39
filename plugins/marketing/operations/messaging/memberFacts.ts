import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, isTimeZone, runSql, tenantsTable, usersTable } from '@/core'
import type { TenantMembership } from '@/payload-types'
import { marketingSettingsTable, memberFactsTable } from '../sql/automationsTable'

export type MemberFacts = {
  id: string
  tenant: string
  status: string
  tags: string[]
  email: string | null
  phone: string | null
  name: string | null
  firstName: string
  lastVisitAt: string | null
  /** The member's own IANA zone, else the tenant's. */
  zone: string
  tenantName: string
  /** The tenant's quiet hours and frequency cap when set in tenant-settings (`marketing`). */
  settings: { quietStart: string | null; quietEnd: string | null; frequencyCap: number | null }
}

/** What sending to a member needs: contact, zone, status and tags, and the tenant's sending rules. */
export const memberFacts = async (req: PayloadRequest, member: string): Promise<MemberFacts | null> => {
  const doc = await req.payload.db.findOne<TenantMembership>({
    collection: 'tenant-memberships',
    where: { id: { equals: member } },
    req,
  })
  if (!doc) return null
  const tenant = idOf(doc.tenant)
  if (!tenant) return null
  const m = memberFactsTable(req)
  const u = usersTable(req)
  const t = tenantsTable(req)
  const s = marketingSettingsTable(req)
  const [row] = await runSql<{
    email: string | null
    user_name: string | null
    tenant_name: string
    tenant_zone: string | null
    quiet_start: string | null
    quiet_end: string | null
    frequency_cap: number | null
  }>(
    req,
    sql`SELECT u.${u.email} AS email, u.${u.name} AS user_name, t.${t.name} AS tenant_name, t.${t.timezone} AS tenant_zone,
               s.${s.quietStart} AS quiet_start, s.${s.quietEnd} AS quiet_end, s.${s.frequencyCap} AS frequency_cap
        FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user} JOIN ${t.$table} t ON t.${t.id} = m.${m.tenant}
        LEFT JOIN ${s.$table} s ON s.${s.tenant} = m.${m.tenant}
        WHERE m.${m.id} = ${member}`,
  )
  if (!row) return null
  const name = doc.profile?.displayName || row.user_name || null
  const own = doc.profile?.timezone
  return {
    id: String(doc.id),
    tenant,
    status: doc.status,
    tags: doc.tags ?? [],
    email: row.email,
    phone: doc.profile?.phone ?? null,
    name,
    firstName: name ? name.split(/\s+/)[0] : 'there',
    lastVisitAt: doc.lastVisitAt ?? null,
    zone: isTimeZone(own) ? own : isTimeZone(row.tenant_zone) ? row.tenant_zone : 'UTC',
    tenantName: row.tenant_name,
    settings: {
      quietStart: row.quiet_start,
      quietEnd: row.quiet_end,
      frequencyCap: row.frequency_cap == null ? null : Number(row.frequency_cap),
    },
  }
}
