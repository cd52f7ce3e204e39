export * from './types'
export * from './emit'
export * from './subscribe'
export * from './deliverEventTask'
