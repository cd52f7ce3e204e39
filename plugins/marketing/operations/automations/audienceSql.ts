import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { localDate, runSql, tenantMembershipRolesTable, usersTable, type SQL } from '@/core'
import type { Automation } from '@/payload-types'
import { automationLogsTable, consentsTable, memberFactsTable, memberTextsTable } from '../sql/automationsTable'
import { parseCondition, type ConditionRule } from './conditions'
import { CONSENT_OF } from '../messaging/sendMessage'
import { holdingsHits, isHoldingsTrigger, type HoldingsHit } from './holdingsTriggers' // Holdings triggers

const strings = (value: ConditionRule['value']): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

/**
 * One member rule of a condition as a WHERE clause over the membership `m` (null: no filter; event
 * rules are not filters here, the preview has no event). Same semantics as `conditionHolds`:
 * `member.status` is a string (eq/neq/in compare it, contains is a substring), `member.tags` a list
 * (eq/contains: has the tag, neq: has not, in: has any of them; read from the hasMany text rows);
 * gte/lte never hold on either, and exists always does. Tags compare case-sensitively, as in JS.
 */
export const memberRuleSql = (req: PayloadRequest, rule: ConditionRule): SQL | null => {
  if (rule.field !== 'member.status' && rule.field !== 'member.tags') return null
  if (rule.op === 'exists') return null
  if (rule.op === 'gte' || rule.op === 'lte') return sql`FALSE`
  const values = strings(rule.value)
  if (rule.field === 'member.status') {
    const m = memberFactsTable(req)
    if (rule.op === 'neq') return values.length ? sql`m.${m.status}::text <> ${values[0]}` : null
    if (values.length === 0) return sql`FALSE`
    if (rule.op === 'contains') return sql`strpos(m.${m.status}::text, ${values[0]}) > 0`
    return sql`m.${m.status}::text IN (${list(rule.op === 'in' ? values : values.slice(0, 1))})`
  }
  // ---- tag rules in the audience SQL ----
  const m = memberFactsTable(req)
  const t = memberTextsTable(req)
  const has = (tags: string[]) =>
    sql`EXISTS (SELECT 1 FROM ${t.$table} t WHERE t.${t.parent} = m.${m.id} AND t.${t.path} = 'tags' AND t.${t.text} IN (${list(tags)}))`
  if (rule.op === 'neq') return values.length ? sql`NOT ${has(values.slice(0, 1))}` : null
  if (values.length === 0) return sql`FALSE`
  return has(rule.op === 'in' ? values : values.slice(0, 1))
  // ---- /tag rules in the audience SQL ----
}

export type AudienceRow = {
  id: string
  name: string | null
  email: string | null
  occurrence_key: string
  total: number
}

/**
 * The members an automation would reach today, in one SQL statement over the tenant's members
 * (indexed by tenant; consents and enrolments by member): active members (role `member`) whose
 * `member.status` rules hold, with the consent the first step's channel needs when it is
 * marketing, not enrolled for this occurrence (or inside the cooldown), and for a time trigger
 * those it matches today (no visit in N days, birthday in the tenant's zone). Each row carries
 * its occurrence key and the total count.
 */
export const audienceRows = async (
  req: PayloadRequest,
  automation: Pick<
    Automation,
    'id' | 'triggerEvent' | 'triggerDays' | 'triggerCondition' | 'purpose' | 'steps' | 'cooldownDays'
  > &
    Partial<Pick<Automation, 'triggerThreshold'>>,
  tenant: { id: string; zone: string },
  {
    now = new Date(),
    limit = 20,
    hits,
  }: {
    now?: Date
    limit?: number
    /** Holdings triggers: the members the billing/commerce ports matched (asked here when absent). */
    hits?: HoldingsHit[]
  } = {},
): Promise<AudienceRow[]> => {
  const m = memberFactsTable(req)
  const u = usersTable(req)
  const r = tenantMembershipRolesTable(req)
  const c = consentsTable(req)
  const l = automationLogsTable(req)
  const where: SQL[] = [
    sql`m.${m.tenant} = ${tenant.id}`,
    sql`m.${m.status} = 'active'`,
    sql`EXISTS (SELECT 1 FROM ${r.$table} r WHERE r.${r.parent} = m.${m.id} AND r.${r.value} = 'member')`,
  ]
  // The member rules (status and tags) as SQL, exactly as `conditionHolds` reads them at enrolment and send time.
  for (const rule of parseCondition(automation.triggerCondition).all) {
    const clause = memberRuleSql(req, rule)
    if (clause) where.push(clause)
  }
  const firstChannel = automation.steps?.[0]?.channel
  const consent = automation.purpose === 'transactional' || !firstChannel ? null : CONSENT_OF[firstChannel]
  if (consent)
    where.push(
      sql`EXISTS (SELECT 1 FROM ${c.$table} c WHERE c.${c.tenant} = ${tenant.id} AND c.${c.member} = m.${m.id} AND c.${c.type} = ${consent}::${c.$enum.type} AND c.${c.revokedAt} IS NULL)`,
    )
  let key: SQL
  let from: SQL = sql``
  if (isHoldingsTrigger(automation.triggerEvent)) {
    // ---- Holdings triggers ----
    // One row per matched instance (a member with two packs expiring is two occurrences).
    const matched = hits ?? (await holdingsHits(req, automation, tenant.id, { now }))
    from = sql`JOIN jsonb_to_recordset(${JSON.stringify(
      matched.map((h) => ({ member: h.member, key: h.occurrenceKey })),
    )}::jsonb) AS h(member text, key text) ON h.member = m.${m.id}::text`
    key = sql`h.key`
    // ---- /Holdings triggers ----
  } else if (automation.triggerEvent === 'time.no_visit') {
    const days = Math.max(1, automation.triggerDays ?? 30)
    where.push(
      sql`coalesce(m.${m.lastVisitAt}, m.${m.joinedAt}) < ${now.toISOString()}::timestamptz - make_interval(days => ${days}::int)`,
    )
    key = sql`'nv:' || to_char(coalesce(m.${m.lastVisitAt}, m.${m.joinedAt}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI')`
  } else if (automation.triggerEvent === 'time.birthday') {
    const today = localDate(now, tenant.zone)
    where.push(sql`to_char(m.${m.dateOfBirth} AT TIME ZONE 'UTC', 'MM-DD') = ${today.slice(5)}`)
    key = sql`${`bd:${today.slice(0, 4)}`}::text`
  } else key = sql`'once'::text`
  const cooldown = automation.cooldownDays ?? 0
  where.push(sql`NOT EXISTS (SELECT 1 FROM ${l.$table} l WHERE l.${l.automation} = ${automation.id} AND l.${l.member} = m.${m.id}
    AND (l.${l.occurrenceKey} = ${key} OR l.${l.triggeredAt} > ${now.toISOString()}::timestamptz - make_interval(days => ${cooldown}::int)))`)
  // The set is built from memberships alone (indexes on tenant, roles' parent, consents, enrolments);
  // users are joined for the first rows only.
  return runSql<AudienceRow>(
    req,
    sql`WITH audience AS MATERIALIZED (
          SELECT m.${m.id} AS id, m.${m.user} AS user_id, m.${m.displayName} AS display_name, m.${m.joinedAt} AS joined_at,
                 ${key} AS occurrence_key
          FROM ${m.$table} m ${from} WHERE ${sql.join(where, sql` AND `)})
        SELECT a.id, coalesce(a.display_name, u.${u.name}) AS name, u.${u.email} AS email, a.occurrence_key,
               (SELECT count(*)::int FROM audience) AS total
        FROM (SELECT * FROM audience ORDER BY joined_at DESC, id, occurrence_key LIMIT ${limit}) a JOIN ${u.$table} u ON u.${u.id} = a.user_id
        ORDER BY a.joined_at DESC, a.id, a.occurrence_key`,
  )
}
