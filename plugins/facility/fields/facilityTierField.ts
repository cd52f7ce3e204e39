import type { Field } from 'payload'

/** ⊕ tenant-memberships: the member's tier at the club (prices and booking window). */
export const facilityTierField = (): Field => ({
  name: 'facilityTier',
  label: 'Facility tier',
  type: 'relationship',
  relationTo: 'facility-tiers',
  admin: { position: 'sidebar', description: 'Prices and booking window at the club’s resources.' },
})
