import type { Config } from 'payload'
import { STAFF_ROLES } from '@/core'

/**
 * Registers the staff screens of the bookings plugin in the admin: `/admin/calendar`,
 * `/admin/check-in/:classId`, a nav link, and a "Check-in list" button on the class edit view.
 * Components are referenced by path (import map: `npm run generate`).
 */
export const withStaffScreens = (config: Config): Config => ({
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
                beforeDocumentControls: [...(collection.admin?.components?.edit?.beforeDocumentControls ?? []), '@plugins/bookings/admin/CheckInLink#CheckInLink'],
              },
            },
          },
        }
      : collection,
  ),
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      views: {
        ...config.admin?.components?.views,
        bookingsCalendar: { Component: '@plugins/bookings/admin/CalendarView#CalendarView', path: '/calendar', exact: true, meta: { title: 'Calendar' } },
        bookingsCheckIn: { Component: '@plugins/bookings/admin/CheckInView#CheckInView', path: '/check-in/:classId', exact: true, meta: { title: 'Check-in' } },
      },
      afterNavLinks: [
        ...(config.admin?.components?.afterNavLinks ?? []),
        {
          path: '@/core/admin/AdminNavLinks#AdminNavLinks',
          clientProps: { links: [{ href: '/admin/calendar', label: 'Calendar', id: 'nav-calendar', roles: STAFF_ROLES }] },
        },
      ],
    },
  },
})
