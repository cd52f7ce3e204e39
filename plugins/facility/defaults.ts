import type { FacilityOptions, TrackmanOptions } from './types'

export const defaultOptions: Required<FacilityOptions> = {
  adminGroup: 'Facility',
  accessCodeLeadMinutes: 15,
  accessCodeGraceMinutes: 15,
  accessCodeDigits: 6,
  feeOrderHoldMinutes: 30,
  trackman: {},
}

export const defaultTrackmanOptions: Required<TrackmanOptions> = {
  reconcileCron: '0 30 3 * * *',
  reconcileDays: 14,
  timeoutMs: 5000,
  attempts: 3,
  webhookToleranceSeconds: 300,
  importMaxBytes: 512 * 1024,
  importBatchSize: 100,
}
