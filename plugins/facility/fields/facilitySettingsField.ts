import type { Field } from 'payload'

/** The `facility` group the plugin appends to core's tenant-settings (the club's guest policy). */
export const facilitySettingsField = (): Field => ({
  name: 'facility',
  type: 'group',
  admin: { description: 'Facility: guest policy.' },
  fields: [
    {
      name: 'guestWaiverAtDesk',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description:
          'Guests are checked in only once the desk has recorded their signed waiver (the guest’s “Waiver signed at”). A waivers plugin, when installed, decides instead.',
      },
    },
  ],
})
