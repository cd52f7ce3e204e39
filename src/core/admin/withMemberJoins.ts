import type { CollectionSlug, Config, JoinField } from 'payload'

/** A list on the member's page in the admin: the documents of `collection` whose `on` field is this member. */
export type MemberJoin = {
  name: string
  label: string
  collection: CollectionSlug
  /** The relationship field pointing at tenant-memberships (default `member`). */
  on?: string
  defaultSort?: string
  defaultColumns?: string[]
}

/**
 * Adds lists to the member's page (tenant-memberships) through Payload join fields, so the desk
 * sees a member's bookings, subscriptions, payments and credits in one place. Joined documents
 * are read with the viewer's access, so nothing of another tenant shows.
 */
export const withMemberJoins = (config: Config, joins: MemberJoin[]): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== 'tenant-memberships'
      ? collection
      : {
          ...collection,
          fields: [
            ...collection.fields,
            ...joins.map(
              ({ name, label, collection: joined, on = 'member', defaultSort, defaultColumns }): JoinField => ({
                name,
                label,
                type: 'join',
                collection: joined,
                on,
                defaultLimit: 10,
                defaultSort: defaultSort ?? '-createdAt',
                maxDepth: 1,
                admin: { defaultColumns, allowCreate: false },
              }),
            ),
          ],
        },
  ),
})
