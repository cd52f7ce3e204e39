import { OperationError } from '@/core'
import type { Weekday } from '../types'
import { localClock, minutesOf } from './localClock'

export type OpeningHours = { weekday: Weekday; opensAt: string; closesAt: string }[]
export type BookingRules = {
  openingHours: OpeningHours
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  /** How far ahead the member may book (their tier's window, else the resource's). */
  bookingWindowDays: number
}

/**
 * Refuses (throws a 4xx `OperationError`) a range a resource's rules do not allow: in the past,
 * beyond the booking window, shorter or longer than allowed, off the slot grid (slots count from
 * opening time), or outside the opening hours of its local day in the resource's zone.
 */
export const checkBookingRules = (rules: BookingRules, startAt: Date, endAt: Date, zone: string, now = new Date()) => {
  const duration = (endAt.getTime() - startAt.getTime()) / 60_000
  if (!(duration > 0)) throw new OperationError(400, 'invalid_range', 'A reservation ends after it starts.')
  if (startAt.getTime() < now.getTime()) throw new OperationError(409, 'in_the_past', 'This time has already started.')
  if (startAt.getTime() > now.getTime() + rules.bookingWindowDays * 86_400_000)
    throw new OperationError(
      422,
      'outside_booking_window',
      `You can book up to ${rules.bookingWindowDays} day${rules.bookingWindowDays === 1 ? '' : 's'} ahead.`,
    )
  if (duration < rules.minMinutes || duration > rules.maxMinutes)
    throw new OperationError(
      422,
      'invalid_duration',
      `A reservation lasts between ${rules.minMinutes} and ${rules.maxMinutes} minutes (asked for ${duration}).`,
    )
  if (duration % rules.slotMinutes !== 0)
    throw new OperationError(
      422,
      'off_slot',
      `A reservation lasts a whole number of ${rules.slotMinutes}-minute slots.`,
    )
  const start = localClock(startAt, zone)
  const end = localClock(endAt, zone)
  const endMinutes = end.date === start.date ? end.minutes : end.minutes === 0 ? 1440 : -1
  const hours = rules.openingHours.filter((h) => h.weekday === start.weekday)
  const open = hours.find(
    (h) => minutesOf(h.opensAt) <= start.minutes && endMinutes >= 0 && endMinutes <= minutesOf(h.closesAt),
  )
  if (!open) {
    const times = hours.map((h) => `${h.opensAt}–${h.closesAt}`).join(', ')
    throw new OperationError(
      422,
      'outside_opening_hours',
      times ? `Open ${times} (local time) on that day.` : 'Closed on that day of the week.',
    )
  }
  if ((start.minutes - minutesOf(open.opensAt)) % rules.slotMinutes !== 0)
    throw new OperationError(
      422,
      'off_slot',
      `Reservations start on the ${rules.slotMinutes}-minute grid from ${open.opensAt} (local time).`,
    )
}
