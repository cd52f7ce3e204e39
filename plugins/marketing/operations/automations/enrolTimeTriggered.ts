import type { PayloadRequest } from 'payload'
import { isTimeZone } from '@/core'
import type { Automation, Tenant } from '@/payload-types'
import { audienceRows } from './audienceSql'
import { enrolMember } from './enrolMember'
import { TIME_TRIGGERS } from './triggers'
import { holdingsHits, isHoldingsTrigger } from './holdingsTriggers' // Holdings triggers

const BATCH = 500

/**
 * The time triggers (hourly job): enrols every member an active "no visit in N days" or
 * "birthday" automation matches now, once per occurrence (the last visit, the birthday's year).
 */
export const enrolTimeTriggered = async (req: PayloadRequest, now = new Date()): Promise<{ enrolled: number }> => {
  const { docs } = await req.payload.db.find<Automation>({
    collection: 'automations',
    where: {
      and: [{ status: { equals: 'active' } }, { triggerEvent: { in: TIME_TRIGGERS.map((t) => t.value) } }],
    },
    pagination: false,
    limit: 0,
    req,
  })
  let enrolled = 0
  const zones = new Map<string, string>()
  for (const automation of docs) {
    const tenantId = typeof automation.tenant === 'object' ? automation.tenant?.id : automation.tenant
    if (!tenantId) continue
    if (!zones.has(tenantId)) {
      const tenant = await req.payload.db.findOne<Tenant>({
        collection: 'tenants',
        where: { id: { equals: tenantId } },
        req,
      })
      zones.set(tenantId, isTimeZone(tenant?.timezone) ? tenant.timezone : 'UTC')
    }
    // ---- Holdings triggers ----
    // Asked once per automation and run; the audience SQL then applies the member rules and consent.
    const hits = isHoldingsTrigger(automation.triggerEvent)
      ? await holdingsHits(req, automation, tenantId, { now })
      : undefined
    if (hits && hits.length === 0) continue
    const factsOf = new Map((hits ?? []).map((h) => [`${h.member}|${h.occurrenceKey}`, h.facts]))
    // ---- /Holdings triggers ----
    for (let round = 0; round < 200; round++) {
      const rows = await audienceRows(
        req,
        automation,
        { id: tenantId, zone: zones.get(tenantId)! },
        { now, limit: BATCH, hits },
      )
      let fresh = 0
      for (const row of rows) {
        const id = await enrolMember(req, {
          automation,
          member: String(row.id),
          occurrenceKey: row.occurrence_key,
          facts: { trigger: automation.triggerEvent, ...factsOf.get(`${row.id}|${row.occurrence_key}`) },
          now,
        })
        if (id) fresh++
      }
      enrolled += fresh
      if (rows.length < BATCH || fresh === 0) break
    }
  }
  return { enrolled }
}
