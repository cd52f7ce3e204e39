import type { PayloadRequest } from 'payload'
import { hasCollection, idOf } from '@/core'
import type { Deal, User } from '@/payload-types'
import {
  compact,
  decimalOf,
  DEAL_STAGE_TO_HUBSPOT,
  LEAD_STATUS_TO_HUBSPOT,
  namesOf,
  type ContactRef,
  type OutboxState,
} from './outboxState'

const userOf = (value: unknown): User | null =>
  value && typeof value === 'object' && 'email' in value ? (value as User) : null

/** A member's contact: e-mail, names, phone and `atrium_member_id`; null for staff-only memberships or none. */
export const memberState = async (req: PayloadRequest, member: string): Promise<OutboxState | null> => {
  const doc = await req.payload
    .findByID({ collection: 'tenant-memberships', id: member, depth: 1, req })
    .catch(() => null)
  const user = userOf(doc?.user)
  if (!doc || !user?.email || !(doc.roles ?? []).includes('member')) return null
  if (doc.anonymisedAt) return null // mkt_rest: an erased member is never sent again (its contact was archived)
  const names = namesOf(doc.profile?.displayName ?? user.name)
  return {
    properties: compact({
      atrium_member_id: String(doc.id),
      email: user.email.toLowerCase(),
      firstname: names.firstname,
      lastname: names.lastname,
      phone: doc.profile?.phone ?? user.phone ?? undefined,
      atrium_member_status: doc.status ?? undefined,
      lifecyclestage: 'customer',
    }),
  }
}

/** A lead's contact, upserted by e-mail; a converted lead carries `atrium_member_id`, linking it to the member's contact. */
export const leadState = async (req: PayloadRequest, lead: string): Promise<OutboxState | null> => {
  const doc = await req.payload.findByID({ collection: 'leads', id: lead, depth: 0, req }).catch(() => null)
  if (!doc?.email || doc.anonymisedAt) return null // mkt_rest: an erased lead is never sent again
  const names = namesOf(doc.name)
  const member = idOf(doc.convertedMember)
  return {
    properties: compact({
      email: doc.email.toLowerCase(),
      firstname: names.firstname,
      lastname: names.lastname,
      phone: doc.phone ?? undefined,
      atrium_lead_id: String(doc.id),
      hs_lead_status: LEAD_STATUS_TO_HUBSPOT[doc.status],
      atrium_member_id: member ?? undefined,
      lifecyclestage: member ? 'customer' : undefined,
    }),
  }
}

/** A local deal: name, amount, stage, close date, its member's or lead's contact and its line items. */
export const dealState = (deal: Deal): OutboxState => {
  const currency = deal.amount?.currency ?? 'USD'
  const member = idOf(deal.member)
  const lead = idOf(deal.lead)
  const contact: ContactRef | null = member ? { kind: 'member', id: member } : lead ? { kind: 'lead', id: lead } : null
  return {
    properties: compact({
      atrium_deal_id: `deal:${deal.id}`,
      dealname: deal.name,
      amount: deal.amount?.amount == null ? undefined : decimalOf(deal.amount.amount, currency),
      deal_currency_code: currency.toUpperCase(),
      dealstage: DEAL_STAGE_TO_HUBSPOT[deal.stage],
      pipeline: 'default',
      closedate: deal.closeDate ?? undefined,
    }),
    contact,
    lineItems: (deal.lineItems ?? []).map((line, index) => ({
      key: `deal:${deal.id}:${line.id ?? index}`,
      properties: compact({
        atrium_line_item_id: `deal:${deal.id}:${line.id ?? index}`,
        name: line.productName,
        quantity: String(line.quantity ?? 1),
        price: decimalOf(line.amount?.amount ?? 0, line.amount?.currency ?? currency),
      }),
    })),
  }
}

/** A paid order as a won deal with one line item per order line, for the order's member. */
export const orderState = async (req: PayloadRequest, order: string): Promise<OutboxState | null> => {
  if (!hasCollection(req.payload, 'orders')) return null
  const doc = await req.payload.findByID({ collection: 'orders', id: order, depth: 0, req }).catch(() => null)
  const member = idOf(doc?.member)
  if (!doc || !member) return null
  const currency = doc.currency ?? 'USD'
  return {
    properties: compact({
      atrium_deal_id: `order:${doc.id}`,
      dealname: `Order ${doc.number}`,
      amount: decimalOf(doc.total, currency),
      deal_currency_code: currency.toUpperCase(),
      dealstage: 'closedwon',
      pipeline: 'default',
      closedate: doc.purchasedAt ?? doc.updatedAt,
    }),
    contact: { kind: 'member', id: member },
    lineItems: (doc.lines ?? []).map((line, index) => ({
      key: `order:${doc.id}:${line.id ?? index}`,
      properties: compact({
        atrium_line_item_id: `order:${doc.id}:${line.id ?? index}`,
        name: line.name ?? line.kind,
        quantity: String(line.quantity),
        price: decimalOf(line.unitPrice ?? 0, currency),
        amount: decimalOf(line.total ?? 0, currency),
      }),
    })),
  }
}

/**
 * A booked tour (an appointment whose service's kind is `tour`) as a scheduled meeting, with the
 * member's contact (or the lead with the guest's e-mail). Null for other appointments.
 */
export const tourState = async (
  req: PayloadRequest,
  tenant: string,
  appointment: string,
): Promise<OutboxState | null> => {
  if (!hasCollection(req.payload, 'appointments')) return null
  const doc = await req.payload
    .findByID({ collection: 'appointments', id: appointment, depth: 1, req })
    .catch(() => null)
  const service = doc && typeof doc.service === 'object' ? doc.service : null
  if (!doc || service?.kind !== 'tour') return null
  const member = idOf(doc.member)
  let contact: ContactRef | null = member ? { kind: 'member', id: member } : null
  if (!contact && doc.guest?.email) {
    const { docs } = await req.payload.find({
      collection: 'leads',
      where: { and: [{ tenant: { equals: tenant } }, { email: { equals: doc.guest.email.toLowerCase() } }] },
      depth: 0,
      limit: 1,
      req,
    })
    if (docs[0]) contact = { kind: 'lead', id: String(docs[0].id) }
  }
  return {
    properties: compact({
      atrium_meeting_id: `tour:${doc.id}`,
      hs_timestamp: doc.startTime,
      hs_meeting_title: `Tour: ${service.title}`,
      hs_meeting_start_time: doc.startTime,
      hs_meeting_end_time: doc.endTime,
      hs_meeting_outcome: doc.status === 'cancelled' ? 'CANCELED' : 'SCHEDULED',
    }),
    contact,
  }
}
