import type { Config } from 'payload'
import { subscribe, withSqlTables } from '@/core'
import { withCrmScreens } from './admin/crmScreens'
import { Announcements } from './collections/Announcements'
import { Deals } from './collections/Deals'
import { Leads } from './collections/Leads'
import { MemberNotes } from './collections/MemberNotes'
import { NoticeDismissals } from './collections/NoticeDismissals'
import { dismissAnnouncementEndpoint, siteBannersEndpoint } from './endpoints/crm/announcementEndpoints'
import { sendScheduledAnnouncementsTask } from './jobs/crm/sendScheduledAnnouncementsTask'
import { crmSubscribers } from './operations/crm/crmSubscribers'
import { crmSqlTables } from './operations/crm/sql/crmSqlTables'
import type { CrmOptions } from './types'

/**
 * Leads and CRM (leads, deals, member notes, the lead board) and announcements (with notice
 * dismissals, the scheduled send and the site's banners): collections, endpoints, the send job,
 * the subscribers (form → lead, member → converted lead, closure → banner), screens and joins.
 */
export const withCrm = (config: Config, o: Required<CrmOptions> & { adminGroup: string }): Config => {
  const group = o.adminGroup
  const announcements = Announcements(group)
  const next: Config = {
    ...config,
    collections: [
      ...(config.collections ?? []),
      Leads(group),
      MemberNotes(group),
      Deals(group),
      { ...announcements, endpoints: [siteBannersEndpoint, dismissAnnouncementEndpoint] },
      NoticeDismissals(group),
    ],
    jobs: {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), sendScheduledAnnouncementsTask({ cron: o.announcementsCron })],
    },
  }
  return withSqlTables(withCrmScreens(subscribe(next, ...crmSubscribers)), crmSqlTables)
}
