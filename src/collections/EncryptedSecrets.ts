import type { CollectionConfig } from 'payload'
import { nobody } from '@/core/access/builders'
import { SECRETS_COLLECTION } from '@/core/secrets/withSecrets'

/**
 * Core's secret store: one AES-256-GCM envelope per (collection, document, field). No API, the
 * admin and GraphQL included, can read or write it; only `withSecrets` hooks and `getSecret` do.
 */
export const EncryptedSecrets: CollectionConfig = {
  slug: SECRETS_COLLECTION,
  graphQL: false,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['ownerCollection', 'ownerId', 'field'], unique: true }],
  fields: [
    { name: 'ownerCollection', type: 'text', required: true },
    { name: 'ownerId', type: 'text', required: true },
    { name: 'field', type: 'text', required: true },
    { name: 'envelope', type: 'text', required: true },
    { name: 'keyId', type: 'text', required: true, index: true },
  ],
}
