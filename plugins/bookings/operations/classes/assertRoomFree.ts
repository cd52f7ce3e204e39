import type { PayloadRequest } from 'payload'
import { callPort, OperationError } from '@/core'
import { roomReservationsPort } from '../../contract'
import { roomClash } from './roomClash'

/**
 * Refuses (409 `room_busy`) a class or appointment that would overlap another class (not
 * cancelled) or booked appointment (its buffered span) in the same room, or another plugin's
 * booking of the room (`bookings.roomReservations`: facility's reservations of a resource linked
 * to it). Locks the room row first, so concurrent writes for one room serialise (taken after the
 * instructor/provider lock).
 */
export const assertRoomFree = async (
  req: PayloadRequest,
  input: { room: string; startTime: string; endTime: string; classId?: string; what: 'class' | 'appointment' },
): Promise<void> => {
  const { tenant, clash } = await roomClash(req, input)
  const busy =
    clash ??
    (tenant
      ? (
          await callPort(req, roomReservationsPort, {
            tenant,
            room: input.room,
            startTime: input.startTime,
            endTime: input.endTime,
          })
        ).conflict
      : null)
  if (busy) {
    throw new OperationError(
      409,
      'room_busy',
      `The room is taken by "${busy.title}" at ${busy.startAt}, which overlaps this ${input.what}.`,
    )
  }
}
