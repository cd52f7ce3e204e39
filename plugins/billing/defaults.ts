import type { BillingOptions } from './types'

export const defaultBillingOptions: Required<BillingOptions> = {
  renewCron: '0 30 2 * * *',
  queue: 'default',
}
