'use client'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { MemberPicker, type PickedMember } from '@/core/admin/MemberPicker'
import { formatMoney } from '@/core/money/money'

export type PosProduct = {
  id: string
  name: string
  kind: string
  price: { amount: number; currency: string }
  stock: number | null
  credits: number | null
}

type QuoteLine = { product: string; name: string; quantity: number; unitPrice: number; discount: number; total: number }
type Quote = {
  currency: string
  lines: QuoteLine[]
  subtotal: number
  discountTotal: number
  giftCardApplied: number
  tax: number
  total: number
}
type Sale = {
  order: { id: string; number: string; total: number }
  quote: Quote
  provider: string
  buyer: string
  email: string
  checkoutUrl?: string
}

const money = (amount: number, currency: string) => formatMoney({ amount, currency })

const post = async <T,>(url: string, body: unknown): Promise<T> => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as T & { message?: string }
  if (!response.ok) throw new Error(json.message ?? `Request failed (${response.status}).`)
  return json
}

const css = `
.pos__layout { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(300px, 1fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .pos__layout { grid-template-columns: 1fr; } }
.pos section { margin-bottom: 20px; }
.pos h2 { font-size: 18px; margin: 0 0 8px; }
.pos input, .pos button, .pos select { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); }
.pos button { cursor: pointer; }
.pos button.pos__primary { background: var(--theme-success-500); color: #fff; border-color: transparent; font-weight: 600; }
.pos__products { list-style: none; padding: 0; margin: 8px 0; }
.pos__products li, .member-picker__results li { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--theme-elevation-100); }
.member-picker__results { list-style: none; padding: 0; }
.pos table { width: 100%; border-collapse: collapse; }
.pos td, .pos th { padding: 6px 4px; border-bottom: 1px solid var(--theme-elevation-100); text-align: left; }
.pos td.num, .pos th.num { text-align: right; }
.pos__row { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin: 6px 0; }
.pos__row label { display: flex; flex-direction: column; gap: 4px; }
.pos-receipt { max-width: 420px; padding: 16px; border: 1px solid var(--theme-elevation-150); border-radius: 4px; }
@media print {
  body * { visibility: hidden !important; }
  .pos-receipt, .pos-receipt * { visibility: visible !important; }
  .pos-receipt { position: absolute; left: 0; top: 0; width: 100%; border: 0; color: #000; background: #fff; }
  .pos-receipt__actions { display: none !important; }
}
`

/** The till: who buys, what, discounts, totals from the server, payment, receipt. */
export const PosScreen = ({ tenant, products }: { tenant: string; products: PosProduct[] }) => {
  const ids = useId()
  const [member, setMember] = useState<PickedMember | null>(null)
  const [walkIn, setWalkIn] = useState({ email: '', name: '' })
  const [cart, setCart] = useState<Record<string, number>>({})
  const [productFilter, setProductFilter] = useState('')
  const [couponInput, setCouponInput] = useState('')
  const [coupon, setCoupon] = useState<string | null>(null)
  const [giftInput, setGiftInput] = useState('')
  const [giftCard, setGiftCard] = useState<{ code: string; balance: number } | null>(null)
  const [latestQuote, setQuote] = useState<Quote | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sale, setSale] = useState<Sale | null>(null)
  const [receiptEmail, setReceiptEmail] = useState('')
  const [receiptStatus, setReceiptStatus] = useState<string | null>(null)

  const lines = useMemo(
    () =>
      Object.entries(cart)
        .filter(([, quantity]) => quantity > 0)
        .map(([product, quantity]) => ({ product, quantity })),
    [cart],
  )
  const quote = lines.length ? latestQuote : null
  const buyer = useMemo(
    () =>
      member ? null : walkIn.email || walkIn.name ? { email: walkIn.email || null, name: walkIn.name || null } : null,
    [member, walkIn.email, walkIn.name],
  )

  /** The checkout body without payment; the gift card takes at most what is due. */
  const priced = useCallback(async (): Promise<{ body: Record<string, unknown>; quote: Quote }> => {
    const body: Record<string, unknown> = { tenant, member: member?.id ?? null, buyer, lines, couponCode: coupon }
    const first = (await post<{ quote: Quote }>('/api/orders/quote', body)).quote
    if (!giftCard) return { body, quote: first }
    const amount = Math.min(giftCard.balance, first.total)
    if (amount <= 0) return { body, quote: first }
    const withCard = { ...body, giftCard: { code: giftCard.code, amount } }
    return { body: withCard, quote: (await post<{ quote: Quote }>('/api/orders/quote', withCard)).quote }
  }, [tenant, member, buyer, lines, coupon, giftCard])

  useEffect(() => {
    if (lines.length === 0) return
    let current = true
    priced()
      .then((result) => current && (setQuote(result.quote), setError(null)))
      .catch((caught: Error) => current && (setQuote(null), setError(caught.message)))
    return () => {
      current = false
    }
  }, [lines, priced])

  const add = (product: PosProduct, delta: number) =>
    setCart((was) => ({ ...was, [product.id]: Math.max(0, (was[product.id] ?? 0) + delta) }))
  const applyGiftCard = async () => {
    setError(null)
    const response = await fetch(`/api/gift-cards/balance?code=${encodeURIComponent(giftInput.trim())}`, {
      credentials: 'include',
    })
    const json = (await response.json().catch(() => ({}))) as { balance?: number; status?: string; message?: string }
    if (!response.ok) return setError(json.message ?? 'Gift card not found.')
    if (json.status !== 'active' || !json.balance)
      return setError(`This gift card cannot be used (${json.status ?? 'no balance'}).`)
    setGiftCard({ code: giftInput.trim(), balance: json.balance })
  }
  const pay = async (provider: 'cash' | 'terminal' | 'stripe') => {
    setBusy(true)
    setError(null)
    try {
      const { body, quote: final } = await priced()
      const result = await post<{ order: { id: string; number: string; total: number }; checkout?: { url: string } }>(
        '/api/orders/checkout',
        { ...body, payment: final.total > 0 ? { provider } : null },
      )
      const email = member?.email || walkIn.email
      setSale({
        order: result.order,
        quote: final,
        provider,
        buyer: member?.name || walkIn.name || 'Walk-in',
        email,
        checkoutUrl: result.checkout?.url,
      })
      setReceiptEmail(email)
      setReceiptStatus(null)
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const emailReceipt = async () => {
    if (!sale) return
    setReceiptStatus(null)
    try {
      const result = await post<{ to: string }>(
        `/api/orders/${sale.order.id}/receipt`,
        receiptEmail ? { email: receiptEmail } : {},
      )
      setReceiptStatus(`Receipt sent to ${result.to}.`)
    } catch (caught) {
      setReceiptStatus((caught as Error).message)
    }
  }
  const newSale = () => {
    setSale(null)
    setCart({})
    setMember(null)
    setWalkIn({ email: '', name: '' })
    setCoupon(null)
    setCouponInput('')
    setGiftCard(null)
    setGiftInput('')
    setQuote(null)
  }

  if (sale) {
    const q = sale.quote
    return (
      <div className="pos">
        <style>{css}</style>
        <div className="pos-receipt" data-testid="pos-receipt">
          <h2>Receipt</h2>
          <p>
            Order <strong data-testid="receipt-number">{sale.order.number}</strong> · {new Date().toLocaleString()}
            <br />
            {sale.buyer} · {sale.checkoutUrl ? 'to pay on Stripe' : `paid by ${sale.provider}`}
          </p>
          {sale.checkoutUrl && (
            <p role="status" data-testid="pos-checkout-link">
              The buyer pays {money(sale.order.total, sale.quote.currency)} by card at{' '}
              <a href={sale.checkoutUrl} target="_blank" rel="noreferrer">
                this Stripe page
              </a>
              . The order holds its stock{sale.quote.giftCardApplied > 0 ? ' and the gift-card amount' : ''} until it is
              paid; unpaid, it is cancelled when the page expires.
            </p>
          )}
          <table>
            <tbody>
              {q.lines.map((line, i) => (
                <tr key={i}>
                  <td>
                    {line.quantity} × {line.name}
                  </td>
                  <td className="num">{money(line.total, q.currency)}</td>
                </tr>
              ))}
              <tr>
                <td>Subtotal</td>
                <td className="num">{money(q.subtotal, q.currency)}</td>
              </tr>
              {q.discountTotal > 0 && (
                <tr>
                  <td>Discount</td>
                  <td className="num">−{money(q.discountTotal, q.currency)}</td>
                </tr>
              )}
              {q.giftCardApplied > 0 && (
                <tr>
                  <td>Gift card</td>
                  <td className="num">−{money(q.giftCardApplied, q.currency)}</td>
                </tr>
              )}
              <tr>
                <th>{sale.checkoutUrl ? 'Due by card (Stripe)' : 'Paid'}</th>
                <th className="num" data-testid="receipt-total">
                  {money(sale.order.total, q.currency)}
                </th>
              </tr>
            </tbody>
          </table>
          <div className="pos-receipt__actions">
            <div className="pos__row">
              <button type="button" onClick={() => window.print()}>
                Print
              </button>
              <label>
                E-mail
                <input
                  type="email"
                  value={receiptEmail}
                  onChange={(event) => setReceiptEmail(event.target.value)}
                  placeholder="buyer@example.com"
                />
              </label>
              <button type="button" onClick={() => void emailReceipt()}>
                Email receipt
              </button>
            </div>
            {receiptStatus && <p role="status">{receiptStatus}</p>}
            <button type="button" className="pos__primary" onClick={newSale}>
              New sale
            </button>
          </div>
        </div>
      </div>
    )
  }

  const filter = productFilter.trim().toLowerCase()
  const shownProducts = products.filter((p) => !filter || p.name.toLowerCase().includes(filter))
  const byId = new Map(products.map((p) => [p.id, p]))
  return (
    <div className="pos">
      <style>{css}</style>
      <div className="pos__layout">
        <div>
          <section aria-labelledby={`${ids}-buyer`}>
            <h2 id={`${ids}-buyer`}>Buyer</h2>
            {member ? (
              <p data-testid="pos-member">
                <strong>{member.name}</strong> {member.email}{' '}
                <button type="button" onClick={() => setMember(null)}>
                  Change
                </button>
              </p>
            ) : (
              <>
                <MemberPicker tenant={tenant} actionLabel="Select" onPick={setMember} />
                <p>Or a walk-in:</p>
                <div className="pos__row">
                  <label>
                    Name
                    <input
                      value={walkIn.name}
                      onChange={(event) => setWalkIn({ ...walkIn, name: event.target.value })}
                    />
                  </label>
                  <label>
                    E-mail
                    <input
                      type="email"
                      value={walkIn.email}
                      onChange={(event) => setWalkIn({ ...walkIn, email: event.target.value })}
                    />
                  </label>
                </div>
              </>
            )}
          </section>
          <section aria-labelledby={`${ids}-products`}>
            <h2 id={`${ids}-products`}>Products</h2>
            <label htmlFor={`${ids}-filter`}>Filter </label>
            <input
              id={`${ids}-filter`}
              type="search"
              value={productFilter}
              onChange={(event) => setProductFilter(event.target.value)}
            />
            <ul className="pos__products">
              {shownProducts.map((product) => (
                <li key={product.id} data-testid="pos-product">
                  <span>
                    <strong>{product.name}</strong> {money(product.price.amount, product.price.currency)}
                    <br />
                    <small>
                      {product.kind.replace('_', ' ')}
                      {product.credits ? ` · ${product.credits} credits` : ''} ·{' '}
                      {product.stock === null ? 'no stock limit' : `${product.stock} in stock`}
                    </small>
                  </span>
                  <button
                    type="button"
                    onClick={() => add(product, 1)}
                    disabled={product.stock !== null && (cart[product.id] ?? 0) >= product.stock}
                    aria-label={`Add ${product.name}`}
                  >
                    Add
                  </button>
                </li>
              ))}
              {shownProducts.length === 0 && <li>No active product matches.</li>}
            </ul>
          </section>
        </div>
        <div>
          <section aria-labelledby={`${ids}-cart`}>
            <h2 id={`${ids}-cart`}>Cart</h2>
            {lines.length === 0 ? (
              <p>The cart is empty.</p>
            ) : (
              <table>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.product}>
                      <td>{byId.get(line.product)?.name}</td>
                      <td>
                        <button
                          type="button"
                          onClick={() => add(byId.get(line.product)!, -1)}
                          aria-label={`One less ${byId.get(line.product)?.name}`}
                        >
                          −
                        </button>{' '}
                        {line.quantity}{' '}
                        <button
                          type="button"
                          onClick={() => add(byId.get(line.product)!, 1)}
                          aria-label={`One more ${byId.get(line.product)?.name}`}
                        >
                          +
                        </button>
                      </td>
                      <td className="num">
                        {quote
                          ? money(quote.lines.find((l) => l.product === line.product)?.total ?? 0, quote.currency)
                          : '…'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="pos__row">
              <label>
                Coupon code
                <input value={couponInput} onChange={(event) => setCouponInput(event.target.value)} />
              </label>
              <button type="button" onClick={() => setCoupon(couponInput.trim() || null)}>
                Apply coupon
              </button>
              {coupon && (
                <button type="button" onClick={() => (setCoupon(null), setCouponInput(''))}>
                  Remove {coupon}
                </button>
              )}
            </div>
            <div className="pos__row">
              <label>
                Gift card code
                <input value={giftInput} onChange={(event) => setGiftInput(event.target.value)} />
              </label>
              <button type="button" onClick={() => void applyGiftCard()}>
                Apply gift card
              </button>
              {giftCard && (
                <button type="button" onClick={() => (setGiftCard(null), setGiftInput(''))}>
                  Remove gift card
                </button>
              )}
            </div>
          </section>
          {error && (
            <p role="alert" className="pos__error">
              {error}
            </p>
          )}
          {quote && (
            <section aria-labelledby={`${ids}-totals`}>
              <h2 id={`${ids}-totals`}>Totals</h2>
              <table data-testid="pos-totals">
                <tbody>
                  <tr>
                    <td>Subtotal</td>
                    <td className="num">{money(quote.subtotal, quote.currency)}</td>
                  </tr>
                  <tr>
                    <td>Discount</td>
                    <td className="num">−{money(quote.discountTotal, quote.currency)}</td>
                  </tr>
                  <tr>
                    <td>Gift card</td>
                    <td className="num">−{money(quote.giftCardApplied, quote.currency)}</td>
                  </tr>
                  <tr>
                    <th>Due</th>
                    <th className="num" data-testid="pos-due">
                      {money(quote.total, quote.currency)}
                    </th>
                  </tr>
                </tbody>
              </table>
              <div className="pos__row">
                <button type="button" className="pos__primary" onClick={() => void pay('cash')} disabled={busy}>
                  {quote.total > 0 ? 'Take cash' : 'Complete sale'}
                </button>
                {quote.total > 0 && (
                  <button type="button" className="pos__primary" onClick={() => void pay('terminal')} disabled={busy}>
                    Card terminal
                  </button>
                )}
                {quote.total > 0 && (
                  <button
                    type="button"
                    onClick={() => void pay('stripe')}
                    disabled={busy}
                    title="A Stripe Checkout page for what is due (after any gift card)"
                  >
                    Stripe link
                  </button>
                )}
              </div>
            </section>
          )}
        </div>
      </div>
    </div>
  )
}
