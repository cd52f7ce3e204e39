import type { RedisKVAdapter } from '@payloadcms/kv-redis'
import type { KVAdapter } from 'payload'

const isRedisKV = (kv: KVAdapter): kv is RedisKVAdapter => 'redisClient' in kv

/** The Redis client behind Payload's KV store when it is the Redis adapter (rate limits use it directly), else undefined. */
export const redisClientOf = (kv: KVAdapter): RedisKVAdapter['redisClient'] | undefined =>
  isRedisKV(kv) ? kv.redisClient : undefined
