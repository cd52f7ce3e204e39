import type { MarketingOptions } from './types'

export const defaultOptions: Required<Omit<MarketingOptions, 'smsAdapter'>> & Pick<MarketingOptions, 'smsAdapter'> = {
  adminGroup: 'Marketing',

  // ---- Automations and messaging ----
  quietHours: { start: '21:00', end: '08:00' },
  frequencyCap: 5,
  timeTriggersCron: '0 * * * *',
  smsAdapter: undefined,
  // ---- /Automations and messaging ----
}
