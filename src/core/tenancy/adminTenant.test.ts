import { describe, expect, it } from 'vitest'
import { DESK_ROLES } from '../access/roles'
import { adminTenant } from './adminTenant'

const user = (tenants: { tenant: string; roles: string[] }[], platformRole = 'none') =>
  ({ id: 'u', collection: 'users', platformRole, tenants }) as never

describe('adminTenant', () => {
  it('takes the selected tenant only where the user is staff, else their only staff tenant', () => {
    const desk = user([
      { tenant: 'a', roles: ['front_desk'] },
      { tenant: 'm', roles: ['member'] },
    ])
    expect(adminTenant(desk, 'a', DESK_ROLES)).toEqual({ tenant: 'a', allowed: true })
    expect(adminTenant(desk, undefined, DESK_ROLES)).toEqual({ tenant: 'a', allowed: true })
    // A cookie naming a tenant where they are only a member, or a stranger's, is ignored.
    expect(adminTenant(desk, 'm', DESK_ROLES)).toEqual({ tenant: 'a', allowed: true })
    expect(adminTenant(desk, 'zzz', DESK_ROLES)).toEqual({ tenant: 'a', allowed: true })
  })

  it('needs a choice with two staff tenants and reports missing roles', () => {
    const both = user([
      { tenant: 'a', roles: ['front_desk'] },
      { tenant: 'b', roles: ['instructor'] },
    ])
    expect(adminTenant(both, null, DESK_ROLES)).toEqual({ tenant: null, allowed: false })
    expect(adminTenant(both, 'b', DESK_ROLES)).toEqual({ tenant: 'b', allowed: false })
    expect(adminTenant(both, 'b', ['instructor'])).toEqual({ tenant: 'b', allowed: true })
  })

  it('lets platform admins work in whichever tenant they selected', () => {
    const admin = user([], 'super_admin')
    expect(adminTenant(admin, 'x', DESK_ROLES)).toEqual({ tenant: 'x', allowed: true })
    expect(adminTenant(admin, undefined, DESK_ROLES)).toEqual({ tenant: null, allowed: false })
    expect(adminTenant(null, 'x', DESK_ROLES)).toEqual({ tenant: null, allowed: false })
  })
})
