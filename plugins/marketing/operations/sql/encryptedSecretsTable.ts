import { defineSqlTable } from '@/core'

/** Core's secret store (U(ownerCollection, ownerId, field)): the generated VAPID key pair lives here. */
export const encryptedSecretsTable = defineSqlTable('encrypted-secrets', {
  id: 'id',
  ownerCollection: 'ownerCollection',
  ownerId: 'ownerId',
  field: 'field',
  envelope: 'envelope',
  keyId: 'keyId',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})
