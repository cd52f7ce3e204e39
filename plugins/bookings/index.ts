import type { Plugin } from 'payload'
import { AppointmentServices } from './collections/AppointmentServices'
import { Appointments } from './collections/Appointments'
import { AvailabilityRules } from './collections/AvailabilityRules'
import { Bookings } from './collections/Bookings'
import { Rooms } from './collections/Rooms'
import { Classes } from './collections/Classes'
import { ClassSeries } from './collections/ClassSeries'
import { defaultOptions } from './defaults'
import { EventRsvps } from './collections/EventRsvps'
import { Events } from './collections/Events'
import { guestCancelEndpoint, guestCancelPageEndpoint } from './endpoints/guestCancelEndpoints'
import { icalMemberEndpoint } from './endpoints/icalMemberEndpoint'
import { icalTenantEndpoint } from './endpoints/icalTenantEndpoint'
import { issueCalendarTokenEndpoint } from './endpoints/issueCalendarTokenEndpoint'
import { revokeCalendarTokenEndpoint } from './endpoints/revokeCalendarTokenEndpoint'
import { scheduleEndpoint } from './endpoints/scheduleEndpoint'
import { bookingSettingsField } from './fields/bookingSettingsField'
import { icalTokenField } from './fields/icalTokenField'
import { completeClassesTask } from './jobs/completeClassesTask'
import { expireWaitlistOffersTask } from './jobs/expireWaitlistOffersTask'
import { materializeClassSeriesTask } from './jobs/materializeClassSeriesTask'
import { sendGuestConfirmationTask } from './jobs/sendGuestConfirmationTask'
import { sendWaitlistNoticeTask } from './jobs/sendWaitlistNoticeTask'
import type { BookingsOptions } from './types'
import { withStaffScreens } from './admin/staffScreens'
import { implementPort, withSqlTables } from '@/core'
// ---- facility ----
import { claimRoomPort, roomBookingsPort } from '@plugins/facility/contract'
import { claimRoomForReservation } from './operations/classes/claimRoomForReservation'
import { roomBookingsForFacility } from './operations/classes/roomBookingsForFacility'
// ---- /facility ----
import { bookingsSqlTables } from './operations/sql/bookingsSqlTables'
import { withBookingsEvents } from './events'

export type { BookingsOptions } from './types'

/** Class series, classes, bookings, waitlists, check-in, appointments and events (see README.md). */
export const bookingsPlugin =
  (options: BookingsOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-settings'
        ? { ...collection, fields: [...collection.fields, bookingSettingsField()] }
        : collection.slug === 'tenant-memberships'
          ? { ...collection, fields: [...collection.fields, icalTokenField()] }
          : collection,
    )
    const next = withStaffScreens({
      ...withBookingsEvents(config),
      collections: [
        ...collections,
        Rooms(),
        ClassSeries(),
        Classes(),
        Bookings(),
        AppointmentServices(),
        AvailabilityRules(),
        Appointments(),
        Events(),
        EventRsvps(),
      ],
      endpoints: [
        ...(config.endpoints ?? []),
        scheduleEndpoint,
        icalTenantEndpoint,
        icalMemberEndpoint,
        issueCalendarTokenEndpoint,
        revokeCalendarTokenEndpoint,
        guestCancelPageEndpoint,
        guestCancelEndpoint,
      ],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          materializeClassSeriesTask({ days: o.materializeDaysAhead, cron: o.materializeCron, queue: o.queue }),
          completeClassesTask({ cron: o.completeCron, queue: o.queue }),
          expireWaitlistOffersTask({ cron: o.expireOffersCron, queue: o.queue }),
          sendGuestConfirmationTask,
          sendWaitlistNoticeTask,
        ],
      },
    })
    // ---- facility ---- a facility resource linked to a room: its reservations lock and check the room too.
    const shared = implementPort(
      implementPort(next, claimRoomPort, claimRoomForReservation),
      // fac_walkin: the bay grid shows a shared room's classes and appointments as taken.
      roomBookingsPort,
      roomBookingsForFacility,
    )
    // ---- /facility ----
    return withSqlTables(shared, bookingsSqlTables)
  }
