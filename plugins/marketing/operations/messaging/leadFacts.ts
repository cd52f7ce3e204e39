import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, isTimeZone, runSql, tenantsTable } from '@/core'
import type { Lead } from '@/payload-types'
import { marketingSettingsTable } from '../sql/automationsTable'
import { memberByEmail } from '../automations/memberByEmail'

/** What sending to a lead needs (Lead recipients): contact, status, tags, consent, and the tenant's zone and rules. */
export type LeadFacts = {
  id: string
  tenant: string
  email: string
  name: string | null
  firstName: string
  status: string
  tags: string[]
  convertedMember: string | null
  /** Marketing mail is allowed when the lead consented (`marketingConsentAt`) after any unsubscribe. */
  marketingAllowed: boolean
  /** The tenant's zone (a lead has none of its own). */
  zone: string
  tenantName: string
  settings: { quietStart: string | null; quietEnd: string | null; frequencyCap: number | null }
}

export const leadFacts = async (req: PayloadRequest, lead: string): Promise<LeadFacts | null> => {
  const doc = await req.payload.db.findOne<Lead>({ collection: 'leads', where: { id: { equals: lead } }, req })
  const tenant = idOf(doc?.tenant)
  if (!doc || !tenant) return null
  const t = tenantsTable(req)
  const s = marketingSettingsTable(req)
  const [row] = await runSql<{
    tenant_name: string
    tenant_zone: string | null
    quiet_start: string | null
    quiet_end: string | null
    frequency_cap: number | null
  }>(
    req,
    sql`SELECT t.${t.name} AS tenant_name, t.${t.timezone} AS tenant_zone, s.${s.quietStart} AS quiet_start,
               s.${s.quietEnd} AS quiet_end, s.${s.frequencyCap} AS frequency_cap
        FROM ${t.$table} t LEFT JOIN ${s.$table} s ON s.${s.tenant} = t.${t.id} WHERE t.${t.id} = ${tenant}`,
  )
  if (!row) return null
  const consentAt = doc.marketingConsentAt ? new Date(doc.marketingConsentAt).getTime() : null
  const unsubscribedAt = doc.unsubscribedAt ? new Date(doc.unsubscribedAt).getTime() : null
  const name = doc.name?.trim() || null
  return {
    id: String(doc.id),
    tenant,
    email: doc.email,
    name,
    firstName: name ? name.split(/\s+/)[0] : 'there',
    status: doc.status,
    tags: doc.tags ?? [],
    convertedMember: idOf(doc.convertedMember) ?? null,
    marketingAllowed: consentAt !== null && (unsubscribedAt === null || unsubscribedAt < consentAt),
    zone: isTimeZone(row.tenant_zone) ? row.tenant_zone : 'UTC',
    tenantName: row.tenant_name,
    settings: {
      quietStart: row.quiet_start,
      quietEnd: row.quiet_end,
      frequencyCap: row.frequency_cap == null ? null : Number(row.frequency_cap),
    },
  }
}

/**
 * Why a lead should get nothing more from a New lead automation, or null: it converted (or a member
 * of the tenant already has its address: the member's own automations take over) → `lead_converted`;
 * it was marked lost → `lead_lost`.
 */
export const leadStopReason = async (
  req: PayloadRequest,
  lead: LeadFacts,
): Promise<'lead_converted' | 'lead_lost' | null> => {
  if (lead.convertedMember || lead.status === 'converted') return 'lead_converted'
  if (await memberByEmail(req, lead.tenant, lead.email)) return 'lead_converted'
  if (lead.status === 'lost') return 'lead_lost'
  return null
}
