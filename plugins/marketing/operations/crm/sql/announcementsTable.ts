import { defineSqlTable } from '@/core'

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
