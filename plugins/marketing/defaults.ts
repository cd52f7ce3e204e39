import type { MarketingOptions } from './types'

export const defaultOptions: Required<MarketingOptions> = {
  adminGroup: 'Marketing',
}
