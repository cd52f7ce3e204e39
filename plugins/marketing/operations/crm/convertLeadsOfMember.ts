import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql, usersTable } from '@/core'
import { leadsTable } from './sql/leadsTable'

/**
 * A person joined the tenant: the tenant's lead with their e-mail (case-insensitive) becomes
 * `converted`, pointing at the membership, in one conditional UPDATE (a lead already converted is
 * left alone, so a repeated delivery changes nothing), and `lead.converted` is emitted for it.
 */
export const convertLeadsOfMember = async (
  req: PayloadRequest,
  input: { tenant: string; member: string; user: string },
): Promise<string[]> => {
  const l = leadsTable(req)
  const u = usersTable(req)
  const rows = await runSql<{ id: string; email: string }>(
    req,
    sql`UPDATE ${l.$table} SET ${l.status} = 'converted'::${l.$enum.status}, ${l.convertedMember} = ${input.member},
               ${l.convertedAt} = now(), ${l.updatedAt} = now()
        WHERE ${l.tenant} = ${input.tenant} AND ${l.convertedMember} IS NULL
          AND lower(${l.email}) = (SELECT lower(${u.email}) FROM ${u.$table} WHERE ${u.id} = ${input.user})
        RETURNING ${l.id} AS id, ${l.email} AS email`,
  )
  for (const row of rows)
    await emit(req, {
      type: 'lead.converted',
      tenant: input.tenant,
      subject: { collection: 'leads', id: row.id },
      data: { lead: String(row.id), email: row.email, member: input.member },
    })
  return rows.map((row) => String(row.id))
}
