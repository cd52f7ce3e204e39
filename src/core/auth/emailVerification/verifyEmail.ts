import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { z } from 'zod'
import { usersTable } from '../../db/kernelTables'
import { runSql } from '../../db/sqlFor'
import { emit } from '../../events/emit'
import { OperationError } from '../../http/OperationError'
import { verifyEmailVerificationToken } from './emailVerificationToken'

export const verifyEmailInput = z.object({ token: z.string().min(1).max(2048) }).strict()

export type VerifyEmailReply = {
  verified: true
  user: string
  email: string
  emailVerifiedAt: string
  alreadyVerified: boolean
}

const INVALID =
  'This verification link is not valid. Open the whole link from the e-mail, or ask for a new one from your account page.'

/**
 * `POST /api/users/verify-email { token }` (no sign-in needed: the signed link is the credential):
 * sets `emailVerifiedAt` once by one conditional UPDATE (only while the account still has the
 * address the link was sent to, and is not verified yet), emits `user.email_verified` then. A
 * repeat answers 200 with `alreadyVerified: true` and changes nothing. 400 `invalid_token` for a
 * tampered link or an address the account no longer has, 400 `expired_token` past 48 hours.
 */
export const verifyEmail = async (req: PayloadRequest, body: unknown): Promise<VerifyEmailReply> => {
  const { token } = verifyEmailInput.parse(body ?? {})
  const check = verifyEmailVerificationToken(token)
  if (!check.ok)
    throw check.reason === 'expired'
      ? new OperationError(
          400,
          'expired_token',
          'This verification link has expired (links work for 48 hours). Ask for a new one from your account page.',
        )
      : new OperationError(400, 'invalid_token', INVALID)
  const { user, email } = check.claims
  const u = usersTable(req)
  const [set] = await runSql<{ at: Date }>(
    req,
    sql`UPDATE ${u} SET ${u.emailVerifiedAt} = now()
        WHERE ${u.id} = ${user} AND ${u.email} = ${email} AND ${u.emailVerifiedAt} IS NULL AND ${u.deletedAt} IS NULL
        RETURNING ${u.emailVerifiedAt} AS at`,
  )
  if (set) {
    await emit(req, { type: 'user.email_verified', data: { user, email }, subject: { collection: 'users', id: user } })
    return { verified: true, user, email, emailVerifiedAt: new Date(set.at).toISOString(), alreadyVerified: false }
  }
  const [row] = await runSql<{ at: Date | null }>(
    req,
    sql`SELECT ${u.emailVerifiedAt} AS at FROM ${u} WHERE ${u.id} = ${user} AND ${u.email} = ${email} AND ${u.deletedAt} IS NULL`,
  )
  if (!row?.at) throw new OperationError(400, 'invalid_token', INVALID)
  return { verified: true, user, email, emailVerifiedAt: new Date(row.at).toISOString(), alreadyVerified: true }
}
