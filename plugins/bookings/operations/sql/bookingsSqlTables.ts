import { appointmentServicesTable } from './appointmentServicesTable'
import { appointmentsTable } from './appointmentsTable'
import { bookingSettingsTable } from './bookingSettingsTable'
import { bookingsTable } from './bookingsTable'
import { classesTable } from './classesTable'
import { eventRsvpsTable } from './eventRsvpsTable'
import { eventsTable } from './eventsTable'

/** Every table the bookings plugin's raw SQL uses (checked against the schema at start-up). */
export const bookingsSqlTables = [
  appointmentServicesTable,
  appointmentsTable,
  bookingSettingsTable,
  bookingsTable,
  classesTable,
  eventRsvpsTable,
  eventsTable,
]
