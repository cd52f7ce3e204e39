'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useState } from 'react'
import type { AutomationPreview, AutomationReport } from '../../contract'

type Channel = 'email' | 'sms' | 'in_app' | 'push'
type BuilderStep = {
  delayMinutes: number
  channel: Channel
  subject: string
  body: string
  /** The branch condition as JSON text ('' = no branch). */
  condition: string
  ifTrue: string
  ifFalse: string
}
type BuilderVariant = { key: string; weight: number; overrides: { step: number; subject: string; body: string }[] }
export type BuilderAutomation = {
  id: string | null
  name: string
  triggerEvent: string
  purpose: 'marketing' | 'transactional'
  status: 'draft' | 'active' | 'paused'
  cooldownDays: number
  /** N of the time triggers (days) and of "credits at or below N" (Holdings triggers). */
  triggerDays?: number | null
  triggerThreshold?: number | null
  holdoutPercent: number
  goalDays: number
  /** mkt_rest: booking_or_order | booking | order | conversion (New lead only). */
  goalType?: string
  steps: BuilderStep[]
  variants: BuilderVariant[]
}

// mkt_rest: the report's goal, in words
const GOAL_LABELS: Record<string, string> = {
  booking_or_order: 'a booking or a paid order',
  booking: 'a booking',
  order: 'a paid order',
  conversion: 'the lead became a member',
}

const BOOKED = JSON.stringify({ all: [{ field: 'enrolment.bookings', op: 'gte', value: 1 }] })
const BOUGHT = JSON.stringify({ all: [{ field: 'enrolment.orders', op: 'gte', value: 1 }] })
// ---- Open and click tracking ----
const OPENED = JSON.stringify({ all: [{ field: 'message.opened', op: 'eq', value: true }] })
const CLICKED = JSON.stringify({ all: [{ field: 'message.clicked', op: 'eq', value: true }] })
const PRESETS: Record<string, string> = { booked: BOOKED, bought: BOUGHT, opened: OPENED, clicked: CLICKED }
// ---- /Open and click tracking ----
/** Triggers whose N is days (Holdings triggers; as automationFields). */
const DAYS_TRIGGERS = ['time.no_visit', 'time.intro_ending', 'time.pack_expiring', 'time.membership_expiring']
const CHANNELS: { value: Channel; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'in_app', label: 'In-app notification' },
  { value: 'push', label: 'Web push' },
]
/** A New lead automation sends e-mail only (Lead recipients). */
const LEAD_CHANNELS = CHANNELS.filter((c) => c.value === 'email')

const newStep = (): BuilderStep => ({
  delayMinutes: 0,
  channel: 'email',
  subject: '',
  body: '',
  condition: '',
  ifTrue: 'send',
  ifFalse: 'end',
})

const css = `
.automation-builder__list { display: flex; flex-wrap: wrap; gap: 4px 16px; padding-left: 18px; }
.automation-builder__list a { color: var(--theme-text); }
.ab-form { display: flex; flex-direction: column; gap: 16px; max-width: 960px; color: var(--theme-text); }
.ab-form fieldset { border: 1px solid var(--theme-elevation-250); border-radius: 6px; padding: 12px; margin: 0; }
.ab-form legend { font-weight: 600; padding: 0 4px; }
.ab-row { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.ab-hint { flex-basis: 100%; margin: 0; font-size: 14px; color: var(--theme-text); }
.ab-form label { display: flex; flex-direction: column; gap: 4px; font-size: 14px; }
.ab-form input, .ab-form select, .ab-form textarea, .ab-form button { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid var(--theme-elevation-500); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); }
.ab-form textarea { min-width: 320px; min-height: 64px; }
.ab-form button { cursor: pointer; background: var(--theme-elevation-100); }
.ab-form button[type=submit] { background: var(--theme-elevation-800); color: var(--theme-elevation-0); border-color: var(--theme-elevation-800); }
.ab-form button:disabled { cursor: not-allowed; opacity: 0.8; }
.ab-step-actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
.ab-message { padding: 8px 12px; border-radius: 4px; background: var(--theme-elevation-50); border-left: 4px solid var(--theme-success-500); color: var(--theme-text); }
.ab-message--error { border-left-color: var(--theme-error-500); }
.ab-report { border-collapse: collapse; margin-top: 8px; }
.ab-report th, .ab-report td { border: 1px solid var(--theme-elevation-250); padding: 4px 8px; text-align: left; color: var(--theme-text); }
`

const pct = (n: number | null) => (n == null ? '—' : `${(n * 100).toFixed(1)} %`)
const signedPct = (n: number | null) => (n == null ? '—' : `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)} %`)

/** Renumbers step targets after steps move: `order[new] = old index`. A target whose step is gone ends. */
const remap = (target: string, order: number[]): string => {
  if (!/^\d+$/.test(target)) return target
  const at = order.indexOf(Number(target) - 1)
  return at < 0 ? 'end' : String(at + 1)
}

const errorOf = async (response: Response, what: string) => {
  const body = (await response.json().catch(() => ({}))) as {
    message?: string
    errors?: { message?: string; data?: { errors?: { message?: string; path?: string }[] } }[]
  }
  const first = body.errors?.[0]
  const detail = first?.data?.errors?.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`).join(' ')
  return detail || first?.message || body.message || `${what} failed (${response.status}).`
}

/** The builder form: trigger, steps (add, remove, reorder, branch), variants and holdout; preview and report. */
export const AutomationBuilder = ({
  tenant,
  triggers,
  initial,
  initialPreview = null,
  initialReport = null,
}: {
  tenant: string
  triggers: { label: string; value: string }[]
  initial: BuilderAutomation | null
  initialPreview?: AutomationPreview | null
  initialReport?: AutomationReport | null
}) => {
  const router = useRouter()
  const [a, setA] = useState<BuilderAutomation>(
    initial ?? {
      id: null,
      name: '',
      triggerEvent: 'member.created',
      purpose: 'marketing',
      status: 'draft',
      cooldownDays: 0,
      holdoutPercent: 0,
      goalDays: 14,
      steps: [newStep()],
      variants: [],
    },
  )
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [preview, setPreview] = useState<AutomationPreview | null>(initialPreview)
  const [report, setReport] = useState<AutomationReport | null>(initialReport)

  const set = <K extends keyof BuilderAutomation>(key: K, value: BuilderAutomation[K]) =>
    setA((prev) => ({ ...prev, [key]: value }))
  const setStep = (i: number, patch: Partial<BuilderStep>) =>
    setA((prev) => ({ ...prev, steps: prev.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }))
  const reorder = (order: number[]) =>
    setA((prev) => ({
      ...prev,
      steps: order.map((old) => {
        const s = prev.steps[old]
        return { ...s, ifTrue: remap(s.ifTrue, order), ifFalse: remap(s.ifFalse, order) }
      }),
      variants: prev.variants.map((v) => ({
        ...v,
        overrides: v.overrides.map((o) => ({ ...o, step: order.indexOf(o.step - 1) + 1 })).filter((o) => o.step > 0),
      })),
    }))
  const move = (i: number, by: -1 | 1) => {
    const order = a.steps.map((_, j) => j)
    ;[order[i], order[i + by]] = [order[i + by], order[i]]
    reorder(order)
  }
  const remove = (i: number) => reorder(a.steps.map((_, j) => j).filter((j) => j !== i))

  const loadInsights = useCallback(async (id: string) => {
    const [p, r] = await Promise.all([
      fetch(`/api/automations/${id}/preview`, { credentials: 'include' }),
      fetch(`/api/automations/${id}/report`, { credentials: 'include' }),
    ])
    setPreview(p.ok ? ((await p.json()) as AutomationPreview) : null)
    setReport(r.ok ? ((await r.json()) as AutomationReport) : null)
  }, [])
  const save = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const steps = a.steps.map((s, i) => {
        let condition: unknown = null
        if (s.condition.trim()) {
          try {
            condition = JSON.parse(s.condition)
          } catch {
            throw new Error(`Step ${i + 1}: the branch condition is not valid JSON.`)
          }
        }
        return {
          delayMinutes: Number(s.delayMinutes) || 0,
          channel: s.channel,
          subject: s.subject,
          body: s.body,
          branch: { condition, ifTrue: s.ifTrue, ifFalse: s.ifFalse },
        }
      })
      const data = {
        name: a.name,
        triggerEvent: a.triggerEvent,
        purpose: a.purpose,
        status: a.status,
        cooldownDays: Number(a.cooldownDays) || 0,
        // ---- Holdings triggers ----
        ...(DAYS_TRIGGERS.includes(a.triggerEvent) ? { triggerDays: Number(a.triggerDays) || null } : {}),
        ...(a.triggerEvent === 'time.low_credits' || a.triggerEvent === 'visit.milestone' // More triggers: Nth visit
          ? { triggerThreshold: a.triggerThreshold == null ? null : Number(a.triggerThreshold) }
          : {}),
        // ---- /Holdings triggers ----
        holdoutPercent: Number(a.holdoutPercent) || 0,
        goalDays: Number(a.goalDays) || 14,
        goalType: a.goalType || 'booking_or_order', // mkt_rest
        steps,
        variants: a.variants.map((v) => ({
          key: v.key,
          weight: Number(v.weight) || 1,
          overrides: v.overrides.filter((o) => o.subject || o.body),
        })),
      }
      const response = await fetch(a.id ? `/api/automations/${a.id}` : '/api/automations', {
        method: a.id ? 'PATCH' : 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(a.id ? data : { ...data, tenant }),
      })
      if (!response.ok) throw new Error(await errorOf(response, 'Saving'))
      const { doc } = (await response.json()) as { doc: { id: string } }
      const id = String(doc.id)
      setA((prev) => ({ ...prev, id }))
      setMessage({ kind: 'ok', text: `Saved “${a.name}”.` })
      await loadInsights(id)
      if (!a.id) router.replace(`/admin/automation-builder?id=${id}`)
    } catch (caught) {
      setMessage({ kind: 'error', text: (caught as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const targets = (i: number) => [
    { value: 'send', label: 'Send this step' },
    { value: 'end', label: 'End the automation' },
    ...a.steps.slice(i + 1).map((_, k) => ({ value: String(i + k + 2), label: `Go to step ${i + k + 2}` })),
  ]
  const conditionKind = (c: string) =>
    c === '' ? 'none' : (Object.entries(PRESETS).find(([, preset]) => preset === c)?.[0] ?? 'custom')

  return (
    <div>
      <style>{css}</style>
      <div role="status" aria-live="polite">
        {message ? (
          <p className={`ab-message${message.kind === 'error' ? ' ab-message--error' : ''}`}>{message.text}</p>
        ) : null}
      </div>
      <form
        className="ab-form"
        aria-label="Automation"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <fieldset>
          <legend>Automation</legend>
          <div className="ab-row">
            <label>
              Name
              <input required value={a.name} onChange={(e) => set('name', e.target.value)} />
            </label>
            <label>
              Trigger
              <select value={a.triggerEvent} onChange={(e) => set('triggerEvent', e.target.value)}>
                {triggers.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            {/* ---- Holdings triggers ---- */}
            {DAYS_TRIGGERS.includes(a.triggerEvent) ? (
              <label>
                {a.triggerEvent === 'time.no_visit' ? 'Days without a visit' : 'Days before the end'}
                <input
                  type="number"
                  min={1}
                  value={a.triggerDays ?? ''}
                  onChange={(e) => set('triggerDays', e.target.value === '' ? null : Number(e.target.value))}
                />
              </label>
            ) : null}
            {a.triggerEvent === 'time.low_credits' || a.triggerEvent === 'visit.milestone' ? (
              <label>
                {a.triggerEvent === 'visit.milestone' ? 'Visit number (N)' : 'Credits at or below'}
                <input
                  type="number"
                  min={0}
                  value={a.triggerThreshold ?? ''}
                  onChange={(e) => set('triggerThreshold', e.target.value === '' ? null : Number(e.target.value))}
                />
              </label>
            ) : null}
            {/* ---- /Holdings triggers ---- */}
            {/* ---- Lead recipients ---- */}
            {a.triggerEvent === 'lead.created' ? (
              <p className="ab-hint">
                Enrols each new lead (website form, tour, guest booking, RSVP, facility guest) once, by e-mail only.
                Marketing e-mail goes to leads who ticked the form’s consent box; converted leads stop.
              </p>
            ) : null}
            {/* ---- /Lead recipients ---- */}
            <label>
              Purpose
              <select
                value={a.purpose}
                onChange={(e) => set('purpose', e.target.value as BuilderAutomation['purpose'])}
              >
                <option value="marketing">Marketing</option>
                <option value="transactional">Transactional</option>
              </select>
            </label>
            <label>
              Status
              <select value={a.status} onChange={(e) => set('status', e.target.value as BuilderAutomation['status'])}>
                <option value="draft">Draft</option>
                <option value="active">Active</option>
                <option value="paused">Paused</option>
              </select>
            </label>
            <label>
              Cooldown (days)
              <input
                type="number"
                min={0}
                value={a.cooldownDays}
                onChange={(e) => set('cooldownDays', Number(e.target.value))}
              />
            </label>
          </div>
        </fieldset>

        {a.steps.map((s, i) => {
          const n = i + 1
          const kind = conditionKind(s.condition)
          return (
            <fieldset key={i} data-testid="builder-step">
              <legend>Step {n}</legend>
              <div className="ab-row">
                <label>
                  {`Step ${n} delay (minutes)`}
                  <input
                    type="number"
                    min={0}
                    value={s.delayMinutes}
                    onChange={(e) => setStep(i, { delayMinutes: Number(e.target.value) })}
                  />
                </label>
                <label>
                  {`Step ${n} channel`}
                  <select value={s.channel} onChange={(e) => setStep(i, { channel: e.target.value as Channel })}>
                    {(a.triggerEvent === 'lead.created' ? LEAD_CHANNELS : CHANNELS).map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {`Step ${n} subject`}
                  <input value={s.subject} onChange={(e) => setStep(i, { subject: e.target.value })} />
                </label>
                <label>
                  {`Step ${n} body`}
                  <textarea required value={s.body} onChange={(e) => setStep(i, { body: e.target.value })} />
                </label>
              </div>
              <div className="ab-row">
                <label>
                  {`Step ${n} branch`}
                  <select
                    value={kind}
                    onChange={(e) => {
                      const v = e.target.value
                      setStep(i, {
                        condition:
                          v === 'none'
                            ? ''
                            : (PRESETS[v] ??
                              (s.condition || '{"all":[{"field":"member.tags","op":"contains","value":"vip"}]}')),
                      })
                    }}
                  >
                    <option value="none">No branch: always send</option>
                    <option value="booked">If booked since enrolment</option>
                    <option value="bought">If bought since enrolment</option>
                    <option value="opened">If the previous e-mail was opened</option>
                    <option value="clicked">If a link in the previous e-mail was clicked</option>
                    <option value="custom">Custom condition (JSON)</option>
                  </select>
                </label>
                {kind === 'custom' ? (
                  <label>
                    {`Step ${n} condition (JSON)`}
                    <textarea value={s.condition} onChange={(e) => setStep(i, { condition: e.target.value })} />
                  </label>
                ) : null}
                {kind !== 'none' ? (
                  <>
                    <label>
                      {`Step ${n} if true`}
                      <select value={s.ifTrue} onChange={(e) => setStep(i, { ifTrue: e.target.value })}>
                        {targets(i).map((t) => (
                          <option key={t.value} value={t.value}>
                            {t.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {`Step ${n} if false`}
                      <select value={s.ifFalse} onChange={(e) => setStep(i, { ifFalse: e.target.value })}>
                        {targets(i).map((t) => (
                          <option key={t.value} value={t.value}>
                            {t.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                ) : null}
              </div>
              <div className="ab-step-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${n} up`}>
                  Move up
                </button>
                <button
                  type="button"
                  disabled={i === a.steps.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move step ${n} down`}
                >
                  Move down
                </button>
                <button
                  type="button"
                  disabled={a.steps.length === 1}
                  onClick={() => remove(i)}
                  aria-label={`Remove step ${n}`}
                >
                  Remove
                </button>
              </div>
            </fieldset>
          )
        })}
        <div>
          <button
            type="button"
            disabled={a.steps.length >= 10}
            onClick={() => setA((prev) => ({ ...prev, steps: [...prev.steps, newStep()] }))}
          >
            Add step
          </button>
        </div>

        <fieldset>
          <legend>A/B test</legend>
          <div className="ab-row">
            <label>
              Holdout (% sent nothing)
              <input
                type="number"
                min={0}
                max={50}
                value={a.holdoutPercent}
                onChange={(e) => set('holdoutPercent', Number(e.target.value))}
              />
            </label>
            <label>
              Goal window (days)
              <input
                type="number"
                min={1}
                max={365}
                value={a.goalDays}
                onChange={(e) => set('goalDays', Number(e.target.value))}
              />
            </label>
            {/* mkt_rest: goal type */}
            <label>
              Goal
              <select value={a.goalType || 'booking_or_order'} onChange={(e) => set('goalType', e.target.value)}>
                <option value="booking_or_order">A booking or a paid order</option>
                <option value="booking">A booking</option>
                <option value="order">A paid order</option>
                {a.triggerEvent === 'lead.created' ? (
                  <option value="conversion">The lead becomes a member</option>
                ) : null}
              </select>
            </label>
          </div>
          {a.variants.map((v, vi) => (
            <fieldset key={vi}>
              <legend>Variant {v.key || vi + 1}</legend>
              <div className="ab-row">
                <label>
                  {`Variant ${vi + 1} key`}
                  <input
                    required
                    value={v.key}
                    onChange={(e) =>
                      set(
                        'variants',
                        a.variants.map((x, j) => (j === vi ? { ...x, key: e.target.value } : x)),
                      )
                    }
                  />
                </label>
                <label>
                  {`Variant ${vi + 1} weight`}
                  <input
                    type="number"
                    min={1}
                    max={100}
                    value={v.weight}
                    onChange={(e) =>
                      set(
                        'variants',
                        a.variants.map((x, j) => (j === vi ? { ...x, weight: Number(e.target.value) } : x)),
                      )
                    }
                  />
                </label>
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'variants',
                      a.variants.filter((_, j) => j !== vi),
                    )
                  }
                  aria-label={`Remove variant ${v.key || vi + 1}`}
                >
                  Remove variant
                </button>
              </div>
              {a.steps.map((s, si) => {
                const o = v.overrides.find((x) => x.step === si + 1) ?? { step: si + 1, subject: '', body: '' }
                const put = (patch: Partial<typeof o>) =>
                  set(
                    'variants',
                    a.variants.map((x, j) =>
                      j === vi
                        ? {
                            ...x,
                            overrides: [...x.overrides.filter((y) => y.step !== si + 1), { ...o, ...patch }].sort(
                              (p, q) => p.step - q.step,
                            ),
                          }
                        : x,
                    ),
                  )
                return (
                  <div className="ab-row" key={si}>
                    <label>
                      {`Variant ${vi + 1} step ${si + 1} subject`}
                      <input
                        value={o.subject}
                        placeholder={s.subject}
                        onChange={(e) => put({ subject: e.target.value })}
                      />
                    </label>
                    <label>
                      {`Variant ${vi + 1} step ${si + 1} body`}
                      <textarea value={o.body} onChange={(e) => put({ body: e.target.value })} />
                    </label>
                  </div>
                )
              })}
            </fieldset>
          ))}
          <div className="ab-step-actions">
            <button
              type="button"
              disabled={a.variants.length >= 5}
              onClick={() =>
                set('variants', [
                  ...a.variants,
                  { key: String.fromCharCode(65 + a.variants.length), weight: 50, overrides: [] },
                ])
              }
            >
              Add variant
            </button>
          </div>
        </fieldset>

        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save automation'}
          </button>
        </div>
      </form>

      {a.id ? (
        <section aria-labelledby="ab-insights" data-testid="builder-insights">
          <h2 id="ab-insights">Audience and results</h2>
          <p data-testid="builder-preview">
            {preview ? `Would reach ${preview.count} member${preview.count === 1 ? '' : 's'} today.` : 'No preview.'}
          </p>
          <button type="button" onClick={() => a.id && void loadInsights(a.id)}>
            Refresh preview and report
          </button>
          {report ? (
            <table className="ab-report">
              <caption>{`Conversions within ${report.goalDays} days (${GOAL_LABELS[report.goalType] ?? report.goalType})`}</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Enrolled</th>
                  <th scope="col">Converted</th>
                  <th scope="col">Conversion rate</th>
                  <th scope="col">Uplift vs holdout</th>
                  <th scope="col">Relative uplift</th>
                </tr>
              </thead>
              <tbody>
                {report.groups.map((g) => (
                  <tr key={g.variant}>
                    <th scope="row">{g.holdout ? 'Holdout' : g.variant}</th>
                    <td>{g.enrolled}</td>
                    <td>{g.converted}</td>
                    <td>{pct(g.conversionRate)}</td>
                    <td>{signedPct(g.upliftAbsolute)}</td>
                    <td>{signedPct(g.upliftRelative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
