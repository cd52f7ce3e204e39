import { defineSqlTable } from '@/core'

/** The columns of `gbp-posts` the sync job claims and updates. */
export const gbpPostsTable = defineSqlTable(
  'gbp-posts',
  {
    id: 'id',
    tenant: 'tenant',
    kind: 'kind',
    localId: 'localId',
    location: 'location',
    gbpLocation: 'gbpLocation',
    state: 'state',
    remoteName: 'remoteName',
    lastBody: 'lastBody',
    attempts: 'attempts',
    lastError: 'lastError',
    claimedUntil: 'claimedUntil',
    syncedAt: 'syncedAt',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['kind', 'state'] },
)

export const gbpSqlTables = [gbpPostsTable]
