import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import webpush from 'web-push'
import { decryptSecret, encryptSecret, getEnv, runSql, secretKeyId } from '@/core'
import { encryptedSecretsTable } from '../sql/encryptedSecretsTable'

export type VapidKeys = { publicKey: string; privateKey: string; subject: string }

/** Where the generated pair is kept (core's encrypted secret store). */
export const GENERATED_VAPID = {
  ownerCollection: 'push-subscriptions',
  ownerId: 'platform',
  field: 'vapidKeys',
} as const

/** `VAPID_SUBJECT`, else the platform's https URL, else the address of MAIL_FROM as a `mailto:`. */
const subjectOf = (): string => {
  const env = getEnv()
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT
  if (env.SERVER_URL.startsWith('https://')) return env.SERVER_URL
  const address = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim()
  return `mailto:${address}`
}

const generated = new WeakMap<Payload, Promise<{ publicKey: string; privateKey: string }>>()

/**
 * The generated pair: read from the secret store, or made once (`INSERT … ON CONFLICT DO NOTHING`,
 * then read back, so concurrent first calls of several processes agree on one pair). Outside any
 * request transaction: the pair outlives a rolled-back request.
 */
const generatedPair = async (payload: Payload) => {
  const s = encryptedSecretsTable(payload)
  const q = { payload, transactionID: undefined }
  const where = sql`${s.ownerCollection} = ${GENERATED_VAPID.ownerCollection} AND ${s.ownerId} = ${GENERATED_VAPID.ownerId}
                    AND ${s.field} = ${GENERATED_VAPID.field}`
  const read = async () => {
    const [row] = await runSql<{ envelope: string }>(q, sql`SELECT ${s.envelope} AS envelope FROM ${s} WHERE ${where}`)
    return row ? decryptSecret<{ publicKey: string; privateKey: string }>(row.envelope) : null
  }
  const existing = await read()
  if (existing) return existing
  const envelope = encryptSecret(webpush.generateVAPIDKeys())
  await runSql(
    q,
    sql`INSERT INTO ${s} (${s.ownerCollection}, ${s.ownerId}, ${s.field}, ${s.envelope}, ${s.keyId}, ${s.createdAt}, ${s.updatedAt})
        VALUES (${GENERATED_VAPID.ownerCollection}, ${GENERATED_VAPID.ownerId}, ${GENERATED_VAPID.field}, ${envelope},
                ${secretKeyId(envelope)}, now(), now())
        ON CONFLICT DO NOTHING`,
  )
  const kept = await read()
  if (!kept) throw new Error('The generated VAPID key pair could not be stored.')
  return kept
}

/**
 * The application server's VAPID keys: `VAPID_PUBLIC_KEY` / `VAPID_PRIVATE_KEY` when set, else a
 * pair generated once and kept encrypted in the database (so the embedded default works offline
 * and every process of one database signs with the same key).
 */
export const vapidKeys = async (payload: Payload): Promise<VapidKeys> => {
  const env = getEnv()
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: subjectOf() }
  let pair = generated.get(payload)
  if (!pair) {
    pair = generatedPair(payload)
    generated.set(payload, pair)
    pair.catch(() => generated.delete(payload))
  }
  return { ...(await pair), subject: subjectOf() }
}
