'use client'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { MemberPicker } from '@/core/admin/MemberPicker'

export type RosterEntry = {
  id: string
  member: string
  name: string
  email: string
  status: string
  waitlistPosition: number | null
}

const css = `
.check-in table { width: 100%; border-collapse: collapse; margin: 8px 0 24px; }
.check-in th, .check-in td { text-align: left; padding: 8px; border-bottom: 1px solid var(--theme-elevation-150); }
.check-in input, .check-in button { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); }
.check-in button { cursor: pointer; }
.check-in section { margin-bottom: 24px; }
.member-picker__results { list-style: none; padding: 0; }
.member-picker__results li { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--theme-elevation-100); }
`

const post = async (url: string, body?: unknown) => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  })
  const json = (await response.json().catch(() => ({}))) as {
    message?: string
    booking?: { status: string; waitlistPosition?: number | null }
  }
  if (!response.ok) throw new Error(json.message ?? `Request failed (${response.status}).`)
  return json
}

/** The interactive part of the check-in screen: find on the roster, mark present, book a member. */
export const CheckInList = ({
  classId,
  tenant,
  roster,
  waitlist,
  canBook,
}: {
  classId: string
  tenant: string
  roster: RosterEntry[]
  waitlist: RosterEntry[]
  canBook: boolean
}) => {
  const router = useRouter()
  const searchId = useId()
  const [filter, setFilter] = useState('')
  const [present, setPresent] = useState<Record<string, boolean>>({})
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const text = filter.trim().toLowerCase()
  const shown = roster.filter(
    (b) => !text || b.name.toLowerCase().includes(text) || b.email.toLowerCase().includes(text),
  )

  const checkIn = async (booking: RosterEntry) => {
    setBusy(booking.id)
    setMessage(null)
    try {
      await post(`/api/bookings/${booking.id}/check-in`)
      setPresent((was) => ({ ...was, [booking.id]: true }))
      setMessage({ kind: 'ok', text: `${booking.name} is checked in.` })
      router.refresh()
    } catch (caught) {
      setMessage({ kind: 'error', text: (caught as Error).message })
    } finally {
      setBusy(null)
    }
  }
  const book = async (member: { id: string; name: string }) => {
    setMessage(null)
    try {
      const { booking } = await post(`/api/classes/${classId}/book`, { member: member.id })
      setMessage({
        kind: 'ok',
        text:
          booking?.status === 'waitlisted'
            ? `${member.name} is on the waitlist (position ${booking.waitlistPosition}).`
            : `${member.name} is booked.`,
      })
      router.refresh()
    } catch (caught) {
      setMessage({ kind: 'error', text: (caught as Error).message })
    }
  }

  return (
    <div className="check-in">
      <style>{css}</style>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`check-in__message check-in__message--${message.kind}`}
        >
          {message.text}
        </p>
      )}
      <section aria-labelledby={`${searchId}-roster`}>
        <h2 id={`${searchId}-roster`}>Roster ({roster.length})</h2>
        <label htmlFor={searchId}>Search the roster </label>
        <input
          id={searchId}
          type="search"
          value={filter}
          placeholder="Name or e-mail"
          onChange={(event) => setFilter(event.target.value)}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">E-mail</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((booking) => {
              const checkedIn = booking.status === 'checked_in' || present[booking.id]
              return (
                <tr key={booking.id} data-testid="roster-row">
                  <td>{booking.name}</td>
                  <td>{booking.email}</td>
                  <td>{checkedIn ? 'Present' : 'Booked'}</td>
                  <td>
                    {!checkedIn && (
                      <button
                        type="button"
                        onClick={() => void checkIn(booking)}
                        disabled={busy === booking.id}
                        aria-label={`Mark ${booking.name} present`}
                      >
                        Mark present
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={4}>{roster.length ? 'Nobody on the roster matches.' : 'Nobody is booked yet.'}</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby={`${searchId}-waitlist`}>
        <h2 id={`${searchId}-waitlist`}>Waitlist ({waitlist.length})</h2>
        {waitlist.length === 0 ? (
          <p>Nobody is waiting.</p>
        ) : (
          <ol>
            {waitlist.map((booking) => (
              <li key={booking.id} data-testid="waitlist-row">
                #{booking.waitlistPosition} {booking.name} <small>{booking.email}</small>
              </li>
            ))}
          </ol>
        )}
      </section>
      {canBook && (
        <section>
          <h2>Book a member into this class</h2>
          <MemberPicker
            tenant={tenant}
            actionLabel="Book"
            label="Find a member to book"
            onPick={(member) => void book(member)}
          />
        </section>
      )}
    </div>
  )
}
