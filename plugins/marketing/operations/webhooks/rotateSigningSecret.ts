import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getSecret, OperationError, runSql } from '@/core'
import type { RotateSecretReply } from '../../contract'
import { rotateSecretInput } from '../../contract'
import { WEBHOOK_ENDPOINTS } from '../../collections/WebhookEndpoints'
import { webhookEndpointsTable } from '../sql/webhookSqlTables'
import { CURRENT_SECRET, PREVIOUS_SECRET, storeEndpointSecret } from './endpointSecrets'
import { isValidSigningSecret, newSigningSecret } from './signingSecret'

/**
 * Rotates an endpoint's signing secret (managers): the given or a generated secret becomes current
 * and the old one keeps signing beside it until `previousValidUntil`, so receivers can switch
 * without missing a webhook. The only answer that ever carries a secret, once.
 */
export const rotateSigningSecret = async (
  req: PayloadRequest,
  id: string,
  body: unknown,
  defaultOverlapHours: number,
): Promise<RotateSecretReply> => {
  const input = rotateSecretInput.parse(body)
  const endpoint = await req.payload
    .findByID({ collection: WEBHOOK_ENDPOINTS, id, depth: 0, req, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  if (!endpoint) throw new OperationError(404, 'not_found', 'No such webhook endpoint.')
  const secret = input.secret ?? newSigningSecret()
  if (!isValidSigningSecret(secret))
    throw new OperationError(400, 'invalid_secret', 'The signing secret must be base64 (at least 16 bytes).')
  const current = await getSecret<string>(req, { collection: WEBHOOK_ENDPOINTS, id, field: CURRENT_SECRET })
  // Update access is checked here (managers of the endpoint's tenant).
  await req.payload.update({
    collection: WEBHOOK_ENDPOINTS,
    id,
    data: { signingSecretInput: secret },
    req,
    overrideAccess: false,
    depth: 0,
  })
  const until = new Date(Date.now() + (input.overlapHours ?? defaultOverlapHours) * 3_600_000)
  if (current) await storeEndpointSecret(req, id, PREVIOUS_SECRET, current)
  const e = webhookEndpointsTable(req)
  await runSql(
    req,
    sql`UPDATE ${e} SET ${e.previousSecretExpiresAt} = ${current ? until.toISOString() : null} WHERE ${e.id} = ${id}`,
  )
  return { endpoint: id, secret, previousValidUntil: until.toISOString() }
}
