export * from './tenantScoped'
export * from './tenancyPlugin'
export * from './syncUserTenants'
export * from './resolveTenant'
export * from './adminTenant'
export * from './anonymiseMembership' // mkt_rest: GDPR erasure
