import type { Field } from 'payload'

/**
 * ⊕ on bookings' `events` (added by lms when bookings is installed): the event's portal. A member
 * whose RSVP is going gets a `booking` access grant to each course and content item listed here,
 * open from `accessBeforeDays` before the event starts until `accessAfterDays` after it ends; a
 * cancelled RSVP (or a cancelled event) revokes it (`operations/portalGrants.ts`).
 */
export const eventPortalField = (): Field => ({
  name: 'lmsPortal',
  label: 'Portal resources',
  type: 'group',
  admin: { description: 'Courses and content attendees may open around the event.' },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'accessBeforeDays',
          type: 'number',
          min: 0,
          defaultValue: 0,
          admin: { step: 1, description: 'Days before the start the portal opens.' },
        },
        {
          name: 'accessAfterDays',
          type: 'number',
          min: 0,
          defaultValue: 0,
          admin: { step: 1, description: 'Days after the end it stays open.' },
        },
      ],
    },
    { name: 'courses', type: 'relationship', relationTo: 'courses', hasMany: true },
    { name: 'contentItems', type: 'relationship', relationTo: 'content-items', hasMany: true },
  ],
})
