import type { Config } from 'payload'
import type { Subscriber } from './types'

/** Adds subscribers to a config (use inside a plugin). */
export const subscribe = (config: Config, ...subscribers: Subscriber[]): Config => {
  const existing = (config.custom?.subscribers as Subscriber[] | undefined) ?? []
  for (const subscriber of subscribers) {
    if (existing.some((s) => s.name === subscriber.name)) {
      throw new Error(`Event subscriber "${subscriber.name}" is registered twice`)
    }
  }
  return { ...config, custom: { ...config.custom, subscribers: [...existing, ...subscribers] } }
}

export const subscribersOf = (custom: Record<string, unknown> | undefined): Subscriber[] =>
  (custom?.subscribers as Subscriber[] | undefined) ?? []
