import type { PostalAddress } from './schemaOrg'

/** A stored address (the `address` group of `locations`). */
export type AddressInput = {
  line1?: string | null
  line2?: string | null
  city?: string | null
  region?: string | null
  postalCode?: string | null
  country?: string | null
} | null

const clean = (value: string | null | undefined) => (value ?? '').trim() || undefined

/** A stored address as a schema.org PostalAddress; null when it has no street and no city. */
export const postalAddress = (address: AddressInput | undefined): PostalAddress | null => {
  const street = [clean(address?.line1), clean(address?.line2)].filter(Boolean).join(', ') || undefined
  const locality = clean(address?.city)
  if (!street && !locality) return null
  const result: PostalAddress = { '@type': 'PostalAddress' }
  if (street) result.streetAddress = street
  if (locality) result.addressLocality = locality
  const region = clean(address?.region)
  if (region) result.addressRegion = region
  const postalCode = clean(address?.postalCode)
  if (postalCode) result.postalCode = postalCode
  const country = clean(address?.country)
  if (country) result.addressCountry = country.toUpperCase()
  return result
}
