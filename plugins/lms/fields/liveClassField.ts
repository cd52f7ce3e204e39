import type { Field } from 'payload'

/**
 * A live-session lesson's class (bookings' `classes`): added to `lessons` only when bookings is
 * installed, so lms never names a collection that may be missing. The member books the class on
 * the site; checking in to it (bookings' `booking.checked_in`) completes the lesson.
 */
export const liveClassField = (): Field => ({
  name: 'liveClass',
  label: 'Live session',
  type: 'relationship',
  relationTo: 'classes',
  admin: {
    condition: (_, s) => s?.itemType === 'live',
    description: 'The class members book and attend; checking in completes the lesson.',
  },
})
