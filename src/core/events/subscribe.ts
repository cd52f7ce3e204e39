import type { Config } from 'payload'
import type { Subscriber } from './types'

/**
 * Adds subscribers to a config (use inside a plugin). Each handler gets the typed event of the
 * type it names (`event: '*'` gets any event).
 */
export const subscribe = (config: Config, ...subscribers: Subscriber[]): Config => {
  const existing = subscribersOf(config.custom)
  for (const subscriber of subscribers) {
    if (existing.some((s) => s.name === subscriber.name)) {
      throw new Error(`Event subscriber "${subscriber.name}" is registered twice`)
    }
  }
  return { ...config, custom: { ...config.custom, subscribers: [...existing, ...subscribers] } }
}

export const subscribersOf = (custom: Record<string, unknown> | undefined): Subscriber[] =>
  (custom?.subscribers as Subscriber[] | undefined) ?? []
