import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { hasCollection, runSql, tenantMembershipsTable, usersTable } from '@/core'
import type { PurchaseGuardInput, PurchaseGuardResult } from '@plugins/commerce/contract'

/** The refusal's code: the buyer's e-mail address is not verified. */
export const EMAIL_UNVERIFIED = 'email_unverified'

/**
 * lms's answer to commerce's purchase guard (`commerce.purchaseGuard`, asked before an order is
 * written): a product that opens lms content (its `lms.course` or `lms.contentItem` is set) is sold
 * only to a member whose account's e-mail address is verified (`users.emailVerifiedAt`, the
 * kernel's verify flow); 403 `email_unverified` otherwise. Other products, and orders without a
 * member, are not lms's concern.
 */
export const purchaseGuard = async (req: PayloadRequest, input: PurchaseGuardInput): Promise<PurchaseGuardResult> => {
  if (!input.member || input.lines.length === 0 || !hasCollection(req.payload, 'products')) return { allowed: true }
  const opensContent = await req.payload.count({
    collection: 'products',
    where: {
      and: [
        { id: { in: input.lines.map((line) => line.product) } },
        { tenant: { equals: input.tenant } },
        { or: [{ 'lms.course': { exists: true } }, { 'lms.contentItem': { exists: true } }] },
      ],
    },
    // A system decision inside commerce's order, not a read for the buyer: the products are public
    // anyway, and a buyer whose session carries no tenant list (the site's in-process calls) must
    // not turn a plain purchase into a 403.
    req,
  })
  if (opensContent.totalDocs === 0) return { allowed: true }
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [buyer] = await runSql<{ verified: boolean }>(
    req,
    sql`SELECT (${u.emailVerifiedAt} IS NOT NULL) AS verified FROM ${u}
        WHERE ${u.id} = (SELECT ${m.user} FROM ${m} WHERE ${m.id} = ${input.member} AND ${m.tenant} = ${input.tenant})`,
  )
  if (buyer?.verified) return { allowed: true }
  return {
    allowed: false,
    status: 403,
    code: EMAIL_UNVERIFIED,
    message:
      input.channel === 'online'
        ? 'Verify your e-mail address before buying courses or content.'
        : 'Verify your e-mail address before buying courses or content: this member has not confirmed theirs yet (they can resend the link from their account page).',
  }
}
