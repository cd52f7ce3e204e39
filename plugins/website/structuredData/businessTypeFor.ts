import type { LocalBusinessType } from './schemaOrg'

/** What tells a tenant's kind of business apart (tenants have no "kind" field). */
export type BusinessSignals = {
  /** The tenant's (or location's) name, e.g. "Fairway Golf & Wellness Club". */
  name: string
  /** The tenant has bookable facility resources (bays, courts): a golf or sports club. */
  hasFacilityResources?: boolean
  /** An explicit choice (e.g. from the tenant's SEO settings) wins over the guess. */
  explicit?: LocalBusinessType | null
}

const SPORTS =
  /\b(golf|tennis|padel|squash|climb\w*|boulder\w*|martial|karate|judo|jiu[- ]?jitsu|bjj|taekwondo|kickbox\w*|boxing|mma|dojo|swim\w*|sport\w*)\b/i
const WELLNESS = /\b(wellness|spa|sauna|health|massage|therap\w*|recovery)\b/i

/**
 * The schema.org LocalBusiness subtype(s) of a tenant's locations: a club with bookable bays or
 * courts, or a sport / martial-arts name → SportsActivityLocation (with HealthClub when it is
 * also a wellness club, e.g. "Golf & Wellness"); a wellness, spa or health name → HealthClub;
 * anything else (yoga, pilates, fitness studios) → ExerciseGym.
 */
export const businessTypeFor = ({
  name,
  hasFacilityResources,
  explicit,
}: BusinessSignals): LocalBusinessType | LocalBusinessType[] => {
  if (explicit) return explicit
  const sports = Boolean(hasFacilityResources) || SPORTS.test(name)
  const wellness = WELLNESS.test(name)
  if (sports && wellness) return ['SportsActivityLocation', 'HealthClub']
  if (sports) return 'SportsActivityLocation'
  if (wellness) return 'HealthClub'
  return 'ExerciseGym'
}
