import { defineSqlTable } from '@/core'

/** `leads` as the CRM's raw SQL uses it. */
export const leadsTable = defineSqlTable(
  'leads',
  {
    id: 'id',
    tenant: 'tenant',
    email: 'email',
    name: 'name',
    phone: 'phone',
    status: 'status',
    source: 'source',
    convertedMember: 'convertedMember',
    convertedAt: 'convertedAt',
    formSubmission: 'formSubmission',
    lastContactedAt: 'lastContactedAt',
    updatedAt: 'updatedAt',
    createdAt: 'createdAt',
  },
  { enums: ['status', 'source'] },
)

/** `announcements` as the scheduled send and the site's banners read them. */
export const announcementsTable = defineSqlTable(
  'announcements',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    body: 'body',
    priority: 'priority',
    noticeType: 'noticeType',
    showAsBanner: 'showAsBanner',
    startsAt: 'startsAt',
    endsAt: 'endsAt',
    scheduledAt: 'scheduledAt',
    sentAt: 'sentAt',
    status: 'status',
    location: 'location',
    sourceCollection: 'sourceCollection',
    sourceId: 'sourceId',
    updatedAt: 'updatedAt',
    createdAt: 'createdAt',
  },
  { enums: ['status', 'priority'] },
)

/** `notice-dismissals`: one per member and announcement. */
export const noticeDismissalsTable = defineSqlTable('notice-dismissals', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  announcement: 'announcement',
  noticeType: 'noticeType',
  dismissedAt: 'dismissedAt',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
})

/** Every table the CRM's raw SQL uses (checked against the schema at start-up). */
export const crmSqlTables = [leadsTable, announcementsTable, noticeDismissalsTable]
