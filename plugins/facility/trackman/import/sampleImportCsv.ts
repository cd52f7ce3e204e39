/** A one-row Trackman export (the isolation grid's fixtures and the docs' example). */
export const SAMPLE_IMPORT_CSV =
  'Booking ID,Bay,Start,End,Email,Phone,Name\r\n' +
  'TM-SAMPLE-1,Bay 1,2030-01-15 10:00,2030-01-15 11:00,nobody@example.test,,Nobody Known\r\n'
