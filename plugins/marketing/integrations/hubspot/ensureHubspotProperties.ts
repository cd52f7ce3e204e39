import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/properties'
import { hubspotErrorOf, type HubspotApi } from './hubspotApi'

/** A custom property the sync writes: its object type, name, label, and whether HubSpot keeps it unique. */
export type HubspotPropertyDef = { objectType: string; name: string; label: string; unique: boolean }

/**
 * The custom properties the sync needs (see README "HubSpot"): the unique ids it upserts on
 * (`atrium_member_id` on contacts, `atrium_deal_id`, `atrium_line_item_id`, `atrium_meeting_id`)
 * and the plain ones it fills (`atrium_lead_id`, `atrium_member_status`). Single-line text.
 */
export const HUBSPOT_PROPERTIES: HubspotPropertyDef[] = [
  { objectType: 'contacts', name: 'atrium_member_id', label: 'Atrium member id', unique: true },
  { objectType: 'contacts', name: 'atrium_lead_id', label: 'Atrium lead id', unique: false },
  { objectType: 'contacts', name: 'atrium_member_status', label: 'Atrium member status', unique: false },
  { objectType: 'deals', name: 'atrium_deal_id', label: 'Atrium deal id', unique: true },
  { objectType: 'line_items', name: 'atrium_line_item_id', label: 'Atrium line item id', unique: true },
  { objectType: 'meetings', name: 'atrium_meeting_id', label: 'Atrium meeting id', unique: true },
]

/** The group HubSpot files a new property under, per object type (each portal has these defaults). */
const GROUP_OF: Record<string, string> = {
  contacts: 'contactinformation',
  deals: 'dealinformation',
  line_items: 'lineiteminformation',
  meetings: 'engagement',
}

export type EnsuredProperties = { created: string[]; existing: string[] }

/**
 * Makes sure the portal has the sync's custom properties, idempotently: each is read
 * (`GET /crm/v3/properties/{objectType}/{name}`) and only a missing one (404) is created
 * (`POST /crm/v3/properties/{objectType}`, `hasUniqueValue` for the ids); a 409 from the create
 * (another worker created it in between) counts as existing. Any other failure throws (the caller
 * notes it on the connection and the job retries). Every request takes a token of the connection's
 * shared bucket like the sync's.
 */
export const ensureHubspotProperties = async (
  api: HubspotApi,
  properties: HubspotPropertyDef[] = HUBSPOT_PROPERTIES,
): Promise<EnsuredProperties> => {
  const result: EnsuredProperties = { created: [], existing: [] }
  for (const def of properties) {
    const key = `${def.objectType}.${def.name}`
    const found = await api
      .call((client) => client.crm.properties.coreApi.getByName(def.objectType, def.name))
      .then(
        () => true,
        (error: unknown) => {
          if (hubspotErrorOf(error).status === 404) return false
          throw error
        },
      )
    if (found) {
      result.existing.push(key)
      continue
    }
    const created = await api
      .call((client) =>
        client.crm.properties.coreApi.create(def.objectType, {
          name: def.name,
          label: def.label,
          type: PropertyCreateTypeEnum.String,
          fieldType: PropertyCreateFieldTypeEnum.Text,
          groupName: GROUP_OF[def.objectType] ?? `${def.objectType}information`,
          hasUniqueValue: def.unique,
          description: 'Written by Atrium’s HubSpot sync.',
        }),
      )
      .then(
        () => true,
        (error: unknown) => {
          if (hubspotErrorOf(error).status === 409) return false
          throw error
        },
      )
    if (created) result.created.push(key)
    else result.existing.push(key)
  }
  return result
}
