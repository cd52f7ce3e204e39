'use client'
import { useRouter } from 'next/navigation'
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react'
import { MemberPicker, type PickedMember } from '@/core/admin/MemberPicker'
import { formatMoney } from '@/core/money/money'
import type { ResourceDay } from '../contract'
import type { BayGrid as BayGridData, GridReservation } from '../operations/readBayGrid'

const css = `
.bay-grid__layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 16px; align-items: start; }
@media (max-width: 1180px) { .bay-grid__layout { grid-template-columns: minmax(0, 1fr); } }
.bay-grid__scroll { overflow-x: auto; }
.bay-grid__table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 13px; }
.bay-grid__table caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
.bay-grid__table th, .bay-grid__table td { border: 1px solid var(--theme-elevation-150); padding: 2px; vertical-align: top; height: 30px; }
.bay-grid__table thead th { position: sticky; top: 0; background: var(--theme-bg); z-index: 1; padding: 6px 4px; min-width: 92px; }
.bay-grid__table th[scope=row] { width: 72px; font-weight: 500; white-space: nowrap; text-align: right; padding-right: 6px; }
.bay-grid__table col.bay-grid__time { width: 72px; }
.bay-grid__closed { background: var(--theme-elevation-50); }
.bay-grid__drop { outline: 2px dashed var(--theme-success-500); outline-offset: -3px; }
.bay-grid button { font: inherit; color: var(--theme-text); cursor: pointer; }
.bay-grid__slot { width: 100%; height: 100%; min-height: 26px; border: 1px dashed var(--theme-elevation-250); border-radius: 3px; background: transparent; }
.bay-grid__slot:hover, .bay-grid__slot:focus-visible { background: var(--theme-elevation-100); }
.bay-grid__res { display: block; width: 100%; height: 100%; text-align: left; padding: 4px 6px; border: 1px solid var(--theme-elevation-250); border-left: 4px solid var(--theme-success-500); border-radius: 3px; background: var(--theme-elevation-50); line-height: 1.3; }
.bay-grid__res--requested { border-left-color: var(--theme-warning-500); border-style: dashed; border-left-style: solid; }
.bay-grid__res[aria-pressed=true] { box-shadow: 0 0 0 2px var(--theme-text); }
.bay-grid__res strong, .bay-grid__res span { display: block; }
.bay-grid__block { background: var(--theme-elevation-100); padding: 4px 6px; }
.bay-grid .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.bay-grid__busy { background: repeating-linear-gradient(135deg, var(--theme-elevation-100), var(--theme-elevation-100) 6px, var(--theme-elevation-150) 6px, var(--theme-elevation-150) 12px); }
.bay-grid__panel { position: sticky; top: 16px; padding: 16px; border: 1px solid var(--theme-elevation-150); border-radius: 4px; }
.bay-grid__panel h2, .bay-grid__queue h2 { font-size: 18px; margin: 0 0 8px; }
.bay-grid__panel h3 { font-size: 15px; margin: 16px 0 6px; }
.bay-grid__panel dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0 0 8px; }
.bay-grid__panel dt { font-weight: 600; }
.bay-grid__panel dd { margin: 0; }
.bay-grid__panel label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; margin: 8px 0; }
.bay-grid__panel fieldset { border: 1px solid var(--theme-elevation-150); border-radius: 4px; margin: 8px 0; padding: 8px; }
.bay-grid__panel fieldset label { flex-direction: row; align-items: center; gap: 6px; font-weight: 400; margin: 4px 0; }
.bay-grid__panel input, .bay-grid__panel select, .bay-grid__actions button, .bay-grid__queue button, .member-picker button { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); font: inherit; }
.bay-grid__actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.bay-grid__party, .bay-grid__queue table { width: 100%; border-collapse: collapse; }
.bay-grid__party th, .bay-grid__party td, .bay-grid__queue th, .bay-grid__queue td { text-align: left; padding: 6px 4px; border-bottom: 1px solid var(--theme-elevation-150); }
.bay-grid__queue { margin-top: 24px; }
.bay-grid__message { padding: 8px 12px; border-radius: 4px; background: var(--theme-elevation-50); border-left: 4px solid var(--theme-success-500); }
.bay-grid__message--error { border-left-color: var(--theme-error-500); }
.member-picker__results { list-style: none; padding: 0; }
.member-picker__results li { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--theme-elevation-100); }
`

type Message = { kind: 'ok' | 'error'; text: string }
type Booking = { resource: ResourceDay; startAt: string }

const post = async <T,>(url: string, body: unknown = {}): Promise<T> => {
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

const STATUS: Record<string, string> = {
  requested: 'Request',
  confirmed: 'Confirmed',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  declined: 'Declined',
}

/**
 * The interactive bay grid: resources as columns × the day's time slots as rows; a free slot opens
 * the booking form (a member found by name or e-mail, or a walk-in guest), a reservation opens its
 * details (approve, decline, check the party in, cancel, move — also by dragging it onto a slot or
 * by "Pick a slot on the grid"); the approval queue below. Every action calls the facility's
 * endpoints and shows their message when refused.
 */
export const BayGrid = ({ grid, tenant, selected }: { grid: BayGridData; tenant: string; selected?: string }) => {
  const router = useRouter()
  const ids = useId()
  const [selectedId, setSelectedId] = useState<string | null>(selected || null)
  const [booking, setBooking] = useState<Booking | null>(null)
  const [moving, setMoving] = useState<GridReservation | null>(null)
  const [dropTarget, setDropTarget] = useState<string | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const panelHeading = useRef<HTMLHeadingElement>(null)
  const zone = grid.zone
  const clock = useMemo(
    () => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }),
    [zone],
  )
  const dayClock = useMemo(
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }),
    [zone],
  )
  const time = (iso: string) => clock.format(new Date(iso))
  const span = (r: { startAt: string; endAt: string }) => `${time(r.startAt)}–${time(r.endAt)}`
  const now = Date.parse(grid.now)

  // Rows: the finest slot length of the day's resources, from the earliest opening to the latest close.
  const layout = useMemo(() => {
    const step = Math.max(5, Math.min(...grid.resources.map((r) => r.slotMinutes))) * 60_000
    const starts = grid.resources.flatMap((r) => r.slots.map((s) => Date.parse(s.startAt)))
    const ends = grid.resources.flatMap((r) => r.slots.map((s) => Date.parse(s.endAt)))
    const rows: number[] = []
    if (starts.length) for (let t = Math.min(...starts); t < Math.max(...ends); t += step) rows.push(t)
    const first = rows[0] ?? 0
    type Placed =
      | { kind: 'reservation'; item: GridReservation; span: number }
      | { kind: 'block'; label: string; span: number }
      | { kind: 'busy'; label: string; span: number }
    const placed = new Map<string, Placed>()
    const covered = new Set<string>()
    const place = (resource: string, from: string, until: string, make: (span: number) => Placed) => {
      const startIndex = Math.max(0, Math.floor((Date.parse(from) - first) / step))
      const endIndex = Math.min(rows.length, Math.ceil((Date.parse(until) - first) / step))
      if (endIndex <= startIndex) return
      for (let i = startIndex; i < endIndex; i++) if (covered.has(`${resource}:${i}`)) return
      placed.set(`${resource}:${startIndex}`, make(endIndex - startIndex))
      for (let i = startIndex; i < endIndex; i++) covered.add(`${resource}:${i}`)
    }
    for (const r of grid.reservations)
      place(r.resource, r.startAt, r.endAt, (n) => ({ kind: 'reservation', item: r, span: n }))
    for (const b of grid.blocks)
      place(b.resource, b.startAt, b.endAt, (n) => ({
        kind: 'block',
        label: `Closed · ${b.type}${b.notes ? `: ${b.notes}` : ''}`,
        span: n,
      }))
    // A shared room's classes and appointments: booking them is refused (409 room_busy), so they are not offered.
    for (const b of grid.roomBusy)
      place(b.resource, b.startAt, b.endAt, (n) => ({
        kind: 'busy',
        label: `${b.kind === 'class' ? 'Class' : 'Appointment'}: ${b.title}`,
        span: n,
      }))
    const slotAt = new Map<string, { startAt: string; free: boolean }>()
    for (const resource of grid.resources)
      for (const slot of resource.slots) slotAt.set(`${resource.id}:${Date.parse(slot.startAt)}`, slot)
    return { rows, placed, covered, slotAt }
  }, [grid])

  const all = [...grid.reservations, ...grid.requests]
  const current = all.find((r) => r.id === selectedId) ?? null
  useEffect(() => {
    if (current || booking) panelHeading.current?.focus()
  }, [selectedId, booking]) // eslint-disable-line react-hooks/exhaustive-deps

  const act = async (work: () => Promise<string>) => {
    setBusy(true)
    setMessage(null)
    try {
      setMessage({ kind: 'ok', text: await work() })
      router.refresh()
    } catch (caught) {
      setMessage({ kind: 'error', text: (caught as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const resourceName = (id: string) => grid.resources.find((r) => r.id === id)?.name ?? 'the resource'
  const move = (r: GridReservation, resource: string, startMs: number) =>
    act(async () => {
      const length = Date.parse(r.endAt) - Date.parse(r.startAt)
      const startAt = new Date(startMs).toISOString()
      await post(`/api/reservations/${r.id}/move`, {
        resource,
        startAt,
        endAt: new Date(startMs + length).toISOString(),
      })
      setMoving(null)
      setSelectedId(r.id)
      return `Moved ${r.owner}'s reservation to ${resourceName(resource)} at ${time(startAt)}.`
    })

  const select = (r: GridReservation) => {
    setBooking(null)
    setMoving(null)
    setMessage(null)
    setSelectedId(r.id)
  }

  const cell = (resource: ResourceDay, rowMs: number, index: number) => {
    const key = `${resource.id}:${index}`
    const item = layout.placed.get(key)
    if (item?.kind === 'reservation') {
      const r = item.item
      const guests = r.party.filter((p) => p.type === 'guest').length
      return (
        <td key={key} rowSpan={item.span}>
          <button
            type="button"
            className={`bay-grid__res bay-grid__res--${r.status}`}
            aria-pressed={selectedId === r.id}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData('text/plain', r.id)
              event.dataTransfer.effectAllowed = 'move'
            }}
            onClick={() => select(r)}
            data-testid="bays-reservation"
            data-reservation={r.id}
          >
            <strong>{r.owner}</strong>
            <span>{span(r)}</span>
            <span>
              {STATUS[r.status] ?? r.status} · {Math.max(1, r.party.length)}{' '}
              {Math.max(1, r.party.length) === 1 ? 'player' : 'players'}
              {guests ? ` (${guests} ${guests === 1 ? 'guest' : 'guests'})` : ''}
              {r.checkedIn ? ' · checked in' : ''}
            </span>
          </button>
        </td>
      )
    }
    if (item?.kind === 'block')
      return (
        <td key={key} rowSpan={item.span} className="bay-grid__block">
          {item.label}
        </td>
      )
    if (item?.kind === 'busy')
      return (
        <td key={key} rowSpan={item.span} className="bay-grid__block bay-grid__busy" data-testid="bays-room-busy">
          <span className="sr-only">Not bookable, the room is in use: </span>
          {item.label}
        </td>
      )
    if (layout.covered.has(key)) return null
    const slot = layout.slotAt.get(`${resource.id}:${rowMs}`)
    if (!slot) return <td key={key} className="bay-grid__closed" />
    const future = rowMs >= now
    const drop = {
      onDragOver: (event: DragEvent) => {
        if (!future) return
        event.preventDefault()
        setDropTarget(key)
      },
      onDragLeave: () => setDropTarget((was) => (was === key ? null : was)),
      onDrop: (event: DragEvent) => {
        event.preventDefault()
        setDropTarget(null)
        const dragged = all.find((r) => r.id === event.dataTransfer.getData('text/plain'))
        if (dragged) void move(dragged, resource.id, rowMs)
      },
    }
    const label = `${resource.name} at ${time(slot.startAt)}`
    return (
      <td key={key} className={dropTarget === key ? 'bay-grid__drop' : undefined} {...drop}>
        {moving && future ? (
          <button
            type="button"
            className="bay-grid__slot"
            aria-label={`Move here: ${label}`}
            onClick={() => void move(moving, resource.id, rowMs)}
            disabled={busy}
          >
            Move here
          </button>
        ) : slot.free ? (
          <button
            type="button"
            className="bay-grid__slot"
            aria-label={`Book ${label}`}
            data-testid="bays-free-slot"
            onClick={() => {
              setSelectedId(null)
              setMoving(null)
              setMessage(null)
              setBooking({ resource, startAt: slot.startAt })
            }}
          >
            <span aria-hidden="true">+</span>
          </button>
        ) : null}
      </td>
    )
  }

  return (
    <div className="bay-grid">
      <style>{css}</style>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`bay-grid__message bay-grid__message--${message.kind}`}
          data-testid="bays-message"
        >
          {message.text}
        </p>
      )}
      {moving && (
        <p role="status" className="bay-grid__message">
          Moving {moving.owner}&apos;s reservation ({span(moving)}, {moving.resourceName}): choose “Move here” on a
          slot, or{' '}
          <button type="button" onClick={() => setMoving(null)}>
            stop moving
          </button>
          .
        </p>
      )}
      <div className="bay-grid__layout">
        <div className="bay-grid__scroll">
          {layout.rows.length === 0 ? (
            <p>No resource opens on this day.</p>
          ) : (
            <table className="bay-grid__table" data-testid="bays-grid">
              <caption>Resources and time slots; drag a reservation onto a free slot to move it</caption>
              <colgroup>
                <col className="bay-grid__time" />
                {grid.resources.map((r) => (
                  <col key={r.id} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  {grid.resources.map((r) => (
                    <th scope="col" key={r.id}>
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {layout.rows.map((rowMs, index) => (
                  <tr key={rowMs}>
                    <th scope="row">{clock.format(new Date(rowMs))}</th>
                    {grid.resources.map((resource) => cell(resource, rowMs, index))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <section className="bay-grid__panel" aria-labelledby={`${ids}-panel`} data-testid="bays-panel">
          {booking ? (
            <BookForm
              key={`${booking.resource.id}:${booking.startAt}`}
              booking={booking}
              tenant={tenant}
              headingId={`${ids}-panel`}
              headingRef={panelHeading}
              time={time}
              busy={busy}
              onBook={(url, body, who) =>
                act(async () => {
                  const reply = await post<BookReply>(url, body)
                  setBooking(null)
                  setSelectedId(reply.id)
                  const fee = reply.fee ? formatMoney(reply.fee.total) : null
                  const paid = reply.payment
                    ? ` ${fee} taken at the desk (order ${reply.payment.number}).`
                    : reply.fee?.status === 'pending'
                      ? ` ${fee} due.`
                      : ''
                  return `Booked ${booking.resource.name} at ${time(booking.startAt)} for ${who}${reply.status === 'requested' ? ' (a request: approve it to confirm)' : ''}.${paid}`
                })
              }
              onClose={() => setBooking(null)}
            />
          ) : current ? (
            <Details
              key={current.id}
              r={current}
              resources={grid.resources}
              headingId={`${ids}-panel`}
              headingRef={panelHeading}
              when={(iso) => dayClock.format(new Date(iso))}
              time={time}
              busy={busy}
              now={now}
              act={act}
              onMove={(resource, startMs) => void move(current, resource, startMs)}
              onPickSlot={() => {
                setMoving(current)
                setMessage(null)
              }}
              onClose={() => setSelectedId(null)}
            />
          ) : (
            <>
              <h2 id={`${ids}-panel`} ref={panelHeading} tabIndex={-1}>
                Details
              </h2>
              <p>Choose a free slot (+) to book it, or a reservation to see its party and act on it.</p>
            </>
          )}
        </section>
      </div>
      <section className="bay-grid__queue" id="requests" aria-labelledby={`${ids}-queue`} data-testid="bays-queue">
        <h2 id={`${ids}-queue`}>Requests to approve ({grid.requests.length})</h2>
        {grid.requests.length === 0 ? (
          <p>No requests are waiting.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Resource</th>
                <th scope="col">Member</th>
                <th scope="col">Players</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.requests.map((r) => (
                <tr key={r.id} data-testid="bays-request">
                  <td>
                    {dayClock.format(new Date(r.startAt))}–{time(r.endAt)}
                  </td>
                  <td>{r.resourceName}</td>
                  <td>{r.owner}</td>
                  <td>{Math.max(1, r.party.length)}</td>
                  <td>
                    <div className="bay-grid__actions">
                      <RequestButtons
                        r={r}
                        busy={busy}
                        act={act}
                        label={`${r.owner}, ${r.resourceName} ${dayClock.format(new Date(r.startAt))}`}
                      />
                      <button type="button" onClick={() => select(r)} aria-label={`Details of ${r.owner}'s request`}>
                        Details
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}

/** Approve and Decline of a requested reservation (the approval queue's row and the details). */
const RequestButtons = ({
  r,
  busy,
  act,
  label,
}: {
  r: GridReservation
  busy: boolean
  act: (work: () => Promise<string>) => Promise<void>
  /** Names the request in each button's accessible name where several are listed. */
  label?: string
}) => (
  <>
    <button
      type="button"
      disabled={busy}
      aria-label={label ? `Approve ${label}` : undefined}
      onClick={() =>
        void act(async () => {
          await post(`/api/reservations/${r.id}/approve`)
          return `Approved ${r.owner}'s request: it is confirmed with a door code.`
        })
      }
    >
      Approve
    </button>
    <button
      type="button"
      disabled={busy}
      aria-label={label ? `Decline ${label}` : undefined}
      onClick={() =>
        void act(async () => {
          await post(`/api/reservations/${r.id}/decline`)
          return `Declined ${r.owner}'s request; the slot is free again.`
        })
      }
    >
      Decline
    </button>
  </>
)

type Person = { name: string; email?: string; phone?: string }
type BookBody =
  | { resource: string; startAt: string; endAt: string; member: string }
  /** `POST /api/reservations/walk-in`: the lead, the guests named, the rest counted, and the desk payment. */
  | {
      resource: string
      startAt: string
      endAt: string
      lead: Person
      guests: Person[]
      extraGuests: number
      payment?: 'cash' | 'terminal'
    }
type BookReply = {
  id: string
  status: string
  fee: { total: { amount: number; currency: string }; status: string } | null
  payment?: { number: string } | null
}

const person = (p: { name: string; email: string; phone: string }): Person => ({
  name: p.name.trim(),
  ...(p.email.trim() ? { email: p.email.trim() } : {}),
  ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
})

/**
 * The booking form of a free slot: how long, and for a member (search) or a walk-in party (a lead
 * with optional e-mail and phone, the party size up to the resource's capacity, guests named or
 * just counted, paid now at the desk or later).
 */
const BookForm = ({
  booking,
  tenant,
  headingId,
  headingRef,
  time,
  busy,
  onBook,
  onClose,
}: {
  booking: Booking
  tenant: string
  headingId: string
  headingRef: RefObject<HTMLHeadingElement | null>
  time: (iso: string) => string
  busy: boolean
  onBook: (url: string, body: BookBody, who: string) => Promise<void>
  onClose: () => void
}) => {
  const { resource, startAt } = booking
  const lengths: number[] = []
  for (let m = resource.minMinutes; m <= resource.maxMinutes; m += resource.slotMinutes) lengths.push(m)
  const [minutes, setMinutes] = useState(lengths.find((m) => m >= 60) ?? lengths[0] ?? resource.slotMinutes)
  const [who, setWho] = useState<'member' | 'walk_in'>('member')
  const [lead, setLead] = useState({ name: '', email: '', phone: '' })
  const [size, setSize] = useState(1)
  const [names, setNames] = useState<string[]>([])
  const [payment, setPayment] = useState<'' | 'cash' | 'terminal'>('')
  const [error, setError] = useState<string | null>(null)
  const range = {
    resource: resource.id,
    startAt,
    endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(),
  }
  const bookMember = (member: PickedMember) =>
    void onBook('/api/reservations/book', { ...range, member: member.id }, member.name)
  const bookWalkIn = () => {
    const name = lead.name.trim()
    if (!name) return setError('Give the name of the party’s lead.')
    setError(null)
    const guests = names
      .slice(0, size - 1)
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => ({ name: n }))
    void onBook(
      '/api/reservations/walk-in',
      {
        ...range,
        lead: person(lead),
        guests,
        extraGuests: size - 1 - guests.length,
        ...(payment ? { payment } : {}),
      },
      `${name} (walk-in${size > 1 ? `, ${size} players` : ''})`,
    )
  }
  const sizes = Array.from({ length: Math.max(1, resource.capacity) }, (_, i) => i + 1)
  return (
    <div data-testid="bays-book">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Book {resource.name} at {time(startAt)}
      </h2>
      <label>
        Length
        <select
          value={minutes}
          onChange={(event) => setMinutes(Number(event.target.value))}
          data-testid="bays-book-length"
        >
          {lengths.map((m) => (
            <option key={m} value={m}>
              {m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`} (until{' '}
              {time(new Date(Date.parse(startAt) + m * 60_000).toISOString())})
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Who plays</legend>
        <label>
          <input type="radio" name="bays-who" checked={who === 'member'} onChange={() => setWho('member')} />A member
        </label>
        <label>
          <input type="radio" name="bays-who" checked={who === 'walk_in'} onChange={() => setWho('walk_in')} />A walk-in
          party
        </label>
      </fieldset>
      {who === 'member' ? (
        <MemberPicker tenant={tenant} actionLabel="Book" label="Find the member" onPick={bookMember} />
      ) : (
        <div>
          <label>
            Lead’s name
            <input
              data-testid="bays-walk-in-name"
              value={lead.name}
              onChange={(event) => setLead({ ...lead, name: event.target.value })}
              autoComplete="off"
            />
          </label>
          <label>
            E-mail (optional)
            <input
              type="email"
              data-testid="bays-walk-in-email"
              value={lead.email}
              onChange={(event) => setLead({ ...lead, email: event.target.value })}
              autoComplete="off"
            />
          </label>
          <label>
            Phone (optional)
            <input
              type="tel"
              value={lead.phone}
              onChange={(event) => setLead({ ...lead, phone: event.target.value })}
              autoComplete="off"
            />
          </label>
          <label>
            Players in the party
            <select
              value={size}
              onChange={(event) => setSize(Number(event.target.value))}
              data-testid="bays-walk-in-size"
            >
              {sizes.map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? 'Just the lead' : `${n} players`}
                </option>
              ))}
            </select>
          </label>
          {size > 1 && (
            <fieldset>
              <legend>Guests’ names (optional: unnamed guests are counted)</legend>
              {Array.from({ length: size - 1 }, (_, i) => (
                <label key={i}>
                  Guest {i + 2}
                  <input
                    value={names[i] ?? ''}
                    data-testid="bays-walk-in-guest"
                    onChange={(event) => {
                      const next = [...names]
                      next[i] = event.target.value
                      setNames(next)
                    }}
                    autoComplete="off"
                  />
                </label>
              ))}
            </fieldset>
          )}
          <label>
            Payment
            <select
              value={payment}
              onChange={(event) => setPayment(event.target.value as '' | 'cash' | 'terminal')}
              data-testid="bays-walk-in-payment"
            >
              <option value="">Pay later (the fee stays due)</option>
              <option value="cash">Paid now in cash</option>
              <option value="terminal">Paid now on the card terminal</option>
            </select>
          </label>
          <p>
            <small>
              Every player pays the non-member rate; the fee is frozen once paid. The party is checked in from its
              details.
            </small>
          </p>
          {error && <p role="alert">{error}</p>}
          <div className="bay-grid__actions">
            <button type="button" onClick={bookWalkIn} disabled={busy}>
              Book walk-in
            </button>
          </div>
        </div>
      )}
      <div className="bay-grid__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}

/** A reservation's details: party with guest passes and fees, check-in, approve/decline, cancel, move. */
const Details = ({
  r,
  resources,
  headingId,
  headingRef,
  when,
  time,
  busy,
  now,
  act,
  onMove,
  onPickSlot,
  onClose,
}: {
  r: GridReservation
  resources: ResourceDay[]
  headingId: string
  headingRef: RefObject<HTMLHeadingElement | null>
  when: (iso: string) => string
  time: (iso: string) => string
  busy: boolean
  now: number
  act: (work: () => Promise<string>) => Promise<void>
  onMove: (resource: string, startMs: number) => void
  onPickSlot: () => void
  onClose: () => void
}) => {
  const ids = useId()
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [target, setTarget] = useState(r.resource)
  const targetResource = resources.find((x) => x.id === target)
  const starts = (targetResource?.slots ?? []).filter((s) => Date.parse(s.startAt) >= now)
  const [start, setStart] = useState(r.startAt)
  const active = r.status === 'requested' || r.status === 'confirmed'
  const money = (amount: number) => formatMoney({ amount, currency: r.fee?.currency ?? 'USD' })
  const feeOf = (p: GridReservation['party'][number]) => {
    if (p.usesGuestPass) return 'Guest pass used'
    if (p.fee === 0) return 'Included'
    const status = r.fee?.status
    return `${money(p.fee)} ${status === 'paid' ? 'paid' : status === 'pending' ? 'due' : (status ?? '')}`.trim()
  }
  const guests = r.party.filter((p) => p.type === 'guest')
  return (
    <div data-testid="bays-details">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {r.owner}: {r.resourceName}
      </h2>
      <dl>
        <dt>When</dt>
        <dd>
          {when(r.startAt)}–{time(r.endAt)}
        </dd>
        <dt>Status</dt>
        <dd data-testid="bays-details-status">
          {STATUS[r.status] ?? r.status}
          {r.checkedIn ? ' · checked in' : ''}
        </dd>
        <dt>Players</dt>
        <dd>
          {Math.max(1, r.party.length)}
          {guests.length ? ` (${guests.length} ${guests.length === 1 ? 'guest' : 'guests'})` : ''}
        </dd>
        <dt>Fee</dt>
        <dd>{r.fee ? `${money(r.fee.total)} · ${r.fee.status}` : 'None'}</dd>
        {r.accessCode && (
          <>
            <dt>Door code</dt>
            <dd>{r.accessCode}</dd>
          </>
        )}
        {r.notes && (
          <>
            <dt>Notes</dt>
            <dd>{r.notes}</dd>
          </>
        )}
      </dl>
      <div className="bay-grid__actions">
        {r.status === 'requested' && (
          <>
            <RequestButtons r={r} busy={busy} act={act} />
          </>
        )}
        <a href={`/admin/collections/reservations/${r.id}`}>Open the record</a>
      </div>

      <h3 id={`${ids}-party`}>Party and guest check-in</h3>
      <table className="bay-grid__party" aria-labelledby={`${ids}-party`}>
        <thead>
          <tr>
            <th scope="col">Player</th>
            <th scope="col">Fee</th>
            <th scope="col">Checked in</th>
          </tr>
        </thead>
        <tbody>
          {r.party.map((p) => (
            <tr key={p.id} data-testid="bays-player">
              <td>
                {p.name}
                <br />
                <small>
                  {p.type === 'owner'
                    ? 'Host'
                    : p.type === 'guest'
                      ? r.walkIn && p.slot === 1
                        ? 'Guest · walk-in lead'
                        : 'Guest'
                      : 'Member'}
                </small>
              </td>
              <td>{feeOf(p)}</td>
              <td>{p.checkedIn ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bay-grid__actions">
        {r.status === 'confirmed' && !r.checkedIn && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const reply = await post<{ participants: number; guestsCheckedIn: number }>(
                  `/api/reservations/${r.id}/check-in`,
                )
                return `Checked in ${r.owner}'s party: ${reply.participants} ${reply.participants === 1 ? 'player' : 'players'}, ${reply.guestsCheckedIn} ${reply.guestsCheckedIn === 1 ? 'guest' : 'guests'} admitted today.`
              })
            }
          >
            Check in the party
          </button>
        )}
        {r.status === 'requested' && <p>Approve the request before checking the party in.</p>}
      </div>
      {active && r.fee?.status === 'pending' && r.fee.total > 0 && (
        <>
          <h3>Take payment</h3>
          <p>{money(r.fee.total)} is due. The fee is marked paid (and frozen) once the desk payment is recorded.</p>
          <div className="bay-grid__actions">
            {(['cash', 'terminal'] as const).map((method) => (
              <button
                key={method}
                type="button"
                disabled={busy}
                data-testid={`bays-pay-${method}`}
                onClick={() =>
                  void act(async () => {
                    const reply = await post<{ number: string }>(`/api/reservations/${r.id}/pay`, { method })
                    return `Took ${money(r.fee!.total)} ${method === 'cash' ? 'in cash' : 'on the card terminal'} for ${r.owner}'s reservation (order ${reply.number}).`
                  })
                }
              >
                {method === 'cash' ? 'Paid in cash' : 'Paid on the card terminal'}
              </button>
            ))}
          </div>
        </>
      )}

      {active && (
        <>
          <h3>Move</h3>
          <label>
            To
            <select
              data-testid="bays-move-resource"
              value={target}
              onChange={(event) => {
                setTarget(event.target.value)
                setStart('')
              }}
            >
              {resources.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Starting at
            <select value={start} onChange={(event) => setStart(event.target.value)} data-testid="bays-move-start">
              <option value="">Choose a time</option>
              {starts.map((s) => (
                <option key={s.startAt} value={s.startAt}>
                  {time(s.startAt)}
                </option>
              ))}
            </select>
          </label>
          <div className="bay-grid__actions">
            <button
              type="button"
              disabled={busy || !start}
              onClick={() => onMove(target, Date.parse(start))}
              data-testid="bays-move"
            >
              Move (same length)
            </button>
            <button type="button" onClick={onPickSlot}>
              Pick a slot on the grid
            </button>
          </div>

          <h3>Cancel</h3>
          {confirmCancel ? (
            <div className="bay-grid__actions">
              <p>
                {r.fee?.status === 'paid'
                  ? `The paid ${money(r.fee.total)} will be due back to the member.`
                  : 'Nothing has been paid; a pending fee is voided.'}
              </p>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await post(`/api/reservations/${r.id}/cancel`)
                    setConfirmCancel(false)
                    return `Cancelled ${r.owner}'s reservation.`
                  })
                }
              >
                Yes, cancel it
              </button>
              <button type="button" onClick={() => setConfirmCancel(false)}>
                Keep it
              </button>
            </div>
          ) : (
            <div className="bay-grid__actions">
              <button type="button" onClick={() => setConfirmCancel(true)}>
                Cancel reservation…
              </button>
            </div>
          )}
        </>
      )}
      <div className="bay-grid__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
