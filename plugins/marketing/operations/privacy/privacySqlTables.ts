import { defineSqlTable } from '@/core'

/** mkt_rest: GDPR erasure — the columns of marketing's collections the anonymise operation rewrites. */
export const erasableNotesTable = defineSqlTable('member-notes', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  note: 'note',
  updatedAt: 'updatedAt',
})

export const erasableNotificationsTable = defineSqlTable('notifications', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  title: 'title',
  message: 'message',
  actionUrl: 'actionUrl',
  actionLabel: 'actionLabel',
  ref: 'ref',
  updatedAt: 'updatedAt',
})

export const erasableMessageLogsTable = defineSqlTable('message-logs', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  lead: 'lead',
  recipient: 'recipient',
  subject: 'subject',
  body: 'body',
  errorMessage: 'errorMessage',
  updatedAt: 'updatedAt',
})

export const erasableEnrolmentsTable = defineSqlTable(
  'automation-logs',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    lead: 'lead',
    status: 'status',
    result: 'result',
    metadata: 'metadata',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

export const erasablePushSubscriptionsTable = defineSqlTable('push-subscriptions', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
})

export const privacySqlTables = [
  erasableNotesTable,
  erasableNotificationsTable,
  erasableMessageLogsTable,
  erasableEnrolmentsTable,
  erasablePushSubscriptionsTable,
]
