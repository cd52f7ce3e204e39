import { postalAddress, type AddressInput } from './postalAddress'
import {
  SCHEMA_CONTEXT,
  type LocalBusiness,
  type LocalBusinessType,
  type OpeningHoursSpecification,
  type WithContext,
} from './schemaOrg'

export type LocalBusinessInput = {
  type: LocalBusinessType | LocalBusinessType[]
  name: string
  address: AddressInput
  /** Canonical URL of the page that describes the location (the site's home or its location page). */
  url?: string
  /** A stable id for the node (e.g. `<url>#location-<id>`). */
  id?: string
  geo?: { latitude: number; longitude: number } | null
  openingHours?: Omit<OpeningHoursSpecification, '@type'>[] | null
  telephone?: string | null
  email?: string | null
  images?: string[]
  organization?: { name: string; url?: string } | null
}

/**
 * A location as ExerciseGym / HealthClub / SportsActivityLocation (Google requires name and
 * address). Null when the address has neither street nor city: no markup beats a wrong one.
 */
export const localBusinessJsonLd = (input: LocalBusinessInput): WithContext<LocalBusiness> | null => {
  const address = postalAddress(input.address)
  if (!address || !input.name.trim()) return null
  const node: WithContext<LocalBusiness> = {
    '@context': SCHEMA_CONTEXT,
    '@type': input.type,
    name: input.name,
    address,
  }
  if (input.id) node['@id'] = input.id
  if (input.url) node.url = input.url
  if (
    input.geo &&
    Number.isFinite(input.geo.latitude) &&
    Number.isFinite(input.geo.longitude) &&
    Math.abs(input.geo.latitude) <= 90 &&
    Math.abs(input.geo.longitude) <= 180
  )
    node.geo = { '@type': 'GeoCoordinates', latitude: input.geo.latitude, longitude: input.geo.longitude }
  if (input.openingHours?.length)
    node.openingHoursSpecification = input.openingHours.map((spec) => ({
      '@type': 'OpeningHoursSpecification',
      ...spec,
    }))
  if (input.telephone?.trim()) node.telephone = input.telephone.trim()
  if (input.email?.trim()) node.email = input.email.trim()
  if (input.images?.length) node.image = input.images
  if (input.organization?.name)
    node.parentOrganization = {
      '@type': 'Organization',
      name: input.organization.name,
      ...(input.organization.url ? { url: input.organization.url } : {}),
    }
  return node
}
