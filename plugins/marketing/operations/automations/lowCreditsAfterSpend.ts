import type { PayloadRequest } from 'payload'
import type { Automation } from '@/payload-types'
import { conditionHolds, parseCondition } from './conditions'
import { enrolMember } from './enrolMember'
import { holdingsHits } from './holdingsTriggers'
import { memberFacts } from '../messaging/memberFacts'

/**
 * A member just spent credits (a booking paid with credits): enrols them at once into the
 * tenant's active "credits at or below N" automations whose threshold they reached, instead of
 * waiting for the hourly job. Same occurrence key as the job (the newest granted lot), so the
 * two never enrol twice.
 */
export const lowCreditsAfterSpend = async (req: PayloadRequest, tenant: string, member: string, now = new Date()) => {
  const { docs } = await req.payload.db.find<Automation>({
    collection: 'automations',
    where: {
      and: [
        { tenant: { equals: tenant } },
        { triggerEvent: { equals: 'time.low_credits' } },
        { status: { equals: 'active' } },
      ],
    },
    limit: 100,
    pagination: false,
    req,
  })
  if (docs.length === 0) return 0
  const facts = await memberFacts(req, member)
  if (!facts || facts.tenant !== tenant || facts.status !== 'active') return 0
  let enrolled = 0
  for (const automation of docs) {
    for (const hit of await holdingsHits(req, automation, tenant, { now, members: [member] })) {
      const ruleFacts = { member: { status: facts.status, tags: facts.tags }, event: hit.facts }
      if (!conditionHolds(parseCondition(automation.triggerCondition), ruleFacts)) continue
      const id = await enrolMember(req, {
        automation,
        member,
        occurrenceKey: hit.occurrenceKey,
        facts: { trigger: automation.triggerEvent, ...hit.facts },
        now,
      })
      if (id) enrolled++
    }
  }
  return enrolled
}
