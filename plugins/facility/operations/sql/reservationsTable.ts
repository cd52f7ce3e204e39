import { defineSqlTable } from '@/core'

/** `reservations` as the facility plugin's raw SQL uses it. */
export const reservationsTable = defineSqlTable(
  'reservations',
  {
    id: 'id',
    tenant: 'tenant',
    resource: 'resource',
    member: 'member',
    startAt: 'startAt',
    endAt: 'endAt',
    blockedFrom: 'blockedFrom',
    blockedUntil: 'blockedUntil',
    durationMinutes: 'durationMinutes',
    status: 'status',
    source: 'source',
    accessCode: 'accessCode',
    accessValidFrom: 'accessValidFrom',
    accessValidUntil: 'accessValidUntil',
    closure: 'closure',
    cancelledAt: 'cancelledAt',
    cancelReason: 'cancelReason',
    notes: 'notes',
    checkedInAt: 'checkedInAt',
    trackmanSessionId: 'trackman.sessionId',
    trackmanSessionStartedAt: 'trackman.sessionStartedAt',
    trackmanSessionEndedAt: 'trackman.sessionEndedAt',
    updatedAt: 'updatedAt',
    importKey: 'importKey',
  },
  { enums: ['status', 'source', 'cancelReason'] },
)
