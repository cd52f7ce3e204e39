import type { Access, AccessArgs, Where } from 'payload'
import type { Role } from './roles'
import type { AccessUser } from './userTenants'
import { idOf } from './idOf'
import { isPlatformAdmin, isPlatformStaff, tenantsWithRole } from './userTenants'

type AccessResult = boolean | Where
type Fn = (args: AccessArgs) => AccessResult | Promise<AccessResult>

const userOf = (args: AccessArgs): AccessUser => args.req.user

/** Everyone, signed in or not. */
export const anyone: Access = () => true

/** No one through the API (system work uses the database adapter or jobs). */
export const nobody: Access = () => false

export const platformAdmin: Access = (args) => isPlatformAdmin(userOf(args))

/** Super admins and support: reading across tenants. */
export const platformStaff: Access = (args) => isPlatformStaff(userOf(args))

/**
 * Holders of `roles` in the document's tenant. On reads and updates this is a `tenant in [...]`
 * constraint; on create it checks the tenant of the incoming data.
 */
export const tenantRole =
  (roles: readonly Role[], field = 'tenant'): Fn =>
  (args) => {
    const user = userOf(args)
    if (isPlatformAdmin(user)) return true
    const ids = tenantsWithRole(user, roles)
    if (ids.length === 0) return false
    const data = (args as { data?: Record<string, unknown> }).data
    if (data && field in data) {
      const target = idOf(data[field])
      return Boolean(target && ids.includes(target))
    }
    return { [field]: { in: ids } }
  }

/** Rows whose `field` is the signed-in user. */
export const self =
  (field = 'user'): Fn =>
  (args) => {
    const user = userOf(args)
    return user ? { [field]: { equals: user.id } } : false
  }

/** Grants access when any rule does; constraints are OR-ed. */
export const or =
  (...rules: Fn[]): Fn =>
  async (args) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (result && typeof result === 'object') wheres.push(result)
    }
    if (wheres.length === 0) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }

/** Grants access only when every rule does; constraints are AND-ed. */
export const and =
  (...rules: Fn[]): Fn =>
  async (args) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === false) return false
      if (result && typeof result === 'object') wheres.push(result)
    }
    if (wheres.length === 0) return true
    return wheres.length === 1 ? wheres[0] : { and: wheres }
  }
