import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { clientIp } from '@/core/auth/clientIp'
import { rateLimit } from '@/core/auth/rateLimit'

/** Bookings a visitor without an account may attempt per address and window (the login guard's fixed-window counter). */
export const GUEST_BOOKING_LIMIT = { limit: 5, windowSeconds: 600 }

/** Counts a visitor's booking attempt against their address (outside the transaction, so refusals count); 429 over the limit. */
export const limitGuestBooking = async (req: PayloadRequest): Promise<void> => {
  const ip = clientIp(req.headers) ?? 'unknown'
  const { allowed, retryAfterSeconds } = await rateLimit(req.payload, {
    key: `guest-booking:${ip}`,
    ...GUEST_BOOKING_LIMIT,
  })
  if (!allowed)
    throw new OperationError(
      429,
      'rate_limited',
      `Too many bookings from this address. Try again in ${retryAfterSeconds} seconds.`,
    )
}
