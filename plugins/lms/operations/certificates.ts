import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { CourseCompleted } from '../contract'
import { resolveViewer } from './mayAccess'
import { certificatesTable } from './sql/certificatesTable'
import { coursesTable } from './sql/coursesTable'

/** A random public verification code (20 hex characters, 80 bits). */
export const newCertificateCode = (): string => randomBytes(10).toString('hex').toUpperCase()

/**
 * Issues the enrolment's certificate (the `course.completed` subscriber): one INSERT … ON CONFLICT
 * (enrollment) DO NOTHING, so a repeated or concurrent delivery issues exactly one.
 */
export const issueCertificate = async (
  req: PayloadRequest,
  input: { tenant: string; data: CourseCompleted },
): Promise<{ id: string; code: string } | null> => {
  const t = certificatesTable(req)
  const [row] = await runSql<{ id: string; code: string }>(
    req,
    sql`INSERT INTO ${t.$table} (${t.tenant}, ${t.enrollment}, ${t.member}, ${t.course}, ${t.code}, ${t.issuedAt}, ${t.createdAt}, ${t.updatedAt})
        VALUES (${input.tenant}, ${input.data.enrollment}, ${input.data.member}, ${input.data.course}, ${newCertificateCode()},
                ${input.data.completedAt}, now(), now())
        ON CONFLICT (${t.enrollment}) DO NOTHING
        RETURNING ${t.id} AS id, ${t.code} AS code`,
  )
  return row ?? null
}

export type CertificateFacts = {
  code: string
  memberName: string
  course: string
  tenant: string
  issuedAt: string
}

type CertificateRow = { id: string; code: string; tenant_id: string; member: string; course: string; issued_at: Date }

/** The certificate's row with its course title, then the member's display name and the tenant's name. */
const facts = async (
  req: PayloadRequest,
  where: ReturnType<typeof sql>,
): Promise<(CertificateFacts & { tenant_id: string; member: string }) | undefined> => {
  const t = certificatesTable(req)
  const c = coursesTable(req)
  const [row] = await runSql<CertificateRow>(
    req,
    sql`SELECT x.${t.id} AS id, x.${t.code} AS code, x.${t.tenant}::text AS tenant_id, x.${t.member}::text AS member,
               c.${c.title} AS course, x.${t.issuedAt} AS issued_at
        FROM ${t.$table} x JOIN ${c.$table} c ON c.${c.id} = x.${t.course}
        WHERE ${where}`,
  )
  if (!row) return undefined
  const membership = await req.payload.findByID({ collection: 'tenant-memberships', id: row.member, depth: 1, req })
  const tenant = await req.payload.findByID({ collection: 'tenants', id: row.tenant_id, depth: 0, req })
  const user = typeof membership.user === 'object' ? membership.user : null
  return {
    code: row.code,
    memberName: membership.profile?.displayName || user?.name || 'Member',
    course: row.course,
    tenant: tenant.name,
    issuedAt: new Date(row.issued_at).toISOString(),
    tenant_id: row.tenant_id,
    member: row.member,
  }
}

/** `GET /api/certificates/:code/verify` (public): the member's display name, course, tenant and issue date only. */
export const verifyCertificate = async (req: PayloadRequest, code: string): Promise<CertificateFacts> => {
  const t = certificatesTable(req)
  const row = await facts(req, sql`x.${t.code} = ${code}`)
  if (!row) throw new OperationError(404, 'not_found', 'No certificate has this code.')
  const { code: c, memberName, course, tenant, issuedAt } = row
  return { code: c, memberName, course, tenant, issuedAt }
}

/** The certificate for its owner (the member it was issued to); 404 for anyone else. */
export const ownCertificate = async (req: PayloadRequest, id: string): Promise<CertificateFacts> => {
  const t = certificatesTable(req)
  const row = await facts(req, sql`x.${t.id} = ${id}`)
  if (!row) throw new OperationError(404, 'not_found', 'Not found.')
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const { member } = await resolveViewer(req, row.tenant_id, undefined)
  if (member !== row.member) throw new OperationError(404, 'not_found', 'Not found.')
  return row
}
