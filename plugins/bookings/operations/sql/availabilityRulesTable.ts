import { defineSqlTable } from '@/core'

/** `availability-rules`: when a provider works (or does not), as the bookings plugin's raw SQL reads it. */
export const availabilityRulesTable = defineSqlTable('availability-rules', {
  provider: 'provider',
  kind: 'kind',
  weekday: 'weekday',
  startLocal: 'startLocal',
  endLocal: 'endLocal',
  timezone: 'timezone',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
})
