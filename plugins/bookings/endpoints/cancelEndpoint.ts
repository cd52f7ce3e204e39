import type { Endpoint } from 'payload'
import { leanEndpoint } from '@/core'
import { cancelBooking } from '../operations/classes/cancelBooking'
import { cancelByIdEndpoint } from './cancelByIdEndpoint'

/** POST /api/bookings/:id/cancel → { booking, lateCancel, fee }. */
export const cancelEndpoint: Endpoint = leanEndpoint(
  cancelByIdEndpoint(async (req, { id, reason }) => {
    const { booking, lateCancel, fee } = await cancelBooking(req, { bookingId: id, reason })
    return { booking, lateCancel, fee }
  }),
)
