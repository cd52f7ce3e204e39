import type { Field } from 'payload'

/**
 * The sha256 of a member's private calendar-feed token, added to tenant-memberships. Hidden from
 * every API and the admin; written only by `POST /api/ical/member-token`.
 */
export const icalTokenField = (): Field => ({
  name: 'icalTokenHash',
  type: 'text',
  unique: true,
  hidden: true,
  access: { read: () => false, create: () => false, update: () => false },
})
