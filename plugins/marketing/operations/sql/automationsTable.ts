import { defineSqlTable } from '@/core'

/** The automations' columns the enrolment engine and the audience preview read. */
export const automationsTable = defineSqlTable(
  'automations',
  {
    id: 'id',
    tenant: 'tenant',
    name: 'name',
    triggerEvent: 'triggerEvent',
    triggerDays: 'triggerDays',
    status: 'status',
    cooldownDays: 'cooldownDays',
  },
  { enums: ['triggerEvent', 'status'] },
)

/** Enrolments: inserted once per (automation, member, channel, occurrence) with ON CONFLICT DO NOTHING. */
export const automationLogsTable = defineSqlTable(
  'automation-logs',
  {
    id: 'id',
    tenant: 'tenant',
    automation: 'automation',
    member: 'member',
    lead: 'lead', // Lead recipients
    channel: 'channel',
    occurrenceKey: 'occurrenceKey',
    triggeredAt: 'triggeredAt',
    status: 'status',
    retryCount: 'retryCount',
    result: 'result',
    metadata: 'metadata',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['channel', 'status'] },
)

/** Message logs: one row per automation step claimed before sending (U(automationLog, step)); delivery reports move `status`. */
export const messageLogsTable = defineSqlTable(
  'message-logs',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    lead: 'lead', // Lead recipients
    recipient: 'recipient',
    channel: 'channel',
    direction: 'direction',
    type: 'type',
    subject: 'subject',
    body: 'body',
    status: 'status',
    reason: 'reason',
    provider: 'provider',
    providerMessageId: 'providerMessageId',
    errorMessage: 'errorMessage',
    sentAt: 'sentAt',
    deliveredAt: 'deliveredAt',
    automationLog: 'automationLog',
    step: 'step',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['channel', 'direction', 'type', 'status'] },
)

export const notificationsTable = defineSqlTable('notifications', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  title: 'title',
  message: 'message',
  actionUrl: 'actionUrl',
  readAt: 'readAt',
  createdAt: 'createdAt',
})

/** Core consents: an open consent has no `revokedAt` (rows are never deleted; granting again adds a row). */
export const consentsTable = defineSqlTable(
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

/** The member facts the time triggers and the preview read. */
export const memberFactsTable = defineSqlTable(
  'tenant-memberships',
  {
    id: 'id',
    tenant: 'tenant',
    user: 'user',
    status: 'status',
    displayName: 'profile.displayName',
    phone: 'profile.phone',
    dateOfBirth: 'profile.dateOfBirth',
    timezone: 'profile.timezone',
    lastVisitAt: 'lastVisitAt',
    joinedAt: 'joinedAt',
    anonymisedAt: 'anonymisedAt', // mkt_rest: GDPR erasure
  },
  { enums: ['status'] },
)

/** The values of the members' hasMany text fields: `tags` rows have `path = 'tags'` (the preview's tag rules). */
export const memberTextsTable = defineSqlTable('tenant-memberships._texts', {
  parent: 'parent',
  path: 'path',
  text: 'text',
})

/** The `marketing` group this plugin adds to tenant-settings (quiet hours, frequency cap). */
export const marketingSettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  quietStart: 'marketing.quietHours.start',
  quietEnd: 'marketing.quietHours.end',
  frequencyCap: 'marketing.frequencyCap',
})
