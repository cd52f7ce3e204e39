import type { FacilityOptions } from './types'

export const defaultOptions: Required<FacilityOptions> = {
  adminGroup: 'Facility',
  accessCodeLeadMinutes: 15,
  accessCodeGraceMinutes: 15,
  accessCodeDigits: 6,
}
