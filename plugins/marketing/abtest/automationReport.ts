import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, hasCollection, idOf, runSql, type SQL } from '@/core'
import type { AutomationReport } from '../contract'
import { automationLogsTable } from '../operations/sql/automationsTable'
import {
  BOOKED_STATUSES,
  PAID_STATUSES,
  automationAssignmentsTable,
  goalBookingsTable,
  goalOrdersTable,
} from './abTables'
import { DEFAULT_VARIANT, HOLDOUT, type GoalType } from './experimentFields'
import { leadsTable } from '../operations/crm/sql/leadsTable' // mkt_rest: lead A/B

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

/**
 * `GET /api/automations/:id/report` (read access of the caller: staff of the tenant): per group
 * (each variant, `default` when there are none, and `holdout`) the enrolments, those converted —
 * a booking (bookings plugin) or a paid order (commerce) by the member within `goalDays` of the
 * enrolment — the conversion rate, and the uplift over the holdout (absolute, in rate points, and
 * relative), all in one SQL statement. A goal whose plugin is not installed counts nothing.
 * `goalType` (mkt_rest) narrows the goal to bookings or orders, or (New lead automations) to the lead
 * becoming a member (`leads.convertedAt` within the window). A lead's enrolment counts in its group
 * like a member's; its bookings and orders are those of the member it converted into.
 */
export const automationReport = async (req: PayloadRequest, id: string): Promise<AutomationReport> => {
  const automation = await req.payload.findByID({
    collection: 'automations',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  const tenant = automation ? idOf(automation.tenant) : null
  if (!automation || !tenant) throw new OperationError(404, 'not_found', 'No such automation.')
  const goalDays = Math.max(1, automation.goalDays ?? 14)
  const l = automationLogsTable(req)
  const a = automationAssignmentsTable(req)
  const ld = leadsTable(req)
  const goals: SQL[] = []
  const goalType: GoalType = automation.goalType ?? 'booking_or_order' // mkt_rest: lead A/B
  const goalWindow = sql`make_interval(days => ${goalDays}::int)`
  if (goalType === 'conversion')
    goals.push(
      sql`(e.lead IS NOT NULL AND e.converted_at >= e.triggered_at AND e.converted_at < e.triggered_at + ${goalWindow})`,
    )
  if (goalType !== 'conversion' && goalType !== 'order' && hasCollection(req.payload, 'bookings')) {
    const b = goalBookingsTable(req)
    goals.push(sql`EXISTS (SELECT 1 FROM ${b} b WHERE b.${b.tenant} = ${tenant} AND b.${b.member} = e.member
      AND b.${b.createdAt} >= e.triggered_at AND b.${b.createdAt} < e.triggered_at + make_interval(days => ${goalDays}::int)
      AND b.${b.status}::text IN (${list(BOOKED_STATUSES)}))`)
  }
  if (goalType !== 'conversion' && goalType !== 'booking' && hasCollection(req.payload, 'orders')) {
    const o = goalOrdersTable(req)
    goals.push(sql`EXISTS (SELECT 1 FROM ${o} o WHERE o.${o.tenant} = ${tenant} AND o.${o.member} = e.member
      AND o.${o.purchasedAt} >= e.triggered_at AND o.${o.purchasedAt} < e.triggered_at + make_interval(days => ${goalDays}::int)
      AND o.${o.status}::text IN (${list(PAID_STATUSES)}))`)
  }
  const converted = goals.length ? sql.join(goals, sql` OR `) : sql`false`
  const rows = await runSql<{
    variant: string
    enrolled: number
    converted: number
    rate: number | null
    uplift_abs: number | null
    uplift_rel: number | null
  }>(
    req,
    sql`WITH e AS (
          SELECT coalesce(l.${l.member}, ld.${ld.convertedMember}) AS member, l.${l.lead} AS lead,
                 ld.${ld.convertedAt} AS converted_at, l.${l.triggeredAt} AS triggered_at,
                 coalesce(a.${a.variant}, al.${a.variant}, ${DEFAULT_VARIANT}) AS variant
          FROM ${l} l LEFT JOIN ${a} a ON a.${a.automation} = l.${l.automation} AND a.${a.member} = l.${l.member}
          LEFT JOIN ${a} al ON al.${a.automation} = l.${l.automation} AND al.${a.lead} = l.${l.lead}
          LEFT JOIN ${ld} ld ON ld.${ld.id} = l.${l.lead}
          WHERE l.${l.automation} = ${id} AND l.${l.channel} = 'sequence'),
        g AS (
          SELECT variant, count(*)::int AS enrolled, count(*) FILTER (WHERE ${converted})::int AS converted
          FROM e GROUP BY variant),
        r AS (SELECT variant, enrolled, converted, CASE WHEN enrolled > 0 THEN converted::float8 / enrolled END AS rate FROM g),
        h AS (SELECT rate FROM r WHERE variant = ${HOLDOUT})
        SELECT r.variant, r.enrolled, r.converted, r.rate,
               CASE WHEN r.variant <> ${HOLDOUT} THEN r.rate - h.rate END AS uplift_abs,
               CASE WHEN r.variant <> ${HOLDOUT} AND h.rate > 0 THEN (r.rate - h.rate) / h.rate END AS uplift_rel
        FROM r LEFT JOIN h ON true
        ORDER BY r.variant = ${HOLDOUT}, r.variant`,
  )
  const byKey = new Map(rows.map((r) => [r.variant, r]))
  const keys = (automation.variants ?? []).length ? (automation.variants ?? []).map((v) => v.key) : [DEFAULT_VARIANT]
  const all = [...new Set([...keys, ...rows.map((r) => r.variant).filter((v) => v !== HOLDOUT), HOLDOUT])]
  const round = (n: number | null | undefined) => (n == null ? null : Math.round(Number(n) * 10_000) / 10_000)
  return {
    automation: String(automation.id),
    goalDays,
    goalType,
    holdoutPercent: automation.holdoutPercent ?? 0,
    groups: all.map((variant) => {
      const r = byKey.get(variant)
      return {
        variant,
        holdout: variant === HOLDOUT,
        enrolled: r?.enrolled ?? 0,
        converted: r?.converted ?? 0,
        conversionRate: round(r?.rate),
        upliftAbsolute: round(r?.uplift_abs),
        upliftRelative: round(r?.uplift_rel),
      }
    }),
  }
}
