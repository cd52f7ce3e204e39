'use client'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { MemberPicker, type PickedMember } from '@/core/admin/MemberPicker'
import type { ImportProgress } from '../trackman/import/importSchemas'
import type { ImportSummary, ReviewRow } from '../trackman/import/readImportQueue'

const css = `
.trackman-import section { margin: 0 0 28px; }
.trackman-import h2 { font-size: 18px; margin: 0 0 8px; }
.trackman-import form { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.trackman-import label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
.trackman-import button, .trackman-import input[type=file] { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); font: inherit; cursor: pointer; }
.trackman-import__bar { height: 14px; border-radius: 7px; background: var(--theme-elevation-100); overflow: hidden; max-width: 520px; }
.trackman-import__bar span { display: block; height: 100%; background: var(--theme-success-500); transition: width .3s; }
.trackman-import table { width: 100%; border-collapse: collapse; font-size: 13px; }
.trackman-import th, .trackman-import td { text-align: left; padding: 6px 4px; border-bottom: 1px solid var(--theme-elevation-150); vertical-align: top; }
.trackman-import__message { padding: 8px 12px; border-radius: 4px; background: var(--theme-elevation-50); border-left: 4px solid var(--theme-success-500); margin: 8px 0; }
.trackman-import__message--error { border-left-color: var(--theme-error-500); }
.trackman-import__actions { display: flex; flex-direction: column; gap: 6px; min-width: 260px; }
.member-picker__results { list-style: none; padding: 0; }
.member-picker__results li { display: flex; justify-content: space-between; gap: 8px; padding: 4px 0; }
`

type Message = { kind: 'ok' | 'error'; text: string }

const request = async <T,>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<T> => {
  const response = await fetch(url, {
    method,
    credentials: 'include',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as T & { message?: string }
  if (!response.ok) throw new Error(json.message ?? `Request failed (${response.status}).`)
  return json
}

const OUTCOME_LABELS: Record<ReviewRow['outcome'], string> = {
  unmatched: 'No member found',
  overlap: 'Bay already taken',
  error: 'Unreadable row',
}

/** The progress bar of one import (an accessible `progressbar`), polling its counts until it is done. */
const ImportProgressBar = ({ initial, onFinished }: { initial: ImportProgress; onFinished: () => void }) => {
  const [progress, setProgress] = useState(initial)
  const label = useId()
  const finished = progress.status === 'done' || progress.status === 'failed'
  useEffect(() => {
    if (finished) return
    let stopped = false
    const timer = setInterval(async () => {
      try {
        const next = await request<ImportProgress>(`/api/facility-imports/${progress.id}/progress`, 'GET')
        if (stopped) return
        setProgress(next)
        if (next.status === 'done' || next.status === 'failed') onFinished()
      } catch {
        // A failed poll is retried on the next tick.
      }
    }, 1000)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [finished, progress.id, onFinished])
  return (
    <div data-testid="import-progress">
      <p id={label}>
        {progress.status === 'failed'
          ? `Import failed: ${progress.error ?? 'unknown error'}`
          : `${progress.status === 'done' ? 'Imported' : 'Importing'} ${progress.processed} of ${progress.totalRows} rows`}
      </p>
      <div
        className="trackman-import__bar"
        role="progressbar"
        aria-labelledby={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${progress.percent}% (${progress.processed} of ${progress.totalRows} rows)`}
      >
        <span style={{ width: `${progress.percent}%` }} />
      </div>
      <p role="status">
        {progress.created} created · {progress.unchanged} unchanged · {progress.unmatched} unmatched ·{' '}
        {progress.overlapping} overlapping · {progress.errors} errors
      </p>
    </div>
  )
}

/**
 * The Trackman import screen: upload a CSV (read in the browser, sent as text), the progress bar
 * of the latest import, the review queue with its actions, and the recent imports.
 */
export const TrackmanImport = ({
  tenant,
  zone,
  imports,
  review,
}: {
  tenant: string
  zone: string
  imports: ImportSummary[]
  review: ReviewRow[]
}) => {
  const router = useRouter()
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const [current, setCurrent] = useState<ImportProgress | null>(imports[0] ?? null)
  const [assigning, setAssigning] = useState<string | null>(null)
  const fileId = useId()
  const refresh = useCallback(() => router.refresh(), [router])
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        )
      : '—'

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const input = event.currentTarget.elements.namedItem('file')
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined
    if (!file) return setMessage({ kind: 'error', text: 'Choose a CSV file first.' })
    setBusy(true)
    setMessage(null)
    try {
      const csv = await file.text()
      const started = await request<{ id: string; totalRows: number }>('/api/facility-imports/upload', 'POST', {
        tenant,
        fileName: file.name,
        csv,
      })
      setCurrent({
        id: started.id,
        status: 'queued',
        totalRows: started.totalRows,
        processed: 0,
        created: 0,
        unchanged: 0,
        unmatched: 0,
        overlapping: 0,
        errors: 0,
        percent: 0,
        error: null,
      })
      setMessage({ kind: 'ok', text: `${file.name}: ${started.totalRows} rows queued for import.` })
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  const act = async (row: ReviewRow, action: 'resolve' | 'ignore', member?: PickedMember) => {
    setBusy(true)
    try {
      await request(`/api/facility-import-rows/${row.id}/${action}`, 'POST', member ? { member: member.id } : {})
      setMessage({
        kind: 'ok',
        text:
          action === 'resolve'
            ? `Row ${row.rowNumber} booked for ${member?.name ?? 'the member'}.`
            : `Row ${row.rowNumber} ignored.`,
      })
      setAssigning(null)
      router.refresh()
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <style>{css}</style>
      <section aria-labelledby="trackman-import-upload">
        <h2 id="trackman-import-upload">Upload a Trackman export</h2>
        <p>
          Columns: bay (name or Trackman bay id), start, end or duration (minutes), and the customer’s e-mail, phone or
          name; a Trackman booking id makes re-imports exact. Local times are read in {zone}.
        </p>
        <form onSubmit={upload} aria-label="Upload a Trackman CSV">
          <label htmlFor={fileId}>
            CSV file
            <input id={fileId} name="file" type="file" accept=".csv,text/csv" data-testid="import-file" />
          </label>
          <button type="submit" disabled={busy} data-testid="import-upload">
            Import
          </button>
        </form>
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={`trackman-import__message${message.kind === 'error' ? ' trackman-import__message--error' : ''}`}
          >
            {message.text}
          </p>
        )}
        {current && <ImportProgressBar key={current.id} initial={current} onFinished={refresh} />}
      </section>

      <section aria-labelledby="trackman-import-review">
        <h2 id="trackman-import-review">Review queue ({review.length})</h2>
        {review.length === 0 ? (
          <p>Nothing to review.</p>
        ) : (
          <table data-testid="import-review">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Booking</th>
                <th scope="col">Customer</th>
                <th scope="col">Why</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {review.map((row) => {
                const v = row.values
                const person = Object.entries(v)
                  .filter(([k]) => /mail|phone|mobile|name|customer|player/i.test(k))
                  .map(([, value]) => value)
                  .filter(Boolean)
                  .join(' · ')
                return (
                  <tr key={row.id}>
                    <td>
                      {row.fileName} #{row.rowNumber}
                    </td>
                    <td>
                      {row.bay ?? '—'}
                      <br />
                      {when(row.startAt)} – {row.endAt ? when(row.endAt) : '—'}
                    </td>
                    <td>{person || '—'}</td>
                    <td>
                      <strong>{OUTCOME_LABELS[row.outcome]}</strong>
                      {row.reason ? <>: {row.reason}</> : null}
                    </td>
                    <td>
                      <div className="trackman-import__actions">
                        {row.outcome !== 'error' &&
                          (assigning === row.id ? (
                            <MemberPicker
                              tenant={tenant}
                              actionLabel="Assign"
                              label="Find the member"
                              onPick={(member) => act(row, 'resolve', member)}
                            />
                          ) : (
                            <button type="button" disabled={busy} onClick={() => setAssigning(row.id)}>
                              Assign a member…
                            </button>
                          ))}
                        <button type="button" disabled={busy} onClick={() => act(row, 'ignore')}>
                          Ignore
                        </button>
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="trackman-import-history">
        <h2 id="trackman-import-history">Recent imports</h2>
        {imports.length === 0 ? (
          <p>No imports yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Uploaded</th>
                <th scope="col">Status</th>
                <th scope="col">Rows</th>
                <th scope="col">Created</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Unmatched</th>
                <th scope="col">Overlapping</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>{i.fileName}</td>
                  <td>{when(i.createdAt)}</td>
                  <td>{i.status}</td>
                  <td>
                    {i.processed}/{i.totalRows}
                  </td>
                  <td>{i.created}</td>
                  <td>{i.unchanged}</td>
                  <td>{i.unmatched}</td>
                  <td>{i.overlapping}</td>
                  <td>{i.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
