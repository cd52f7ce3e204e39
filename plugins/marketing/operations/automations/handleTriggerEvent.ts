import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, usersTable, type DomainEvent } from '@/core'
import type { Automation } from '@/payload-types'
import { conditionHolds, parseCondition } from './conditions'
import { enrolMember } from './enrolMember'
import type { TriggerHit } from './triggers'
import { memberFacts } from '../messaging/memberFacts'

/** The tenant's member with this e-mail (a form submission names an e-mail, not a member). */
const memberByEmail = async (req: PayloadRequest, tenant: string, email: string): Promise<string | null> => {
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT m.${m.id} AS id FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE m.${m.tenant} = ${tenant} AND lower(u.${u.email}) = lower(${email}) LIMIT 1`,
  )
  return row?.id ?? null
}

/**
 * A trigger event arrived (a subscriber job, after the emitting transaction committed): enrols
 * its member into every active automation of the event's tenant on that trigger whose
 * conditions hold. Idempotent on the event: enrolment is keyed by the occurrence.
 */
export const handleTriggerEvent = async (req: PayloadRequest, event: DomainEvent<unknown>, hit: TriggerHit) => {
  const tenant = event.tenant
  if (!tenant) return
  const { docs } = await req.payload.db.find<Automation>({
    collection: 'automations',
    where: {
      and: [{ tenant: { equals: tenant } }, { triggerEvent: { equals: event.type } }, { status: { equals: 'active' } }],
    },
    limit: 100,
    pagination: false,
    req,
  })
  if (docs.length === 0) return
  const member =
    hit.member || (typeof hit.facts.email === 'string' ? await memberByEmail(req, tenant, hit.facts.email) : null)
  if (!member) return
  const facts = await memberFacts(req, member)
  if (!facts || facts.tenant !== tenant || facts.status !== 'active') return
  for (const automation of docs) {
    const condition = parseCondition(automation.triggerCondition)
    if (!conditionHolds(condition, { member: { status: facts.status, tags: facts.tags }, event: hit.facts })) continue
    await enrolMember(req, { automation, member, occurrenceKey: hit.occurrenceKey, facts: hit.facts })
  }
}
