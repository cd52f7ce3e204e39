import { defineSqlTable } from './sqlTable'

/** The kernel's tables as raw SQL in the kernel and the plugins uses them (names from the schema). */
export const tenantsTable = defineSqlTable(
  'tenants',
  { id: 'id', name: 'name', slug: 'slug', status: 'status', currency: 'currency', timezone: 'timezone' },
  { enums: ['status'] },
)

export const tenantMembershipsTable = defineSqlTable(
  'tenant-memberships',
  {
    id: 'id',
    tenant: 'tenant',
    user: 'user',
    status: 'status',
    displayName: 'profile.displayName',
    timezone: 'profile.timezone',
    stripeCustomerId: 'stripeCustomerId',
    joinedAt: 'joinedAt',
    lastVisitAt: 'lastVisitAt',
    anonymisedAt: 'anonymisedAt', // mkt_rest: GDPR erasure
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

/** The hasMany `roles` select of a membership. */
export const tenantMembershipRolesTable = defineSqlTable(
  'tenant-memberships.roles',
  { parent: 'parent', value: 'value' },
  { enums: ['value'] },
)

export const locationsTable = defineSqlTable('locations', {
  id: 'id',
  tenant: 'tenant',
  name: 'name',
  timezone: 'timezone',
})

/** tenant-settings' own columns (plugins declare the groups they add). */
export const tenantSettingsTable = defineSqlTable('tenant-settings', { id: 'id', tenant: 'tenant' })

export const inboundWebhooksTable = defineSqlTable('inbound-webhooks', {
  id: 'id',
  tenant: 'tenant',
  source: 'source',
  eventId: 'eventId',
  dedupKey: 'dedupKey',
  eventType: 'eventType',
  payload: 'payload',
  status: 'status',
  attempts: 'attempts',
  receivedAt: 'receivedAt',
  processedAt: 'processedAt',
  error: 'error',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
})

export const usersTable = defineSqlTable(
  'users',
  {
    id: 'id',
    email: 'email',
    name: 'name',
    status: 'status',
    platformRole: 'platformRole', // mkt_rest: GDPR erasure
    // ---- email verification ----
    emailVerifiedAt: 'emailVerifiedAt',
    deletedAt: 'deletedAt',
    // ---- /email verification ----
  },
  { enums: ['status', 'platformRole'] },
)

/** Payload's jobs queue (completed jobs are deleted: what is left is queued, running or failed). */
export const jobsTable = defineSqlTable(
  'payload-jobs',
  {
    id: 'id',
    input: 'input',
    taskSlug: 'taskSlug',
    hasError: 'hasError',
    processing: 'processing',
    completedAt: 'completedAt',
    waitUntil: 'waitUntil',
    createdAt: 'createdAt',
  },
  { enums: ['taskSlug'] },
)

/** `integration-connections` (one row per tenant and provider): plugins read their provider's row and note syncs and errors. */
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
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['provider', 'status'] },
)

/** The kernel's tables, checked against the schema at every start. */
export const kernelSqlTables = [
  tenantsTable,
  tenantMembershipsTable,
  tenantMembershipRolesTable,
  locationsTable,
  tenantSettingsTable,
  inboundWebhooksTable,
  usersTable,
  jobsTable,
  integrationConnectionsTable,
]
