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

/** The message-log columns delivery reports change. */
export const deliveryLogsTable = defineSqlTable(
  'message-logs',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    recipient: 'recipient',
    channel: 'channel',
    status: 'status',
    provider: 'provider',
    providerMessageId: 'providerMessageId',
    errorMessage: 'errorMessage',
    deliveredAt: 'deliveredAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['channel', 'status'] },
)

/** Consents as the SMS keywords change them (rows are never deleted; granting again adds a row). */
export const smsConsentsTable = defineSqlTable(
  'consents',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    type: 'type',
    grantedAt: 'grantedAt',
    revokedAt: 'revokedAt',
    source: 'source',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['type'] },
)

export const suppressionSqlTables = [suppressionsTable, deliveryLogsTable, smsConsentsTable]
