import { defineSqlTable } from '@/core'

/** The kernel's `integration-connections` as the Trackman sync reads it (one row per tenant and provider). */
export const integrationConnectionsTable = defineSqlTable(
  'integration-connections',
  {
    id: 'id',
    tenant: 'tenant',
    provider: 'provider',
    config: 'config',
    status: 'status',
    lastSyncAt: 'lastSyncAt',
    lastError: 'lastError',
    updatedAt: 'updatedAt',
  },
  { enums: ['provider', 'status'] },
)
