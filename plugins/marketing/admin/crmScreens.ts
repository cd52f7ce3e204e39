import type { Config } from 'payload'
import { withAdminScreens, withMemberJoins } from '@/core'
import { CRM_ROLES } from '../operations/crm/crmAccess'

/** The lead board (`/admin/leads-board`) with its nav link, and the member page's staff notes and deals. */
export const withCrmScreens = (config: Config): Config =>
  withMemberJoins(
    withAdminScreens(config, [
      {
        key: 'marketingLeadsBoard',
        Component: '@plugins/marketing/admin/LeadBoard/LeadBoardView#LeadBoardView',
        path: '/leads-board',
        title: 'Lead board',
        nav: { label: 'Lead board', id: 'nav-leads-board', roles: CRM_ROLES },
      },
    ]),
    [
      {
        name: 'staffNotes',
        label: 'Staff notes',
        collection: 'member-notes',
        defaultSort: '-pinned',
        defaultColumns: ['note', 'visibility', 'pinned', 'author', 'createdAt'],
      },
      {
        name: 'crmDeals',
        label: 'Deals',
        collection: 'deals',
        defaultColumns: ['name', 'stage', 'amount', 'closeDate'],
      },
    ],
  )
