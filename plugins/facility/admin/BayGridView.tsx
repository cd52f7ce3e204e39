import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { addDays, adminTenant, DESK_ROLES, localDate, TENANT_COOKIE } from '@/core'
import { facilityZone } from '../operations/facilityZone'
import { readBayGrid } from '../operations/readBayGrid'
import { BayGrid } from './BayGrid'

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? ''
const validDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date
const dayHeading = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )

const css = `
.bay-grid__bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 16px; }
.bay-grid__bar label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
.bay-grid__bar input, .bay-grid__bar button { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); font: inherit; }
.bay-grid__bar a { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; text-decoration: none; color: var(--theme-text); }
`

/**
 * `/admin/bays?date=YYYY-MM-DD`: the club's bay grid for one local day (default today in the
 * club's zone) for desk staff of the tenant chosen in the tenant selector: resources × time slots
 * with the reservations and blocks, booking on a free slot, the reservation's actions (approve,
 * decline, check in, cancel, move) and the approval queue. The client part is `BayGrid`.
 */
export const BayGridView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), DESK_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Bay grid">
        <AdminNotice>
          {tenant
            ? 'Only desk staff (owner, admin, manager, front desk) can work the bay grid.'
            : 'Choose a business in the tenant selector to see its bays.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const query = view.searchParams ?? {}
  const asked = one(query.date as string | string[] | undefined)
  const zone = await facilityZone(req, { tenant })
  const today = localDate(new Date(), zone)
  const date = validDate(asked) ? asked : today
  const grid = await readBayGrid(req, { tenant, date })
  const link = (day: string) => `/admin/bays?${new URLSearchParams({ date: day })}`
  return (
    <AdminPage view={view} title="Bay grid" className="bay-grid">
      <style>{css}</style>
      <form className="bay-grid__bar" method="get" action="/admin/bays" aria-label="Choose the day">
        <a href={link(addDays(date, -1))} data-testid="bays-prev">
          ← Previous day
        </a>
        <label>
          Day
          <input type="date" name="date" defaultValue={date} />
        </label>
        <button type="submit">Show</button>
        <a href={link(addDays(date, 1))} data-testid="bays-next">
          Next day →
        </a>
        {date !== today && <a href={link(today)}>Today</a>}
        <span role="status" data-testid="bays-day">
          {dayHeading(date)} · times in {zone}
        </span>
      </form>
      {grid.resources.length === 0 ? (
        <AdminNotice>This business has no active bays, courts or rooms yet.</AdminNotice>
      ) : (
        <BayGrid grid={grid} tenant={tenant} selected={one(query.reservation as string | string[] | undefined)} />
      )}
    </AdminPage>
  )
}
