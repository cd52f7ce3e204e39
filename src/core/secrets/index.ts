export * from './cipher'
export * from './encryptionKeys'
export * from './getSecret'
export * from './withSecrets'
