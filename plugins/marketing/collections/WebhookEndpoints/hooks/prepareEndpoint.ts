import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'
import { isValidSigningSecret, newSigningSecret } from '../../../operations/webhooks/signingSecret'

/**
 * Before an endpoint is saved: a new endpoint without a secret gets a generated one (read it once
 * with rotate-secret); a given secret must be a Standard Webhooks secret.
 */
export const prepareEndpoint: CollectionBeforeChangeHook = ({ data, operation }) => {
  const given = data.signingSecretInput
  if (given !== undefined && given !== null && given !== '' && !isValidSigningSecret(given))
    throw new OperationError(
      400,
      'invalid_secret',
      'The signing secret must be base64 (at least 16 bytes), optionally prefixed with whsec_.',
    )
  if (operation === 'create' && (given === undefined || given === null || given === '')) {
    data.signingSecretInput = newSigningSecret()
  }
  return data
}
