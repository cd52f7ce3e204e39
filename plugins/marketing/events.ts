import type { Config } from 'payload'
import { defineEvents } from '@/core'
import { marketingEventSchemas } from './contract'

/** The events the marketing plugin emits (declared in contract.ts). */
export const withMarketingEvents = (config: Config): Config => defineEvents(config, marketingEventSchemas)
