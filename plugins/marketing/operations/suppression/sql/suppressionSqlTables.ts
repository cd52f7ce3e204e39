import { defineSqlTable } from '@/core'

/** Addresses nothing is sent to: U(tenant, channel, address). */
export const suppressionsTable = defineSqlTable(
  'suppressions',
  {
    id: 'id',
    tenant: 'tenant',
    channel: 'channel',
    address: 'address',
    reason: 'reason',
    detail: 'detail',
    messageLog: 'messageLog',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['channel', 'reason'] },
)

export const suppressionSqlTables = [suppressionsTable]
