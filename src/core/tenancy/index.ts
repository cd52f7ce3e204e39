export * from './tenantScoped'
export * from './tenancyPlugin'
export * from './syncUserTenants'
export * from './resolveTenant'
