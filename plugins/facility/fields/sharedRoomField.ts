import type { Field, RelationshipFieldSingleValidation } from 'payload'
import { relationship } from 'payload/shared'

const isRoom = (data: unknown) => typeof data === 'object' && data !== null && 'type' in data && data.type === 'room'

/** Payload's own check of the relation, for a resource of type room only. */
const roomOnly: RelationshipFieldSingleValidation = (value, options) =>
  !value || isRoom(options.siblingData)
    ? relationship(value, options)
    : 'Only a resource of type room can share a bookings room.'

/**
 * ⊕ bookings: the bookings room a facility resource of type `room` is (classes and appointments
 * of that room and reservations of this resource never overlap). Added only when the bookings
 * plugin (`rooms`) is installed.
 */
export const sharedRoomField = (): Field => ({
  name: 'room',
  type: 'relationship',
  relationTo: 'rooms',
  // No admin condition: Payload skips validating a field its condition hides, and this one must be refused.
  admin: {
    description:
      'Type room only: the studio room this is (its classes and appointments and these reservations never overlap).',
  },
  validate: roomOnly,
})
