export * from './startTestPayload'
export * from './factories'
export * from './httpClient'
export * from './useTestApp'
