import type { PayloadRequest } from 'payload'
import { encryptSecret, getSecret, SECRETS_COLLECTION, secretKeyId } from '@/core'
import { WEBHOOK_ENDPOINTS } from '../../collections/WebhookEndpoints'

export const CURRENT_SECRET = 'signingSecret'
export const PREVIOUS_SECRET = 'previousSigningSecret'

/** The secrets an endpoint's webhooks are signed with now: the current one, and the previous one until its overlap ends. */
export const signingSecretsOf = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  endpoint: { id: string; previousSecretExpiresAt: Date | string | null },
  now: Date,
): Promise<string[]> => {
  const current = await getSecret<string>(req, {
    collection: WEBHOOK_ENDPOINTS,
    id: endpoint.id,
    field: CURRENT_SECRET,
  })
  const secrets = current ? [current] : []
  if (endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt).getTime() > now.getTime()) {
    const previous = await getSecret<string>(req, {
      collection: WEBHOOK_ENDPOINTS,
      id: endpoint.id,
      field: PREVIOUS_SECRET,
    })
    if (previous && previous !== current) secrets.push(previous)
  }
  return secrets
}

/** Stores `value` encrypted as the endpoint's secret `field` (the store `withSecrets` writes). */
export const storeEndpointSecret = async (req: PayloadRequest, id: string, field: string, value: string) => {
  const envelope = encryptSecret(value)
  await req.payload.db.upsert({
    collection: SECRETS_COLLECTION,
    where: {
      and: [
        { ownerCollection: { equals: WEBHOOK_ENDPOINTS } },
        { ownerId: { equals: id } },
        { field: { equals: field } },
      ],
    },
    data: { ownerCollection: WEBHOOK_ENDPOINTS, ownerId: id, field, envelope, keyId: secretKeyId(envelope) },
    req,
  })
}
