import { OperationError } from '@/core'
import { CsvSyntaxError, parseCsv } from './parseCsv'

/** The columns of a Trackman bay-booking export we read, each with the header spellings accepted. */
export const IMPORT_COLUMNS = {
  bookingId: ['booking id', 'trackman booking id', 'bookingid', 'booking number', 'reservation id', 'id'],
  bay: ['bay', 'bay name', 'bay id', 'bayname', 'simulator', 'resource'],
  date: ['date', 'booking date'],
  start: ['start', 'start time', 'starts at', 'start date', 'start datetime', 'booking start', 'from'],
  end: ['end', 'end time', 'ends at', 'end date', 'end datetime', 'booking end', 'to'],
  duration: ['duration', 'duration min', 'duration minutes', 'minutes', 'length'],
  email: ['email', 'e mail', 'customer email', 'player email', 'email address'],
  phone: ['phone', 'phone number', 'mobile', 'customer phone', 'telephone', 'cell'],
  name: ['name', 'customer', 'customer name', 'player', 'player name', 'full name'],
  firstName: ['first name', 'firstname', 'given name'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
} as const
export type ImportColumn = keyof typeof IMPORT_COLUMNS

/** `Bay Name`, `bay_name`, `BAY-NAME` and `bay name` are one header (parentheses dropped: `Duration (min)`). */
const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[()]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** One data row by column (empty strings for absent columns), with its line number in the file. */
export type ImportRow = { line: number } & Record<ImportColumn, string>

const columnOf = (header: string): ImportColumn | null => {
  const h = normalise(header)
  for (const [column, aliases] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][])
    if (aliases.includes(h)) return column
  return null
}

/**
 * Reads a Trackman export: the first record is the header, matched to our columns by
 * `IMPORT_COLUMNS` (case, spaces and punctuation ignored; unknown columns are kept aside in each
 * row's raw values). 400 `invalid_csv` when the text is not CSV or has no data row after the
 * header, 400 `missing_columns` naming what is missing: `bay`, `start`, `end` or `duration`, and
 * one of `email`, `phone`, `name`.
 */
export const readImportRows = (text: string): { headers: string[]; rows: ImportRow[]; raw: string[][] } => {
  let records: string[][]
  try {
    records = parseCsv(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new OperationError(400, 'invalid_csv', error.message)
    throw error
  }
  const [headers, ...data] = records
  if (!headers || headers.every((h) => !h.trim()))
    throw new OperationError(400, 'invalid_csv', 'The file is empty: it needs a header row and at least one booking.')
  const columns = headers.map(columnOf)
  const has = (c: ImportColumn) => columns.includes(c)
  const missing: string[] = []
  if (!has('bay')) missing.push('bay')
  if (!has('start')) missing.push('start')
  if (!has('end') && !has('duration')) missing.push('end (or duration)')
  if (!has('email') && !has('phone') && !has('name') && !(has('firstName') || has('lastName')))
    missing.push('email, phone or name')
  if (missing.length > 0)
    throw new OperationError(
      400,
      'missing_columns',
      `The header row lacks the column${missing.length === 1 ? '' : 's'} ${missing.join('; ')} (found: ${headers.map((h) => h.trim() || '(blank)').join(', ')}).`,
    )
  if (data.length === 0)
    throw new OperationError(400, 'invalid_csv', 'The file has a header row but no bookings under it.')
  const rows = data.map((record, index): ImportRow => {
    const row: ImportRow = {
      line: index + 2,
      bookingId: '',
      bay: '',
      date: '',
      start: '',
      end: '',
      duration: '',
      email: '',
      phone: '',
      name: '',
      firstName: '',
      lastName: '',
    }
    columns.forEach((column, i) => {
      if (column && !row[column]) row[column] = (record[i] ?? '').trim()
    })
    if (!row.name && (row.firstName || row.lastName)) row.name = `${row.firstName} ${row.lastName}`.trim()
    return row
  })
  return { headers, rows, raw: data }
}

/** The row's values as the review queue shows them: header → value. */
export const rawValues = (headers: string[], record: string[]): Record<string, string> =>
  Object.fromEntries(headers.map((h, i) => [h.trim() || `column ${i + 1}`, record[i] ?? '']))
