import type { Config } from 'payload'
import { DESK_ROLES, STAFF_ROLES, withAdminScreens, withHomeWidgets, withMemberJoins } from '@/core'

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

/** The bookings panels of the staff home: today's classes and appointments, members at risk. */
const withBookingsHome = (config: Config): Config =>
  withHomeWidgets(config, [
    {
      slug: 'bookings-today',
      Component: '@plugins/bookings/admin/TodayWidget#TodayWidget',
      label: 'Today',
      audience: { roles: STAFF_ROLES },
      order: 10,
      width: 'full',
    },
    {
      slug: 'bookings-members-at-risk',
      Component: '@plugins/bookings/admin/MembersAtRiskWidget#MembersAtRiskWidget',
      label: 'Members at risk',
      audience: { roles: DESK_ROLES },
      order: 50,
    },
  ])

/** A member's bookings and appointments on their page in the admin. */
const withMemberBookings = (config: Config): Config =>
  withMemberJoins(config, [
    {
      name: 'bookings',
      label: 'Bookings',
      collection: 'bookings',
      defaultSort: '-startTime',
      defaultColumns: ['class', 'startTime', 'status', 'paymentMethod'],
    },
    {
      name: 'appointments',
      label: 'Appointments',
      collection: 'appointments',
      defaultSort: '-startTime',
      defaultColumns: ['service', 'provider', 'startTime', 'status'],
    },
  ])

/**
 * Registers the staff screens of the bookings plugin in the admin: `/admin/calendar`,
 * `/admin/check-in/:classId`, a nav link, a "Check-in list" button on the class edit view, its
 * panels of the staff home and a member's bookings on their page.
 */
export const withStaffScreens = (config: Config): Config =>
  withAdminScreens(withMemberBookings(withBookingsHome(withCheckInLink(config))), [
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
