import type { CollectionConfig, Field } from 'payload'
import { encryptSecret, secretKeyId } from './cipher'

export const SECRETS_COLLECTION = 'encrypted-secrets'

type SecretSpec = { name: string; label: string }
const PENDING_PREFIX = 'atriumPendingSecrets:'

/**
 * Adds write-only secrets to a collection. Staff type a new value into `<name>Input` (never read
 * back by any API); it is encrypted (AES-256-GCM) into core's `encrypted-secrets` store, which no
 * API exposes; `<name>SetAt` tells when it was last replaced. Only `getSecret` decrypts.
 */
export const withSecrets = (collection: CollectionConfig, secrets: SecretSpec[]): CollectionConfig => {
  const fields: Field[] = secrets.flatMap(({ name, label }): Field[] => [
    {
      name: `${name}Input`,
      label: `${label} (write-only)`,
      type: 'json',
      virtual: true,
      access: { read: () => false },
      admin: { description: 'Stored encrypted and never shown again. Leave empty to keep the current value.' },
    },
    {
      name: `${name}SetAt`,
      label: `${label} last set`,
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ])
  return {
    ...collection,
    fields: [...collection.fields, ...fields],
    hooks: {
      ...collection.hooks,
      beforeChange: [
        ...(collection.hooks?.beforeChange ?? []),
        ({ data, req }) => {
          const pending: Record<string, string> = {}
          for (const { name } of secrets) {
            const value = data[`${name}Input`]
            delete data[`${name}Input`]
            if (value === undefined || value === null || value === '') continue
            pending[name] = encryptSecret(value)
            data[`${name}SetAt`] = new Date().toISOString()
          }
          ;(req.context as Record<string, unknown>)[PENDING_PREFIX + collection.slug] = pending
          return data
        },
      ],
      afterChange: [
        ...(collection.hooks?.afterChange ?? []),
        async ({ doc, req }) => {
          const pending = ((req.context as Record<string, unknown>)[PENDING_PREFIX + collection.slug] ?? {}) as Record<
            string,
            string
          >
          ;(req.context as Record<string, unknown>)[PENDING_PREFIX + collection.slug] = undefined
          for (const [field, envelope] of Object.entries(pending)) {
            await req.payload.db.upsert({
              collection: SECRETS_COLLECTION,
              where: {
                and: [
                  { ownerCollection: { equals: collection.slug } },
                  { ownerId: { equals: String(doc.id) } },
                  { field: { equals: field } },
                ],
              },
              data: {
                ownerCollection: collection.slug,
                ownerId: String(doc.id),
                field,
                envelope,
                keyId: secretKeyId(envelope),
              },
              req,
            })
          }
          return doc
        },
      ],
      afterDelete: [
        ...(collection.hooks?.afterDelete ?? []),
        async ({ id, req }) => {
          await req.payload.db.deleteMany({
            collection: SECRETS_COLLECTION,
            where: { and: [{ ownerCollection: { equals: collection.slug } }, { ownerId: { equals: String(id) } }] },
            req,
          })
        },
      ],
    },
  }
}
