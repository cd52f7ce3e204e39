import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { adminTenant, TENANT_COOKIE } from '@/core'
import { CRM_ROLES } from '../../operations/crm/crmAccess'
import { readLeadBoard } from '../../operations/crm/readLeadBoard'
import { LeadBoard } from './LeadBoard'

/**
 * `/admin/leads-board`: the pipeline of the tenant chosen in the tenant selector, one column per
 * lead status with its count, for desk staff (owner, admin, manager, front desk). Moving a lead
 * PATCHes it through REST (with the viewer's access). The client part is `LeadBoard`.
 */
export const LeadBoardView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), CRM_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Lead board">
        <AdminNotice>
          {tenant
            ? 'Only desk staff (owner, admin, manager, front desk) can work the lead board.'
            : 'Choose a business in the tenant selector to see its leads.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const board = await readLeadBoard(req, tenant)
  return (
    <AdminPage view={view} title="Lead board" className="lead-board">
      <p>
        <a href="/admin/collections/leads/create">Add a lead</a> ·{' '}
        <a href="/admin/collections/leads">All leads as a list</a>
      </p>
      <LeadBoard board={board} />
    </AdminPage>
  )
}
