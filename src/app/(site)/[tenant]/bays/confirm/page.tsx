import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { ReservationQuote } from '@plugins/facility/contract'
import { bookBay } from '../../_lib/bayActions'
import { BAY_LENGTHS, bayGuests, hasBays } from '../../_lib/bays'
import { callEndpoint } from '../../_lib/callEndpoint'
import { Flash } from '../../_lib/Flash'
import { dateTime, money, zoneAbbr } from '../../_lib/format'
import { withQuery } from '../../_lib/forms'
import { one } from '../../_lib/messages'
import { href, loadSite } from '../../_lib/site'
import { isMember, loadVisitor } from '../../_lib/visitor'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export const metadata: Metadata = { title: 'Confirm your bay' }

const FEE_LABEL: Record<string, string> = {
  bay: 'Bay',
  share: 'Share of the bay',
  included: 'Included in membership',
  guest_fee: 'Guest fee',
  guest_pass: 'Guest pass',
}

/**
 * The price of the chosen bay, start, length and guests before booking
 * (`POST /api/reservations/quote`, as the member: their tier's rate), and the button that books
 * it. Visitors are asked to log in (or join) first and come back here.
 */
export default async function ConfirmBayPage({ params, searchParams }: Props) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  if (!(await hasBays(site))) notFound()
  const query = await searchParams
  const date = one(query.date)
  const [resource, startAt] = one(query.slot).split('|')
  const minutes = Number(one(query.minutes))
  const guestNames = bayGuests(Array.isArray(query.guest) ? query.guest : [one(query.guest)])
  const back = withQuery(href(site, '/bays'), date ? { date } : {})
  const start = Date.parse(startAt ?? '')
  if (!resource || Number.isNaN(start) || !(BAY_LENGTHS as readonly number[]).includes(minutes))
    return (
      <article aria-labelledby="confirm-title">
        <h1 id="confirm-title">Choose a time first</h1>
        <p>
          <a href={back}>Back to the bays</a>
        </p>
      </article>
    )
  const endAt = new Date(start + minutes * 60_000).toISOString()
  const here = `${href(site, '/bays/confirm')}?${new URLSearchParams([
    ['date', date],
    ['slot', one(query.slot)],
    ['minutes', String(minutes)],
    ...guestNames.map((g) => ['guest', g]),
  ])}`
  const visitor = await loadVisitor(site)
  if (!isMember(visitor))
    return (
      <article aria-labelledby="confirm-title">
        <h1 id="confirm-title">Log in to book a bay</h1>
        <p>
          <a className="button" href={withQuery(href(site, visitor ? '/join' : '/login'), { next: here })}>
            {visitor ? `Join ${site.name} to book` : 'Log in to book'}
          </a>
        </p>
      </article>
    )
  const participants = guestNames.map((name) => ({ guest: { name } }))
  const answer = await callEndpoint<ReservationQuote>({
    collection: 'reservations',
    path: '/quote',
    method: 'post',
    body: { resource, startAt: new Date(start).toISOString(), endAt, participants },
    user: visitor.user,
  })
  if (!answer.ok)
    return (
      <article aria-labelledby="confirm-title">
        <h1 id="confirm-title">That time cannot be booked</h1>
        <Flash error={answer.body.error ?? 'failed'} />
        <p>
          <a href={back}>Choose another time</a>
        </p>
      </article>
    )
  const quote = answer.body
  const zone = quote.zone
  return (
    <article aria-labelledby="confirm-title">
      <p>
        <a href={back}>
          <span aria-hidden="true">←</span> Other times
        </a>
      </p>
      <h1 id="confirm-title">Confirm your bay</h1>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {dateTime(quote.startAt, zone)} ({zoneAbbr(quote.startAt, zone)}), {minutes} minutes
        </dd>
        <dt>Players</dt>
        <dd>{quote.lines.length}</dd>
      </dl>
      <table className="fee-lines">
        <caption>What each player pays</caption>
        <thead>
          <tr>
            <th scope="col">Player</th>
            <th scope="col">Fee</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line) => (
            <tr key={line.slot}>
              <td>{line.name ?? `Player ${line.slot}`}</td>
              <td>{FEE_LABEL[line.feeType] ?? line.feeType}</td>
              <td>{money({ amount: line.amount, currency: quote.total.currency })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td>{money(quote.total)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        {quote.total.amount === 0
          ? 'Nothing to pay.'
          : 'This price is fixed when you book. You pay it at the club; cancelling before the start costs nothing.'}
        {quote.status === 'requested' ? ' The club confirms requests for this bay; you get your door code then.' : ''}
      </p>
      <form action={bookBay} className="stack">
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="date" value={date} />
        <input type="hidden" name="resource" value={resource} />
        <input type="hidden" name="startAt" value={quote.startAt} />
        <input type="hidden" name="endAt" value={quote.endAt} />
        {guestNames.map((name, i) => (
          <input key={i} type="hidden" name="guest" value={name} />
        ))}
        <button type="submit" className="button">
          {quote.status === 'requested' ? 'Request this bay' : `Book for ${money(quote.total)}`}
        </button>
      </form>
    </article>
  )
}
