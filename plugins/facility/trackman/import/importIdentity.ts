import { createHash } from 'node:crypto'

/** An e-mail as matched: trimmed, lower case. */
export const normalEmail = (email: string) => email.trim().toLowerCase()

/** A phone number as matched: its digits only (`+1 (312) 555-0100` → `13125550100`). */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '')

/** A name as matched: lower case, single spaces. */
export const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * The key that makes an imported row idempotent (stored on the reservation it creates, unique per
 * tenant, and on the row): `tm:<booking id>` when the export has Trackman's booking id, else
 * `h:` + a SHA-256 of the bay, the start and end instants and the person's e-mail, phone digits
 * and name, so the same booking read again yields the same key.
 */
export const importRowKey = (input: {
  bookingId: string
  bay: string
  start: string
  end: string
  email: string
  phone: string
  name: string
}): string => {
  if (input.bookingId.trim()) return `tm:${input.bookingId.trim()}`
  const identity = [
    input.bay.trim().toLowerCase(),
    input.start,
    input.end,
    normalEmail(input.email),
    phoneDigits(input.phone),
    normalName(input.name),
  ].join('|')
  return `h:${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`
}
