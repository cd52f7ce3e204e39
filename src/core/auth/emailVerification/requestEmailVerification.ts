import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { z } from 'zod'
import { tenantsWithRole } from '../../access/userTenants'
import { tenantsTable, usersTable } from '../../db/kernelTables'
import { runSql } from '../../db/sqlFor'
import { getEnv } from '../../env'
import { OperationError } from '../../http/OperationError'
import { clientIp } from '../clientIp'
import { rateLimit } from '../rateLimit'
import { queueEmailVerification } from './queueEmailVerification'

export const requestEmailVerificationInput = z.object({ tenant: z.string().trim().min(1).max(120).optional() }).strict()

/** Verification mails one account may ask for in an hour (besides the per-address limit of auth endpoints). */
const PER_USER_PER_HOUR = 5

/**
 * `POST /api/users/verify-email/request` for the signed-in user: queues a verification mail linking
 * to the site of `tenant` (a slug of one of the user's tenants; default: their first). Rate limited
 * per address like login and password resets (429), and per account (5 an hour). 409
 * `already_verified` when the address is verified.
 */
export const requestEmailVerification = async (
  req: PayloadRequest,
  body: unknown,
): Promise<{ queued: true; to: string }> => {
  const input = requestEmailVerificationInput.parse(body ?? {})
  const user = req.user
  if (!user || user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Please log in first.')
  const ip = clientIp(req.headers) ?? 'unknown'
  for (const limit of [
    { key: `verifyEmail:${ip}`, limit: getEnv().LOGIN_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    { key: `verifyEmail:user:${user.id}`, limit: PER_USER_PER_HOUR, windowSeconds: 3600 },
  ]) {
    const { allowed, retryAfterSeconds } = await rateLimit(req.payload, limit)
    if (!allowed)
      throw new OperationError(
        429,
        'rate_limited',
        `Too many verification e-mails asked for. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      )
  }
  const u = usersTable(req)
  const [person] = await runSql<{ email: string; verified: boolean }>(
    req,
    sql`SELECT ${u.email} AS email, (${u.emailVerifiedAt} IS NOT NULL) AS verified FROM ${u} WHERE ${u.id} = ${String(user.id)}`,
  )
  if (!person) throw new OperationError(401, 'unauthenticated', 'Please log in first.')
  if (person.verified) throw new OperationError(409, 'already_verified', 'Your e-mail address is already verified.')

  const mine = tenantsWithRole(user)
  let tenant: string | undefined = mine[0]
  if (input.tenant) {
    const t = tenantsTable(req)
    const [row] = await runSql<{ id: string }>(
      req,
      sql`SELECT ${t.id} AS id FROM ${t} WHERE ${t.slug} = ${input.tenant}`,
    )
    if (!row || !mine.includes(String(row.id)))
      throw new OperationError(404, 'tenant_not_found', 'You are not a member of this business.')
    tenant = String(row.id)
  }
  if (!tenant)
    throw new OperationError(409, 'no_site', 'Join a studio first: the verification link opens on its website.')
  await queueEmailVerification(req, { user: String(user.id), tenant })
  return { queued: true, to: person.email }
}
