import type { PayloadRequest } from 'payload'
import type { Subscriber } from '@/core'
import type { HubspotObjectKind } from '../../collections/HubspotOutbox'
import { leadState, memberState, orderState, tourState } from './buildOutboxState'
import { enqueueHubspot } from './enqueueHubspot'
import { hubspotConnection } from './hubspotConnection'
import type { OutboxState } from './outboxState'

/** Puts an object's latest state in the outbox when its tenant is connected to HubSpot. */
const push = async (
  req: PayloadRequest,
  tenant: string | null,
  kind: HubspotObjectKind,
  localId: string | null | undefined,
  build: (tenant: string, id: string) => Promise<OutboxState | null>,
) => {
  if (!tenant || !localId || !(await hubspotConnection(req, tenant))) return
  const state = await build(tenant, localId)
  if (state) await enqueueHubspot(req, { tenant, kind, localId, state })
}

const member = (req: PayloadRequest) => (_tenant: string, id: string) => memberState(req, id)
const lead = (req: PayloadRequest) => (_tenant: string, id: string) => leadState(req, id)

/**
 * The domain events that change what HubSpot should hold: a member joined or changed (contact),
 * a lead was captured or converted (contact; a converted lead's contact gets the member's id), an
 * order was paid (a won deal with line items), an appointment was booked (a meeting, for tours).
 * Local deals are put in the outbox by a hook on `deals` (no deal events exist).
 */
export const hubspotSubscribers: Subscriber[] = [
  {
    name: 'marketing.hubspot.memberCreated',
    event: 'member.created',
    handler: (event, { req }) => push(req, event.tenant, 'member', event.subject?.id, member(req)),
  } satisfies Subscriber<'member.created'>,
  {
    name: 'marketing.hubspot.memberUpdated',
    event: 'member.updated',
    handler: (event, { req }) => push(req, event.tenant, 'member', event.subject?.id, member(req)),
  } satisfies Subscriber<'member.updated'>,
  {
    name: 'marketing.hubspot.memberRoleChanged',
    event: 'member.role_changed',
    handler: (event, { req }) => push(req, event.tenant, 'member', event.subject?.id, member(req)),
  } satisfies Subscriber<'member.role_changed'>,
  {
    name: 'marketing.hubspot.leadCreated',
    event: 'lead.created',
    handler: (event, { req }) => push(req, event.tenant, 'lead', event.data.lead, lead(req)),
  } satisfies Subscriber<'lead.created'>,
  {
    name: 'marketing.hubspot.leadConverted',
    event: 'lead.converted',
    handler: async (event, { req }) => {
      await push(req, event.tenant, 'lead', event.data.lead, lead(req))
      await push(req, event.tenant, 'member', event.data.member, member(req))
    },
  } satisfies Subscriber<'lead.converted'>,
  {
    name: 'marketing.hubspot.orderPaid',
    event: 'order.paid',
    handler: (event, { req }) => push(req, event.tenant, 'order', event.data.id, (_t, id) => orderState(req, id)),
  } satisfies Subscriber<'order.paid'>,
  {
    name: 'marketing.hubspot.tourBooked',
    event: 'appointment.booked',
    handler: (event, { req }) =>
      push(req, event.tenant, 'tour', event.subject?.id, (tenant, id) => tourState(req, tenant, id)),
  } satisfies Subscriber<'appointment.booked'>,
  {
    name: 'marketing.hubspot.tourCancelled',
    event: 'appointment.cancelled',
    handler: async (event, { req }) => {
      // Only a tour already in the outbox is updated (a cancelled tour never pushed stays away).
      if (!event.tenant || !event.subject?.id) return
      const { totalDocs } = await req.payload.count({
        collection: 'hubspot-outbox',
        where: {
          and: [
            { tenant: { equals: event.tenant } },
            { objectKind: { equals: 'tour' } },
            { localId: { equals: event.subject.id } },
          ],
        },
        req,
      })
      if (totalDocs > 0)
        await push(req, event.tenant, 'tour', event.subject.id, (tenant, id) => tourState(req, tenant, id))
    },
  } satisfies Subscriber<'appointment.cancelled'>,
] as Subscriber[]
