export * from './startTestPayload'
export * from './factories'
export * from './httpClient'
