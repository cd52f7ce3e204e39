import type { PayloadRequest } from 'payload'
import type { RoomReservationsInput, RoomConflict } from '@plugins/bookings/contract'
import { roomReservationRows } from './claimReservationRoom'

/**
 * bookings' `bookings.roomReservations`: the first active reservation of a facility resource
 * linked to the room overlapping a class or appointment (asked after bookings locked the room's
 * row, which reservation writes lock too).
 */
export const roomReservations = async (
  req: PayloadRequest,
  input: RoomReservationsInput,
): Promise<{ conflict: RoomConflict | null }> => {
  const [first] = await roomReservationRows(req, input)
  return { conflict: first ?? null }
}
