import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { ImportMatch } from '../../types'
import { importMembershipsTable, importUsersTable } from '../../operations/sql/importPeopleTables'
import { normalEmail, normalName, phoneDigits } from './importIdentity'

export type MemberMatch = { member: string; matchedBy: ImportMatch } | { member: null; reason: string }

/**
 * The active member of `tenant` an imported row names, tried in order: the e-mail (the user's,
 * case-insensitive), then the phone (the membership's profile phone, else the user's; digits
 * only, the last ten compared when both have ten or more, so `+1 312…` finds `(312)…`), then the
 * full name (the membership's display name, else the user's name; case and spacing ignored) only
 * when exactly one member has it. An e-mail or phone shared by several members falls through to
 * the next rule. Unmatched: reason `ambiguous name` when several members share the name.
 */
export const matchImportMember = async (
  req: PayloadRequest,
  tenant: string,
  row: { email: string; phone: string; name: string },
): Promise<MemberMatch> => {
  const m = importMembershipsTable(req)
  const u = importUsersTable(req)
  const from = sql`FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
                   WHERE m.${m.tenant} = ${tenant} AND m.${m.status} = 'active'`
  const email = normalEmail(row.email)
  if (email) {
    const rows = await runSql<{ id: string }>(
      req,
      sql`SELECT m.${m.id} AS id ${from} AND lower(u.${u.email}) = ${email} LIMIT 2`,
    )
    if (rows.length === 1) return { member: String(rows[0].id), matchedBy: 'email' }
  }
  const digits = phoneDigits(row.phone)
  if (digits.length >= 5) {
    const phone = sql`regexp_replace(coalesce(nullif(m.${m.phone}, ''), u.${u.phone}, ''), '\\D', '', 'g')`
    const rows = await runSql<{ id: string }>(
      req,
      sql`SELECT m.${m.id} AS id ${from}
            AND (${phone} = ${digits} OR (length(${phone}) >= 10 AND ${digits.length >= 10} AND right(${phone}, 10) = ${digits.slice(-10)}))
          LIMIT 2`,
    )
    if (rows.length === 1) return { member: String(rows[0].id), matchedBy: 'phone' }
  }
  const name = normalName(row.name)
  if (name) {
    const rows = await runSql<{ id: string }>(
      req,
      sql`SELECT m.${m.id} AS id ${from}
            AND lower(regexp_replace(btrim(coalesce(nullif(m.${m.displayName}, ''), u.${u.name}, '')), '\\s+', ' ', 'g')) = ${name}
          LIMIT 2`,
    )
    if (rows.length === 1) return { member: String(rows[0].id), matchedBy: 'name' }
    if (rows.length > 1) return { member: null, reason: 'ambiguous name' }
  }
  return { member: null, reason: 'No member with this e-mail, phone or name' }
}
