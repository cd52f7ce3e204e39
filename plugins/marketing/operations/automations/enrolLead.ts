import type { PayloadRequest } from 'payload'
import type { Automation } from '@/payload-types'
import { conditionHolds, parseCondition } from './conditions'
import { enrolMember } from './enrolMember'
import type { TriggerHit } from './triggers'
import { leadFacts, leadStopReason } from '../messaging/leadFacts'

/**
 * The New lead trigger (`lead.created`): enrols the lead into each of the tenant's active
 * automations on it whose conditions hold, once per (automation, lead, occurrence) however many
 * deliveries race (the unique index on (automation, lead, channel, occurrenceKey) and
 * `ON CONFLICT DO NOTHING`). A lead that already converted, was lost, or whose address is already a
 * member of the tenant is not enrolled. Conditions read the lead as the recipient: `member.status`
 * is the lead's status, `member.tags` its tags; `event.source` and `event.email` the capture's.
 */
export const enrolLeadInto = async (
  req: PayloadRequest,
  tenant: string,
  leadId: string,
  automations: Automation[],
  hit: TriggerHit,
): Promise<void> => {
  const lead = await leadFacts(req, leadId)
  if (!lead || lead.tenant !== tenant) return
  if (await leadStopReason(req, lead)) return
  for (const automation of automations) {
    const condition = parseCondition(automation.triggerCondition)
    if (!conditionHolds(condition, { member: { status: lead.status, tags: lead.tags }, event: hit.facts })) continue
    await enrolMember(req, {
      automation,
      member: '',
      lead: lead.id,
      occurrenceKey: hit.occurrenceKey,
      facts: hit.facts,
    })
  }
}
