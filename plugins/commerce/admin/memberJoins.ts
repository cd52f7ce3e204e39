import type { Config } from 'payload'
import { withMemberJoins } from '@/core'

/** A member's credits and orders on their page in the admin. */
export const withMemberCommerce = (config: Config): Config =>
  withMemberJoins(config, [
    {
      name: 'creditLots',
      label: 'Credits',
      collection: 'credit-lots',
      defaultSort: 'expiresAt',
      defaultColumns: ['creditType', 'remainingCredits', 'initialCredits', 'expiresAt'],
    },
    {
      name: 'orders',
      label: 'Orders',
      collection: 'orders',
      defaultColumns: ['number', 'total', 'status', 'channel', 'purchasedAt'],
    },
  ])
