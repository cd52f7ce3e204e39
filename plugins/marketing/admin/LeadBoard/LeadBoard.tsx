'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { LEAD_STATUSES, type LeadMoveInput, type LeadStatus } from '../../contract'
import type { BoardLead, LeadBoardData } from '../../operations/crm/readLeadBoard'

const LABEL: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  trial: 'Trial',
  converted: 'Converted',
  lost: 'Lost',
}

const css = `
.lead-board__columns { display: grid; grid-template-columns: repeat(6, minmax(180px, 1fr)); gap: 12px; overflow-x: auto; align-items: start; }
.lead-board__column { background: var(--theme-elevation-50); border: 1px solid var(--theme-elevation-150); border-radius: 6px; padding: 8px; }
.lead-board__column h2 { font-size: 16px; margin: 4px 0 8px; color: var(--theme-text); }
.lead-board__column ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.lead-board__card { background: var(--theme-elevation-0); border: 1px solid var(--theme-elevation-250); border-radius: 4px; padding: 8px; color: var(--theme-text); }
.lead-board__card a { color: var(--theme-text); font-weight: 600; word-break: break-all; }
.lead-board__card p { margin: 4px 0; font-size: 13px; color: var(--theme-text); }
.lead-board__move { display: flex; gap: 4px; align-items: end; flex-wrap: wrap; margin-top: 6px; }
.lead-board__move label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; }
.lead-board__move select, .lead-board__move button { padding: 4px 6px; border: 1px solid var(--theme-elevation-400); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); font: inherit; font-size: 13px; }
.lead-board__message { padding: 8px 12px; border-radius: 4px; background: var(--theme-elevation-50); border-left: 4px solid var(--theme-success-500); margin-bottom: 12px; color: var(--theme-text); }
.lead-board__message--error { border-left-color: var(--theme-error-500); }
`

const patchStatus = async (id: string, status: LeadStatus) => {
  const response = await fetch(`/api/leads/${id}`, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status } satisfies LeadMoveInput),
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
    throw new Error(body.errors?.[0]?.message ?? body.message ?? `The lead could not be moved (${response.status}).`)
  }
}

const Card = ({
  lead,
  status,
  onMove,
  busy,
}: {
  lead: BoardLead
  status: LeadStatus
  onMove: (to: LeadStatus) => void
  busy: boolean
}) => {
  const [to, setTo] = useState<LeadStatus>(status)
  const selectId = `lead-move-${lead.id}`
  return (
    <li className="lead-board__card" data-testid="lead-card" data-lead={lead.id}>
      <a href={`/admin/collections/leads/${lead.id}`}>{lead.name || lead.email}</a>
      {lead.name ? <p>{lead.email}</p> : null}
      <p>
        {lead.source ? `From ${lead.source.replace('_', ' ')}` : null}
        {lead.owner ? ` · ${lead.owner}` : null}
      </p>
      <form
        className="lead-board__move"
        onSubmit={(event) => {
          event.preventDefault()
          if (to !== status) onMove(to)
        }}
      >
        <label htmlFor={selectId}>
          Status
          <select id={selectId} value={to} onChange={(event) => setTo(event.target.value as LeadStatus)}>
            {LEAD_STATUSES.map((value) => (
              <option key={value} value={value}>
                {LABEL[value]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy || to === status}
          aria-label={`Move ${lead.name || lead.email} to ${LABEL[to]}`}
        >
          Move
        </button>
      </form>
    </li>
  )
}

/** The lead board's columns (one per status, with counts); each card moves its lead to another status. */
export const LeadBoard = ({ board }: { board: LeadBoardData }) => {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const move = async (lead: BoardLead, to: LeadStatus) => {
    setBusy(true)
    setMessage(null)
    try {
      await patchStatus(lead.id, to)
      setMessage({ kind: 'ok', text: `${lead.name || lead.email} moved to ${LABEL[to]}.` })
      router.refresh()
    } catch (caught) {
      setMessage({ kind: 'error', text: (caught as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div>
      <style>{css}</style>
      <div role="status" aria-live="polite">
        {message ? (
          <p className={`lead-board__message${message.kind === 'error' ? ' lead-board__message--error' : ''}`}>
            {message.text}
          </p>
        ) : null}
      </div>
      <div className="lead-board__columns">
        {board.columns.map((column) => (
          <section
            key={column.status}
            className="lead-board__column"
            aria-labelledby={`lead-col-${column.status}`}
            data-testid={`lead-column-${column.status}`}
          >
            <h2 id={`lead-col-${column.status}`}>
              {LABEL[column.status]} <span data-testid="lead-count">({column.count})</span>
            </h2>
            {column.leads.length === 0 ? (
              <p>No leads.</p>
            ) : (
              <ul>
                {column.leads.map((lead) => (
                  <Card
                    key={lead.id}
                    lead={lead}
                    status={column.status}
                    busy={busy}
                    onMove={(to) => void move(lead, to)}
                  />
                ))}
              </ul>
            )}
            {column.count > column.leads.length ? <p>{column.count - column.leads.length} more in the list.</p> : null}
          </section>
        ))}
      </div>
    </div>
  )
}
