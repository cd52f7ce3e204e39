import { currencyExponent } from '@/core'
import type { HubspotObjectKind } from '../../collections/HubspotOutbox'

/** A contact the pushed object is associated with (its own outbox row holds HubSpot's id). */
export type ContactRef = { kind: 'member' | 'lead'; id: string }

/** One line item of a deal (upserted on `atrium_line_item_id`). */
export type LineItemState = { key: string; properties: Record<string, string> }

/** What one outbox row pushes: the object's properties, its contact, and a deal's line items. */
export type OutboxState = {
  properties: Record<string, string>
  contact?: ContactRef | null
  lineItems?: LineItemState[]
  /** Archive the object in HubSpot instead (its local object was deleted); `properties` hold only its unique id. */
  archive?: boolean
}

/** The HubSpot object type of each outbox kind. */
export const objectTypeOf = (kind: HubspotObjectKind) =>
  kind === 'member' || kind === 'lead' ? 'contacts' : kind === 'tour' ? 'meetings' : 'deals'

/** The unique custom property each kind is upserted on (`idProperty`), and its value for a local id. */
export const ID_PROPERTIES = {
  member: 'atrium_member_id',
  lead: 'email',
  deal: 'atrium_deal_id',
  order: 'atrium_deal_id',
  tour: 'atrium_meeting_id',
} as const satisfies Record<HubspotObjectKind, string>

/** The line items' unique custom property. */
export const LINE_ITEM_ID_PROPERTY = 'atrium_line_item_id'

/** A decimal string of integer minor units (HubSpot amounts are in major units). */
export const decimalOf = (minor: number | null | undefined, currency: string | null | undefined) => {
  const exponent = currencyExponent((currency ?? 'USD').toUpperCase())
  return ((minor ?? 0) / 10 ** exponent).toFixed(exponent)
}

/** First and last name of a display name. */
export const namesOf = (name: string | null | undefined) => {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean)
  return { firstname: parts[0] ?? '', lastname: parts.slice(1).join(' ') }
}

/** Drops empty values (HubSpot would clear the property). */
export const compact = (properties: Record<string, string | null | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(properties).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  )

/** Our deal stages and HubSpot's default pipeline stages. */
export const DEAL_STAGE_TO_HUBSPOT: Record<string, string> = {
  appointment_scheduled: 'appointmentscheduled',
  qualified: 'qualifiedtobuy',
  proposal: 'presentationscheduled',
  negotiation: 'contractsent',
  won: 'closedwon',
  lost: 'closedlost',
}
export const HUBSPOT_STAGE_TO_DEAL: Record<string, string> = {
  ...Object.fromEntries(Object.entries(DEAL_STAGE_TO_HUBSPOT).map(([ours, theirs]) => [theirs, ours])),
  decisionmakerboughtin: 'negotiation',
}

/** Our lead statuses and HubSpot's `hs_lead_status`; and HubSpot's lifecycle stages as lead statuses. */
export const LEAD_STATUS_TO_HUBSPOT: Record<string, string> = {
  new: 'NEW',
  contacted: 'ATTEMPTED_TO_CONTACT',
  qualified: 'OPEN_DEAL',
  trial: 'IN_PROGRESS',
  converted: 'CONNECTED',
  lost: 'UNQUALIFIED',
}
export const LIFECYCLE_TO_LEAD_STATUS: Record<string, string> = {
  subscriber: 'new',
  lead: 'new',
  marketingqualifiedlead: 'contacted',
  salesqualifiedlead: 'qualified',
  opportunity: 'trial',
  other: 'lost',
}
