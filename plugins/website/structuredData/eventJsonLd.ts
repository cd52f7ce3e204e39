import { isoInZone } from './isoInZone'
import { postalAddress, type AddressInput } from './postalAddress'
import { priceString } from './priceString'
import {
  SCHEMA_CONTEXT,
  type EventAttendanceModeEnumeration,
  type EventJsonLd,
  type Offer,
  type Place,
  type VirtualLocation,
  type WithContext,
} from './schemaOrg'

/** A class or an event as the site reads it, in plain data. */
export type EventInput = {
  name: string
  description?: string | null
  /** Stored UTC instants. */
  startTime: string | Date
  endTime?: string | Date | null
  /** The IANA zone of the location (else the tenant's): the offset of start and end dates. */
  timezone: string
  cancelled: boolean
  /** `in_person` (default), `virtual` or `hybrid`, as classes and events store it. */
  deliveryMode?: string | null
  /** Where it happens: a location (name and address) or free text; null when online only. */
  place?: { name?: string | null; address?: AddressInput; text?: string | null } | null
  /** Canonical URL of the event's page (also the VirtualLocation's URL: the join link is private). */
  url: string
  /** Integer minor units; null when it has no money price (credits only, or unknown). */
  price?: { amount: number; currency: string } | null
  /** Places left (null = no limit): 0 → SoldOut. */
  placesLeft?: number | null
  organizer?: { name: string; url?: string } | null
  performer?: string | null
  images?: string[]
}

const MODES: Record<string, EventAttendanceModeEnumeration> = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  virtual: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
}

const placeOf = (place: EventInput['place']): Place | null => {
  const address = postalAddress(place?.address)
  const name = place?.name?.trim() || place?.text?.trim() || undefined
  if (address) return { '@type': 'Place', ...(name ? { name } : {}), address }
  // Free text ("Central Park, north meadow") is all Atrium knows: Google accepts a text address.
  const text = place?.text?.trim()
  return text ? { '@type': 'Place', name: text, address: text } : null
}

/**
 * A class or event as a schema.org Event (Google requires name, startDate and location): dates
 * in the location's local time with its UTC offset, status, attendance mode from the delivery
 * mode, a Place and/or a VirtualLocation, an Offer in major units with availability from the
 * places left, and the organiser. Null when an in-person event has no known place.
 */
export const eventJsonLd = (input: EventInput): WithContext<EventJsonLd> | null => {
  const mode = MODES[input.deliveryMode ?? 'in_person'] ?? MODES.in_person
  const virtual: VirtualLocation = { '@type': 'VirtualLocation', url: input.url }
  const place = placeOf(input.place)
  let location: EventJsonLd['location']
  if (mode === MODES.virtual) location = virtual
  else if (mode === MODES.hybrid) location = place ? [place, virtual] : virtual
  else if (place) location = place
  else return null
  const node: WithContext<EventJsonLd> = {
    '@context': SCHEMA_CONTEXT,
    '@type': 'Event',
    name: input.name,
    startDate: isoInZone(input.startTime, input.timezone),
    eventStatus: input.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: place || mode !== MODES.hybrid ? mode : MODES.virtual,
    location,
    url: input.url,
  }
  if (input.endTime) node.endDate = isoInZone(input.endTime, input.timezone)
  if (input.description?.trim()) node.description = input.description.trim()
  if (input.price) {
    const offer: Offer = {
      '@type': 'Offer',
      price: priceString(input.price.amount, input.price.currency),
      priceCurrency: input.price.currency.toUpperCase(),
      availability:
        input.cancelled || (input.placesLeft != null && input.placesLeft <= 0)
          ? 'https://schema.org/SoldOut'
          : 'https://schema.org/InStock',
      url: input.url,
    }
    node.offers = offer
  }
  if (input.organizer?.name)
    node.organizer = {
      '@type': 'Organization',
      name: input.organizer.name,
      ...(input.organizer.url ? { url: input.organizer.url } : {}),
    }
  if (input.performer?.trim()) node.performer = { '@type': 'Person', name: input.performer.trim() }
  if (input.images?.length) node.image = input.images
  return node
}
