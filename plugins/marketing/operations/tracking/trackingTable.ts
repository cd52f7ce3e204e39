import { defineSqlTable } from '@/core'

/** The message-log columns open and click tracking reads and writes. */
export const trackedMessageLogsTable = defineSqlTable(
  'message-logs',
  {
    id: 'id',
    tenant: 'tenant', // More triggers: engagement events
    member: 'member', // More triggers: engagement events
    channel: 'channel',
    type: 'type',
    status: 'status',
    openedAt: 'openedAt',
    clickedAt: 'clickedAt',
    automationLog: 'automationLog',
    step: 'step',
    updatedAt: 'updatedAt',
  },
  { enums: ['channel', 'type', 'status'] },
)
