import type { PayloadRequest } from 'payload'

/** An in-app message is a `notifications` row (system work: the adapter, no access rules). */
export const createInAppNotification = async (
  req: PayloadRequest,
  n: { tenant: string; member: string; title: string; message: string; type: string; ref?: Record<string, unknown> },
): Promise<{ providerMessageId: string }> => {
  const doc = await req.payload.db.create({
    collection: 'notifications',
    data: { tenant: n.tenant, member: n.member, title: n.title, message: n.message, type: n.type, ref: n.ref ?? null },
    req,
  })
  return { providerMessageId: String(doc.id) }
}
