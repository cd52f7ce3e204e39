import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { redisClientOf } from '../auth/redisClientOf'
import { postgresAdapterOf } from './postgresAdapterOf'
import { runSql } from './sqlFor'

export type BusHandler = (message: string) => void
export type BusSubscription = {
  /** Called with each message another process published on the channel. */
  onMessage: BusHandler
  /** Called when messages may have been missed (the listening connection was lost and is back). */
  onGap?: () => void
}

export type ProcessBus = {
  /** Sends `message` to the other processes on the same database (or Redis); not to this one. */
  publish: (channel: string, message: string) => void
  subscribe: (channel: string, subscription: BusSubscription) => void
  close: () => Promise<void>
}

/** One physical channel (a PostgreSQL NOTIFY channel, or a Redis pub/sub channel) carries every bus channel. */
const WIRE = 'atrium_bus'
const RETRY_MS = 1_000
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const BUS_MESSAGE_MAX = 7_000

const buses = new WeakMap<Payload, ProcessBus>()

/**
 * Best-effort messages between the processes of one deployment (web replicas and the jobs worker):
 * Redis pub/sub when the Redis KV adapter is configured (REDIS_URL), else PostgreSQL LISTEN/NOTIFY
 * on the app's database (one connection of Payload's pool kept for LISTEN). For dropping in-memory
 * caches after a commit, never for work that must happen: a message can be lost while a connection
 * is down, which subscribers learn through `onGap`. One bus per Payload instance, opened on first
 * use and closed with Payload's database (`payload.destroy()`).
 */
export const processBus = (payload: Payload): ProcessBus => {
  let bus = buses.get(payload)
  if (!bus) {
    bus = openBus(payload)
    buses.set(payload, bus)
  }
  return bus
}

const openBus = (payload: Payload): ProcessBus => {
  const origin = randomUUID()
  const subscriptions = new Map<string, BusSubscription[]>()
  let closed = false
  const log = (msg: string, err?: unknown) => payload.logger.warn({ err, msg: `process bus: ${msg}` })

  const deliver = (text: string) => {
    const [from, channel, ...rest] = text.split('\t')
    if (from === origin) return
    const message = rest.join('\t')
    for (const s of subscriptions.get(channel) ?? []) s.onMessage(message)
  }
  const gap = () => {
    for (const list of subscriptions.values()) for (const s of list) s.onGap?.()
  }

  const redis = redisClientOf(payload.kv)
  let stopListening = async () => undefined as void
  let listening = false
  const listen = () => {
    if (listening || closed) return
    listening = true
    if (redis) {
      const subscriber = redis.duplicate()
      let ready = false
      subscriber.on('message', (_channel: string, text: string) => deliver(text))
      subscriber.on('error', (err: unknown) => log('redis subscriber error', err))
      subscriber.on('ready', () => {
        if (ready) gap() // reconnected: ioredis re-subscribes, but what was sent meanwhile is lost
        ready = true
      })
      // What subscribers kept before the subscription was live may have missed a message.
      void subscriber.subscribe(WIRE).then(gap, (err: unknown) => log('subscribe failed', err))
      stopListening = async () => {
        await subscriber.quit().catch(() => subscriber.disconnect())
      }
      return
    }
    const pool = postgresAdapterOf(payload).pool
    let client: { query: (text: string) => Promise<unknown>; release: (err?: Error) => void } | undefined
    let retry: NodeJS.Timeout | undefined
    const connect = async () => {
      if (closed) return
      try {
        const c = await pool.connect()
        client = c
        c.on('notification', (n) => n.payload && deliver(n.payload))
        c.on('error', (err) => {
          log('listening connection lost', err)
          if (client === c) client = undefined
          c.release(err)
          retry = setTimeout(() => void connect(), RETRY_MS)
          retry.unref()
        })
        await c.query(`LISTEN ${WIRE}`)
        gap() // what subscribers kept before LISTEN was live (or while it was down) may be stale
      } catch (err) {
        if (closed) return
        log('cannot listen', err)
        retry = setTimeout(() => void connect(), RETRY_MS)
        retry.unref()
      }
    }
    void connect()
    stopListening = async () => {
      clearTimeout(retry)
      const c = client
      client = undefined
      if (c) {
        await c.query(`UNLISTEN ${WIRE}`).catch(() => undefined)
        c.release()
      }
    }
  }

  // Close with the database: Payload's destroy() ends the adapter, and the pool must not wait on our client.
  const db = payload.db
  const destroy = db.destroy?.bind(db)
  db.destroy = async () => {
    await bus.close()
    await destroy?.()
  }

  const bus: ProcessBus = {
    publish(channel, message) {
      if (closed) return
      const text = `${origin}\t${channel}\t${message}`
      if (redis) {
        void redis.publish(WIRE, text).catch((err: unknown) => log('publish failed', err))
        return
      }
      void runSql({ payload, transactionID: undefined }, sql`SELECT pg_notify(${WIRE}, ${text})`).catch((err) =>
        log('publish failed', err),
      )
    },
    subscribe(channel, subscription) {
      subscriptions.set(channel, [...(subscriptions.get(channel) ?? []), subscription])
      listen()
    },
    async close() {
      if (closed) return
      closed = true
      buses.delete(payload)
      await stopListening()
    },
  }
  return bus
}
