import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { adminTenant, DESK_ROLES, TENANT_COOKIE } from '@/core'
import { PosScreen, type PosProduct } from './PosScreen'

/**
 * `/admin/pos`: the front desk's till for the tenant chosen in the tenant selector. Lists the
 * tenant's active products (read with the user's access); the client screen prices the cart with
 * `POST /api/orders/quote`, takes payment with `POST /api/orders/checkout` and shows the receipt.
 */
export const PosView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), DESK_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Point of sale">
        <AdminNotice>
          {tenant
            ? 'Only desk staff (owner, admin, manager, front desk) can sell at the till.'
            : 'Choose a business in the tenant selector to open its till.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const products = await req.payload.find({
    collection: 'products',
    where: { and: [{ tenant: { equals: tenant } }, { isActive: { equals: true } }] },
    sort: 'name',
    limit: 500,
    depth: 0,
    overrideAccess: false,
    req,
  })
  const list: PosProduct[] = products.docs.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    price: { amount: p.price?.amount ?? 0, currency: p.price?.currency ?? 'USD' },
    stock: p.stockQuantity ?? null,
    credits: p.kind === 'credit_pack' ? (p.pack?.credits ?? 0) : null,
  }))
  return (
    <AdminPage view={view} title="Point of sale" className="pos">
      <PosScreen tenant={tenant} products={list} />
    </AdminPage>
  )
}
