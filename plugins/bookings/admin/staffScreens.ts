import type { Config } from 'payload'
import { STAFF_ROLES, withAdminScreens } from '@/core'

/** A "Check-in list" button on the class edit view. */
const withCheckInLink = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === 'classes'
      ? {
          ...collection,
          admin: {
            ...collection.admin,
            components: {
              ...collection.admin?.components,
              edit: {
                ...collection.admin?.components?.edit,
                beforeDocumentControls: [
                  ...(collection.admin?.components?.edit?.beforeDocumentControls ?? []),
                  '@plugins/bookings/admin/CheckInLink#CheckInLink',
                ],
              },
            },
          },
        }
      : collection,
  ),
})

/**
 * Registers the staff screens of the bookings plugin in the admin: `/admin/calendar`,
 * `/admin/check-in/:classId`, a nav link, and a "Check-in list" button on the class edit view.
 */
export const withStaffScreens = (config: Config): Config =>
  withAdminScreens(withCheckInLink(config), [
    {
      key: 'bookingsCalendar',
      Component: '@plugins/bookings/admin/CalendarView#CalendarView',
      path: '/calendar',
      title: 'Calendar',
      nav: { label: 'Calendar', id: 'nav-calendar', roles: STAFF_ROLES },
    },
    {
      key: 'bookingsCheckIn',
      Component: '@plugins/bookings/admin/CheckInView#CheckInView',
      path: '/check-in/:classId',
      title: 'Check-in',
    },
  ])
