import { defineSqlTable } from '@/core'

/** The outbox's columns (filled by the subscribers, claimed and updated by the sync job). */
export const hubspotOutboxTable = defineSqlTable(
  'hubspot-outbox',
  {
    id: 'id',
    tenant: 'tenant',
    objectKind: 'objectKind',
    localId: 'localId',
    state: 'state',
    version: 'version',
    status: 'status',
    attempts: 'attempts',
    lastError: 'lastError',
    nextAttemptAt: 'nextAttemptAt',
    claimedUntil: 'claimedUntil',
    remoteId: 'remoteId',
    sentAt: 'sentAt',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['objectKind', 'status'] },
)

/** One token bucket per HubSpot connection. */
export const hubspotRateLimitsTable = defineSqlTable('hubspot-rate-limits', {
  id: 'id',
  key: 'key',
  tokens: 'tokens',
  refilledAt: 'refilledAt',
  blockedUntil: 'blockedUntil',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})

/** The deals' columns an inbound HubSpot webhook and the sync write (stage, HubSpot's id). */
export const hubspotDealsTable = defineSqlTable(
  'deals',
  { id: 'id', tenant: 'tenant', stage: 'stage', hubspotDealId: 'hubspotDealId', updatedAt: 'updatedAt' },
  { enums: ['stage'] },
)

/** The leads' columns an inbound HubSpot webhook changes. */
export const hubspotLeadsTable = defineSqlTable(
  'leads',
  { id: 'id', tenant: 'tenant', status: 'status', updatedAt: 'updatedAt' },
  { enums: ['status'] },
)

export const hubspotSqlTables = [hubspotOutboxTable, hubspotRateLimitsTable, hubspotDealsTable, hubspotLeadsTable]
