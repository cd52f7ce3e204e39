import type { PayloadRequest } from 'payload'
import type { DomainEvent } from '@/core'
import type { Automation } from '@/payload-types'
import { conditionHolds, parseCondition } from './conditions'
import { enrolMember } from './enrolMember'
import { memberByEmail } from './memberByEmail'
import type { TriggerHit } from './triggers'
import { memberFacts } from '../messaging/memberFacts'
import { checkInOrdinal, MILESTONE_TRIGGER } from './moreTriggers' // More triggers
import { enrolLeadInto } from './enrolLead' // Lead recipients

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
      and: [
        { tenant: { equals: tenant } },
        { triggerEvent: { equals: hit.trigger ?? event.type } },
        { status: { equals: 'active' } },
      ],
    },
    limit: 100,
    pagination: false,
    req,
  })
  if (docs.length === 0) return
  if (hit.lead) return enrolLeadInto(req, tenant, hit.lead, docs, hit) // Lead recipients
  const member =
    hit.member || (typeof hit.facts.email === 'string' ? await memberByEmail(req, tenant, hit.facts.email) : null)
  if (!member) return
  const facts = await memberFacts(req, member)
  if (!facts || facts.tenant !== tenant || facts.status !== 'active') return
  // ---- More triggers ----
  // Nth visit: this check-in's place among the member's check-ins, counted in SQL now; an
  // automation whose N it is enrols once per (member, automation, N).
  const visits = hit.trigger === MILESTONE_TRIGGER ? await checkInOrdinal(req, member, event.subject?.id) : null
  const eventFacts = visits === null ? hit.facts : { ...hit.facts, visits }
  // ---- /More triggers ----
  for (const automation of docs) {
    if (visits !== null && automation.triggerThreshold !== visits) continue // More triggers
    const condition = parseCondition(automation.triggerCondition)
    if (!conditionHolds(condition, { member: { status: facts.status, tags: facts.tags }, event: eventFacts })) continue
    const occurrenceKey = visits === null ? hit.occurrenceKey : `visits:${visits}` // More triggers
    await enrolMember(req, { automation, member, occurrenceKey, facts: eventFacts })
  }
}
