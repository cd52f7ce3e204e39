import type { Plugin } from 'payload'
import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { isPlatformAdmin } from '../access/userTenants'
import { sameTenantRelations } from './sameTenantRelations'
import { tenantScopes } from './tenantScoped'

/**
 * The last plugin: configures `@payloadcms/plugin-multi-tenant` from every collection marked
 * with `tenantScoped`, so a plugin that adds a tenant-scoped collection needs no edit here.
 */
export const tenancyPlugin = (): Plugin => (config) => {
  const scopes = tenantScopes(config)
  const withTenants = multiTenantPlugin({
    tenantsSlug: 'tenants',
    userHasAccessToAllTenants: (user) => isPlatformAdmin(user),
    tenantsArrayField: { includeDefaultField: false },
    tenantField: {
      access: {
        // A document never moves between tenants.
        update: ({ req }) => isPlatformAdmin(req.user),
      },
    },
    // Staff manage tenants through their own access rules (owners edit their tenant).
    useTenantsCollectionAccess: false,
    useTenantsListFilter: true,
    cleanupAfterTenantDelete: false,
    collections: Object.fromEntries(scopes.map((scope) => [scope.slug, { isGlobal: scope.isGlobal ?? false }])),
  })(config)
  return sameTenantRelations(
    withTenants as typeof config,
    scopes.map((scope) => scope.slug),
  )
}
