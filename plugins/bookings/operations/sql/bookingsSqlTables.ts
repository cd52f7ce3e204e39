import { appointmentServicesRelsTable, appointmentServicesTable } from './appointmentServicesTable'
import { appointmentsTable } from './appointmentsTable'
import { availabilityRulesTable } from './availabilityRulesTable'
import { bookingSettingsTable } from './bookingSettingsTable'
import { bookingsTable } from './bookingsTable'
import { classesTable } from './classesTable'
import { classSeriesTable } from './classSeriesTable'
import { eventRsvpsTable } from './eventRsvpsTable'
import { eventsTable } from './eventsTable'
import { memberCalendarTable } from './memberCalendarTable'
import { roomsTable } from './roomsTable'

/** Every table the bookings plugin's raw SQL uses (checked against the schema at start-up). */
export const bookingsSqlTables = [
  appointmentServicesRelsTable,
  appointmentServicesTable,
  appointmentsTable,
  availabilityRulesTable,
  bookingSettingsTable,
  bookingsTable,
  classesTable,
  classSeriesTable,
  eventRsvpsTable,
  eventsTable,
  memberCalendarTable,
  roomsTable,
]
