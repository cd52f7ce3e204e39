import { defineSqlTable } from './sqlTable'

/** Payload's jobs queue (completed jobs are deleted: what is left is queued, running or failed). */
export const jobsTable = defineSqlTable('payload-jobs', {
  id: 'id',
  taskSlug: 'taskSlug',
  hasError: 'hasError',
  processing: 'processing',
  completedAt: 'completedAt',
  waitUntil: 'waitUntil',
  createdAt: 'createdAt',
})

export const inboundWebhooksTable = defineSqlTable(
  'inbound-webhooks',
  { id: 'id', source: 'source', status: 'status', receivedAt: 'receivedAt', createdAt: 'createdAt' },
  { enums: ['status', 'source'] },
)
