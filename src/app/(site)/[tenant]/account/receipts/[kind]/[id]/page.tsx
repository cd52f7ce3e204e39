import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { hasCollection } from '@/core'
import { INVOICE_STATUS, ORDER_STATUS, day, money } from '../../../../_lib/format'
import { PrintButton } from '../../../../_lib/PrintButton'
import { href, loadSite, payloadInstance, type Site } from '../../../../_lib/site'
import { isMember, loadVisitor, type Visitor } from '../../../../_lib/visitor'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ tenant: string; kind: string; id: string }> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const KINDS = { invoice: 'invoices', order: 'orders' } as const

type Line = { description: string; quantity: number; unitPrice: number; total: number; discount?: number }
type Receipt = {
  kind: keyof typeof KINDS
  number: string
  status: string
  statusLabel: string
  issuedAt: string
  paidAt: string | null
  dueAt: string | null
  period: { start: string; end: string } | null
  currency: string
  lines: Line[]
  totals: { label: string; amount: number }[]
  total: number
  due: boolean
}

/**
 * One of the member's own invoices or orders in this tenant, read with their access
 * (`overrideAccess: false`): someone else's, another tenant's or an unknown id is null (404).
 */
const loadReceipt = async (
  site: Site,
  visitor: Visitor & { membership: NonNullable<Visitor['membership']> },
  kind: string,
  id: string,
): Promise<Receipt | null> => {
  if (!(kind in KINDS) || !UUID.test(id)) return null
  const payload = await payloadInstance()
  const own = async <S extends (typeof KINDS)[keyof typeof KINDS]>(collection: S) =>
    hasCollection(payload, collection)
      ? ((
          await payload.find({
            collection,
            where: {
              and: [
                { id: { equals: id } },
                { tenant: { equals: site.tenant.id } },
                { member: { equals: visitor.membership.id } },
              ],
            },
            limit: 1,
            depth: 0,
            overrideAccess: false,
            user: visitor.user,
          })
        ).docs[0] ?? null)
      : null
  if (kind === 'invoice') {
    const invoice = await own(KINDS.invoice)
    if (!invoice) return null
    const lines = (invoice.lines ?? []).map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitAmount,
      total: line.amount,
    }))
    return {
      kind: 'invoice',
      number: invoice.number,
      status: invoice.status,
      statusLabel: INVOICE_STATUS[invoice.status] ?? invoice.status,
      issuedAt: invoice.createdAt,
      paidAt: invoice.paidAt ?? null,
      dueAt: invoice.dueAt ?? null,
      period: invoice.periodStart && invoice.periodEnd ? { start: invoice.periodStart, end: invoice.periodEnd } : null,
      currency: invoice.amount.currency,
      lines,
      totals: [],
      total: invoice.amount.amount,
      due: invoice.status === 'open',
    }
  }
  const order = await own(KINDS.order)
  if (!order) return null
  const totals = [
    { label: 'Subtotal', amount: order.subtotal },
    ...(order.discountTotal ? [{ label: 'Discount', amount: -order.discountTotal }] : []),
    ...(order.giftCardApplied ? [{ label: 'Gift card', amount: -order.giftCardApplied }] : []),
    ...(order.tax ? [{ label: 'Tax', amount: order.tax }] : []),
  ]
  return {
    kind: 'order',
    number: order.number,
    status: order.status,
    statusLabel: ORDER_STATUS[order.status] ?? order.status,
    issuedAt: order.createdAt,
    paidAt: order.purchasedAt ?? null,
    dueAt: null,
    period: null,
    currency: order.currency,
    lines: (order.lines ?? []).map((line) => ({
      description: line.name ?? 'Item',
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount ?? 0,
      total: line.total,
    })),
    totals: [...totals, ...(order.amountRefunded ? [{ label: 'Refunded', amount: -order.amountRefunded }] : [])],
    total: order.total,
    due: order.status === 'pending',
  }
}

/** Signed-in member of an open site, or a redirect to log in / join. */
const member = async (site: Site, next: string) => {
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(`${href(site, '/login')}?${new URLSearchParams({ next })}`)
  if (!isMember(visitor)) redirect(`${href(site, '/join')}?${new URLSearchParams({ next })}`)
  return visitor
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, kind, id } = await params
  const site = await loadSite(tenant)
  if (!site) return {}
  const visitor = await loadVisitor(site)
  const receipt = isMember(visitor) ? await loadReceipt(site, visitor, kind, id) : null
  return {
    title: receipt ? `${receipt.kind === 'invoice' ? 'Invoice' : 'Order'} ${receipt.number}` : 'Receipt',
    robots: { index: false },
  }
}

/** A printable receipt of one of the member's invoices or orders; 404 for anyone else's. */
export default async function ReceiptPage({ params }: Props) {
  const { tenant, kind, id } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const visitor = await member(site, href(site, `/account/receipts/${kind}/${id}`))
  const receipt = await loadReceipt(site, visitor, kind, id)
  if (!receipt) notFound()
  const zone = site.tenant.timezone
  const amount = (value: number) => money({ amount: value, currency: receipt.currency })
  const title = `${receipt.kind === 'invoice' ? 'Invoice' : 'Order'} ${receipt.number}`
  const location = site.locations[0]

  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <p className="no-print">
        <a href={href(site, '/account')}>
          <span aria-hidden="true">←</span> Back to your account
        </a>
      </p>
      <header className="receipt-head">
        <div>
          <p className="receipt-business">{site.name}</p>
          {location?.address ? (
            <address className="muted">
              {[
                location.address.line1,
                location.address.line2,
                [location.address.city, location.address.region, location.address.postalCode]
                  .filter(Boolean)
                  .join(', '),
                location.address.country,
              ]
                .filter(Boolean)
                .join(' · ')}
            </address>
          ) : null}
        </div>
        <h1 id="receipt-title">{title}</h1>
      </header>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge ${receipt.due ? 'badge-due' : ''}`} data-testid="receipt-status">
            {receipt.statusLabel}
          </span>
        </dd>
        <dt>Date</dt>
        <dd>{day(receipt.issuedAt, zone)}</dd>
        {receipt.paidAt ? (
          <>
            <dt>Paid</dt>
            <dd>{day(receipt.paidAt, zone)}</dd>
          </>
        ) : null}
        {receipt.period ? (
          <>
            <dt>Period</dt>
            <dd>
              {day(receipt.period.start, zone)} – {day(receipt.period.end, zone)}
            </dd>
          </>
        ) : null}
        <dt>Billed to</dt>
        <dd>
          {visitor.user.name ? `${visitor.user.name}, ` : ''}
          {visitor.user.email}
        </dd>
      </dl>

      <div className="table-scroll">
        <table className="receipt-lines">
          <caption className="sr-only">Items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line, index) => (
              <tr key={index}>
                <td>{line.description}</td>
                <td className="num">{line.quantity}</td>
                <td className="num">{amount(line.unitPrice)}</td>
                <td className="num">{amount(line.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {receipt.totals.map((row) => (
              <tr key={row.label}>
                <th scope="row" colSpan={3}>
                  {row.label}
                </th>
                <td className="num">{amount(row.amount)}</td>
              </tr>
            ))}
            <tr className="receipt-total">
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="num" data-testid="receipt-total">
                {amount(receipt.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {receipt.due ? (
        <p className="warning">
          Not paid yet: please pay {amount(receipt.total)} at the front desk
          {receipt.dueAt ? ` by ${day(receipt.dueAt, zone)}` : ''}.
        </p>
      ) : null}
      <p className="no-print">
        <PrintButton />
      </p>
    </article>
  )
}
