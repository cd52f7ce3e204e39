import type { AdminViewServerProps } from 'payload'
import { adminTenant, TENANT_COOKIE, type Role } from '@/core'

/** The tenant a staff screen works on (tenant selector) and whether the user holds one of `roles` there. */
export const staffTenant = (view: AdminViewServerProps, roles: readonly Role[]) =>
  adminTenant(view.initPageResult.req.user, view.initPageResult.cookies.get(TENANT_COOKIE), roles)

export const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? ''
