import type { Field } from 'payload'
import { moneyField } from '@/core'
import { defaultPolicy, GUEST_BOOKINGS_PER_EMAIL } from '../defaults'

/** The `bookings` group the plugin appends to core's tenant-settings. */
export const bookingSettingsField = (): Field => ({
  name: 'bookings',
  type: 'group',
  admin: { description: 'Booking policy: windows, late cancellation and its fee.' },
  fields: [
    {
      name: 'lateCancelMinutes',
      type: 'number',
      min: 0,
      defaultValue: defaultPolicy.lateCancelMinutes,
      admin: { description: 'Cancelling less than this many minutes before the start is a late cancel.' },
    },
    {
      name: 'bookingWindowDays',
      type: 'number',
      min: 0,
      defaultValue: defaultPolicy.bookingWindowDays,
      admin: { description: 'How many days ahead members may book.' },
    },
    {
      name: 'checkInWindowMinutes',
      type: 'number',
      min: 0,
      defaultValue: defaultPolicy.checkInWindowMinutes,
      admin: { description: 'Check-in opens this many minutes before the start.' },
    },
    { name: 'freeLateCancelsPerMonth', type: 'number', min: 0, defaultValue: defaultPolicy.freeLateCancelsPerMonth },
    moneyField({ name: 'lateCancelFee', label: 'Late-cancel fee' }),
    {
      name: 'publicGuestBooking',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description:
          'Visitors without an account may book intro sessions (services of kind consultation or tour) with their name and e-mail; rate limited per address.',
      },
    },
    {
      name: 'publicEventRsvp',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description:
          'Visitors without an account may RSVP to published events with their name and e-mail; rate limited per address.',
      },
    },
    {
      name: 'guestBookingsPerEmail',
      type: 'number',
      min: 0,
      defaultValue: GUEST_BOOKINGS_PER_EMAIL,
      admin: {
        description:
          'Upcoming guest appointments one e-mail address may hold when visitors book intro sessions themselves.',
      },
    },
    {
      name: 'claimWindowMinutes',
      type: 'number',
      min: 0,
      defaultValue: defaultPolicy.claimWindowMinutes,
      admin: {
        description: 'A freed place is offered to the next waitlisted member for this long (0 = promote directly).',
      },
    },
  ],
})
