export * from './roles'
export * from './idOf'
export * from './userTenants'
export * from './builders'
