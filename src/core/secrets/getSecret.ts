import type { PayloadRequest } from 'payload'
import { decryptSecret } from './cipher'
import { SECRETS_COLLECTION } from './withSecrets'

/** Server-side only: the decrypted secret `field` of one document, or undefined when unset. */
export const getSecret = async <T = unknown>(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  { collection, id, field }: { collection: string; id: string; field: string },
): Promise<T | undefined> => {
  const row = await req.payload.db.findOne<{ id: string; envelope?: string }>({
    collection: SECRETS_COLLECTION,
    where: {
      and: [
        { ownerCollection: { equals: collection } },
        { ownerId: { equals: String(id) } },
        { field: { equals: field } },
      ],
    },
    req: req as PayloadRequest,
  })
  return row?.envelope ? decryptSecret<T>(row.envelope) : undefined
}
