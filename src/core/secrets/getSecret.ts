import type { PayloadRequest } from 'payload'
import { decryptSecret, isEncrypted } from './cipher'

/** Server-side only: the decrypted secret `field` of one document, or undefined when unset. */
export const getSecret = async <T = unknown>(
  req: PayloadRequest,
  { collection, id, field }: { collection: string; id: string; field: string },
): Promise<T | undefined> => {
  const doc = await req.payload.db.findOne<Record<string, unknown>>({
    collection,
    where: { id: { equals: id } },
    req,
  })
  const envelope = doc?.[field]
  return isEncrypted(envelope) ? decryptSecret<T>(envelope) : undefined
}
