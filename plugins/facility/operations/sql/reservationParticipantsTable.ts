import { defineSqlTable } from '@/core'

/** `reservation-participants` as the facility plugin's raw SQL uses it. */
export const reservationParticipantsTable = defineSqlTable(
  'reservation-participants',
  {
    id: 'id',
    tenant: 'tenant',
    reservation: 'reservation',
    slotNumber: 'slotNumber',
    participantType: 'participantType',
    member: 'member',
    guest: 'guest',
    displayName: 'displayName',
    tierKey: 'tierKey',
    usesGuestPass: 'usesGuestPass',
    feeAmount: 'fee.amount',
    feeCurrency: 'fee.currency',
    checkedInAt: 'checkedInAt',
  },
  { enums: ['participantType'] },
)
