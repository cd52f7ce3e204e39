import { defineSqlTable } from '@/core'

/** The `platformFeeBps` override billing adds to core's `tenants` (`platformFeeField`). */
export const tenantFeeTable = defineSqlTable('tenants', { id: 'id', platformFeeBps: 'platformFeeBps' })

/** Core's `platform-config` as the fee lookup reads it (key `billing.platformFeeBps`). */
export const platformConfigTable = defineSqlTable('platform-config', { key: 'key', value: 'value', enabled: 'enabled' })
