import type { CollectionConfig, Config, Payload, SanitizedConfig } from 'payload'

export type TenantScopeOptions = {
  /** Anyone may read documents of this collection (public site content). Writes stay staff-only. */
  publicRead?: boolean
  /** One document per tenant (tenant-settings). */
  isGlobal?: boolean
  /**
   * Data for one valid document, used by the isolation grid when it cannot make one from the
   * field definitions alone (unique or cross-field rules). Receives ids made in the same tenant.
   */
  isolationFixture?: (ctx: {
    tenant: string
    member: string
    user: string
    payload: Payload
  }) => Record<string, unknown> | Promise<Record<string, unknown>>
}

export type TenantScope = TenantScopeOptions & { slug: string }

/**
 * Marks a collection as tenant-scoped: the tenancy plugin (last in the list) adds the `tenant`
 * field, admin tenant filtering and the isolation grid covers it.
 */
export const tenantScoped = (collection: CollectionConfig, options: TenantScopeOptions = {}): CollectionConfig => ({
  ...collection,
  custom: { ...collection.custom, tenantScope: options },
})

/** The tenant-scoped collections of a config, in order. */
export const tenantScopes = (config: Config | SanitizedConfig): TenantScope[] =>
  (config.collections ?? [])
    .filter((collection) => collection.custom?.tenantScope)
    .map((collection) => ({
      slug: collection.slug,
      ...(collection.custom?.tenantScope as TenantScopeOptions),
    }))
