import { defineSqlTable } from '@/core'

/** `access-grants` as the lms plugin's raw SQL uses it. */
export const accessGrantsTable = defineSqlTable(
  'access-grants',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    course: 'course',
    contentItem: 'contentItem',
    accessType: 'accessType',
    grantedAt: 'grantedAt',
    availableFrom: 'availableFrom',
    expiresAt: 'expiresAt',
    revokedAt: 'revokedAt',
    revokeReason: 'revokeReason',
    sourceCollection: 'sourceCollection',
    sourceId: 'sourceId',
  },
  { enums: ['accessType'] },
)
