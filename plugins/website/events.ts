import type { Config } from 'payload'
import { defineEvents } from '@/core'
import { websiteEventSchemas } from './contract'

/** The events the website plugin emits (declared in contract.ts); it subscribes to none. */
export const withWebsiteEvents = (config: Config): Config => defineEvents(config, websiteEventSchemas)
