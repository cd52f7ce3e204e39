import type { CollectionBeforeChangeHook } from 'payload'
import { idOf, OperationError } from '@/core'
import { classTimezone } from '../../../operations/classes/classTimezone'

/** Ends after it starts; capacity never below the places taken, the waitlist never below those waiting; a cancelled event stays cancelled; zone from location/tenant. */
export const guardEventChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const start = data.startTime ?? originalDoc?.startTime
  const end = data.endTime ?? originalDoc?.endTime
  if (start && end && new Date(end).getTime() <= new Date(start).getTime()) {
    throw new OperationError(400, 'invalid_times', '`endTime` must be after `startTime`.')
  }
  const capacity = 'capacity' in data ? data.capacity : originalDoc?.capacity
  if (operation === 'update' && typeof capacity === 'number' && capacity < (originalDoc?.goingCount ?? 0)) {
    throw new OperationError(
      400,
      'capacity_below_going',
      `Capacity cannot drop below the ${originalDoc?.goingCount} places already taken.`,
    )
  }
  const waitlistCapacity = 'waitlistCapacity' in data ? data.waitlistCapacity : originalDoc?.waitlistCapacity
  if (
    operation === 'update' &&
    typeof waitlistCapacity === 'number' &&
    waitlistCapacity < (originalDoc?.waitlistCount ?? 0)
  ) {
    throw new OperationError(
      400,
      'waitlist_capacity_below_waiting',
      `The waitlist cannot shrink below the ${originalDoc?.waitlistCount} RSVPs already waiting.`,
    )
  }
  if (originalDoc?.status === 'cancelled' && data.status && data.status !== 'cancelled') {
    throw new OperationError(
      409,
      'event_cancelled',
      'A cancelled event cannot be reopened; create a new event instead.',
    )
  }
  const location = 'location' in data ? idOf(data.location) : idOf(originalDoc?.location)
  data.timezone = await classTimezone(req, { tenant: idOf(data.tenant ?? originalDoc?.tenant), location })
  return data
}
