import { defineSqlTable } from '@/core'

/** `day-passes` as the facility plugin's raw SQL uses it. */
export const dayPassesTable = defineSqlTable(
  'day-passes',
  {
    id: 'id',
    tenant: 'tenant',
    name: 'name',
    order: 'order',
    unit: 'unit',
    product: 'product',
    member: 'member',
    guest: 'guest',
    status: 'status',
    usedAt: 'usedAt',
    usedOn: 'usedOn',
    checkIn: 'checkIn',
    voidedAt: 'voidedAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
