import type { Payload } from 'payload'
import { BUS_MESSAGE_MAX, processBus } from '@/core'
import { scheduleCache } from './scheduleCache'

const CHANNEL = 'schedule'
/** Changes are gathered this long and sent as one message per batch of tenants. */
const BATCH_MS = 25

const watching = new WeakSet<Payload>()
const pending = new Map<Payload, Set<string>>()

/**
 * Keeps this process's schedule cache in step with the other processes' writes: each tenant
 * another process announces is dropped, and the whole cache when messages may have been lost.
 * Called by the schedule endpoint, so only processes that serve the schedule listen.
 */
export const watchScheduleChanges = (payload: Payload): void => {
  if (watching.has(payload)) return
  watching.add(payload)
  processBus(payload).subscribe(CHANNEL, {
    onMessage: (message) => message.split(',').forEach((tenant) => scheduleCache.invalidate(tenant)),
    onGap: () => scheduleCache.clear(),
  })
}

/** Tells the other processes that `tenant`'s schedule changed (batched: one message per 25 ms at most). */
export const announceScheduleChange = (payload: Payload, tenant: string): void => {
  let tenants = pending.get(payload)
  if (tenants) {
    tenants.add(tenant)
    return
  }
  pending.set(payload, (tenants = new Set([tenant])))
  setTimeout(() => {
    pending.delete(payload)
    const bus = processBus(payload)
    let message = ''
    for (const t of tenants) {
      if (message && message.length + t.length + 1 > BUS_MESSAGE_MAX) {
        bus.publish(CHANNEL, message)
        message = ''
      }
      message = message ? `${message},${t}` : t
    }
    bus.publish(CHANNEL, message)
  }, BATCH_MS).unref()
}
