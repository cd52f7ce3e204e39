import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { adminTenant, DESK_ROLES, TENANT_COOKIE } from '@/core'
import { facilityZone } from '../operations/facilityZone'
import { readImportQueue } from '../trackman/import/readImportQueue'
import { TrackmanImport } from './TrackmanImport'

/**
 * `/admin/trackman-import`: desk staff of the tenant chosen in the tenant selector upload a
 * Trackman CSV export of bay bookings, follow its progress bar, and work the review queue
 * (assign a member to an unmatched row, which books it, or ignore the row). The client part is
 * `TrackmanImport`.
 */
export const TrackmanImportView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), DESK_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Trackman import">
        <AdminNotice>
          {tenant
            ? 'Only desk staff (owner, admin, manager, front desk) can import Trackman bookings.'
            : 'Choose a business in the tenant selector to import its Trackman bookings.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const [queue, zone] = await Promise.all([readImportQueue(req, tenant), facilityZone(req, { tenant })])
  return (
    <AdminPage view={view} title="Trackman import" className="trackman-import">
      <TrackmanImport tenant={tenant} zone={zone} imports={queue.imports} review={queue.review} />
    </AdminPage>
  )
}
