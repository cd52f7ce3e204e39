import type { PayloadRequest } from 'payload'
import type { ClaimRoomInput, ClaimRoomResult } from '@plugins/facility/contract'
import { roomClash } from './roomClash'

/**
 * facility's `facility.claimRoom`: the room's row locked (as classes and appointments lock it)
 * and the first class or booked appointment of the room overlapping the reservation named. A room
 * of another tenant is not locked or reported (the tenancy plugin keeps the link in one tenant).
 */
export const claimRoomForReservation = async (req: PayloadRequest, input: ClaimRoomInput): Promise<ClaimRoomResult> => {
  const { tenant, clash } = await roomClash(req, { room: input.room, startTime: input.startAt, endTime: input.endAt })
  return { conflict: tenant === input.tenant ? clash : null }
}
