import type { PayloadRequest } from 'payload'
import type { User } from '@/payload-types'
import { sql } from '@payloadcms/db-postgres'
import { tenantMembershipsTable, usersTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'
import { defineSqlTable } from '../db/sqlTable'
import { emit } from '../events'

/** The membership's personal columns the erasure clears. */
const erasableMembershipsTable = defineSqlTable(
  'tenant-memberships',
  {
    id: 'id',
    status: 'status',
    anonymisedAt: 'anonymisedAt',
    displayName: 'profile.displayName',
    phone: 'profile.phone',
    dateOfBirth: 'profile.dateOfBirth',
    gender: 'profile.gender',
    emergencyContact: 'profile.emergencyContact',
    extra: 'profile.extra',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

/** The membership's hasMany text values (`tags` rows have `path = 'tags'`). */
const membershipTextsTable = defineSqlTable('tenant-memberships._texts', { parent: 'parent', path: 'path' })

export type AnonymisedMembership = {
  tenant: string
  user: string
  /** The person's e-mail before erasure (the caller's remote deletions need its hash; never stored). */
  email: string | null
  /** False when the membership had been anonymised already (nothing was done). */
  anonymised: boolean
  userAnonymised: boolean
}

/** The address an anonymised account gets (unique, undeliverable: `.invalid` is reserved, RFC 2606). */
export const anonymisedEmailOf = (user: string) => `anonymised-${user}@anonymised.invalid`

/**
 * The kernel's part of a GDPR erasure (mkt_rest): in the caller's transaction, with the membership
 * row locked, the membership's personal profile (name, phone, birth date, gender, emergency
 * contact, extra) and tags are cleared, it is archived and `anonymisedAt` set; when the person has no
 * other live (not anonymised) membership and no platform role, their account is anonymised too
 * (e-mail `anonymised-<id>@anonymised.invalid`, name, phone, bio, linked e-mails and sessions
 * cleared, status suspended). Written through the database adapter (no hooks: no `member.updated`
 * re-syncs the person to a CRM), then `member.anonymised` is emitted for the plugins to erase what
 * they hold. Idempotent: an anonymised membership is left as it is (`anonymised: false`). Returns
 * null for an unknown membership. Access is the caller's business.
 */
export const anonymiseMembership = async (
  req: PayloadRequest,
  membership: string,
): Promise<AnonymisedMembership | null> => {
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [row] = await runSql<{ tenant: string; user: string; anonymised_at: string | null; email: string | null }>(
    req,
    sql`SELECT m.${m.tenant} AS tenant, m.${m.user} AS "user", m.${m.anonymisedAt} AS anonymised_at, u.${u.email} AS email
        FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE m.${m.id} = ${membership} FOR UPDATE OF m`,
  )
  if (!row) return null
  const tenant = String(row.tenant)
  const user = String(row.user)
  if (row.anonymised_at) return { tenant, user, email: null, anonymised: false, userAnonymised: false }
  const e = erasableMembershipsTable(req)
  const t = membershipTextsTable(req)
  // Plain statements, not the adapter: its update rewrites every array/select table of the row.
  await runSql(
    req,
    sql`UPDATE ${e} SET ${e.status} = 'archived', ${e.anonymisedAt} = now(), ${e.displayName} = NULL, ${e.phone} = NULL,
          ${e.dateOfBirth} = NULL, ${e.gender} = NULL, ${e.emergencyContact} = NULL, ${e.extra} = NULL, ${e.updatedAt} = now()
        WHERE ${e.id} = ${membership}`,
  )
  await runSql(req, sql`DELETE FROM ${t} WHERE ${t.parent} = ${membership} AND ${t.path} = 'tags'`)
  const [others] = await runSql<{ n: number; role: string | null }>(
    req,
    sql`SELECT (SELECT count(*)::int FROM ${m.$table} o WHERE o.${m.user} = ${user} AND o.${m.id} <> ${membership}
                  AND o.${m.anonymisedAt} IS NULL) AS n,
               (SELECT ${u.platformRole}::text FROM ${u.$table} WHERE ${u.id} = ${user}) AS role`,
  )
  const userAnonymised = others.n === 0 && (others.role ?? 'none') === 'none'
  if (userAnonymised) {
    // The adapter rewrites every array table of the row: carry `tenants` over, clear the others.
    const current = await req.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: user } }, req })
    await req.payload.db.updateOne({
      collection: 'users',
      id: user,
      data: {
        email: anonymisedEmailOf(user),
        name: null,
        phone: null,
        bio: null,
        tenants: current?.tenants ?? [],
        linkedEmails: [],
        sessions: [],
        status: 'suspended',
        emailVerifiedAt: null,
      },
      req,
    })
  }
  await emit(req, {
    type: 'member.anonymised',
    tenant,
    subject: { collection: 'tenant-memberships', id: membership },
    data: { user, userAnonymised },
  })
  return { tenant, user, email: row.email, anonymised: true, userAnonymised }
}
