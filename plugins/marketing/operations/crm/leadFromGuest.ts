import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, usersTable } from '@/core'
import { upsertLead, type UpsertedLead } from './upsertLead'

type GuestContact = { email: string; name: string | null; phone: string | null }

/**
 * A guest (no account) booked or RSVPed: the tenant's lead for that address is captured, unless the
 * address already belongs to a member of the tenant (someone who booked as a guest while signed
 * out is not a prospect).
 */
export const leadFromGuest = async (
  req: PayloadRequest,
  input: { tenant: string; contact: GuestContact; source: 'guest_booking' | 'event_rsvp' | 'tour' | 'facility_guest' },
): Promise<UpsertedLead | null> => {
  const email = input.contact.email.trim().toLowerCase()
  if (!email.includes('@')) return null
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const members = await runSql(
    req,
    sql`SELECT 1 FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE m.${m.tenant} = ${input.tenant} AND lower(u.${u.email}) = ${email} LIMIT 1`,
  )
  if (members.length > 0) return null
  return upsertLead(req, {
    tenant: input.tenant,
    email,
    name: input.contact.name,
    phone: input.contact.phone,
    source: input.source,
  })
}
