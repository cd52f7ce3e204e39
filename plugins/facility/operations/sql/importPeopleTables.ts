import { defineSqlTable } from '@/core'

/** What matching an imported row to a member reads of `tenant-memberships`. */
export const importMembershipsTable = defineSqlTable(
  'tenant-memberships',
  {
    id: 'id',
    tenant: 'tenant',
    user: 'user',
    status: 'status',
    displayName: 'profile.displayName',
    phone: 'profile.phone',
  },
  { enums: ['status'] },
)

/** What matching an imported row to a member reads of `users`. */
export const importUsersTable = defineSqlTable('users', { id: 'id', email: 'email', name: 'name', phone: 'phone' })
