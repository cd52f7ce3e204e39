import type { CollectionSlug, Payload } from 'payload'

/**
 * Whether a collection is installed: a plugin left out of the config leaves its slugs out of
 * `payload.collections` (the generated types list every slug, so they cannot tell).
 */
export const hasCollection = (payload: Pick<Payload, 'collections'>, slug: string): slug is CollectionSlug =>
  Object.hasOwn(payload.collections, slug)
