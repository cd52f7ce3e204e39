import type { CommerceOptions } from './types'

export const defaultCommerceOptions: Required<CommerceOptions> = {
  expireCreditsCron: '0 15 3 * * *',
  expireOrdersCron: '0 * * * * *',
  queue: 'default',
}
