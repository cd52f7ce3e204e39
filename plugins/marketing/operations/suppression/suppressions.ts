import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { suppressionsTable } from './sql/suppressionSqlTables'

export type SuppressionChannel = 'email' | 'sms'
export type SuppressionReason = 'hard_bounce' | 'complaint' | 'sms_opt_out' | 'sms_undeliverable' | 'manual'

/** The form an address is kept and compared in: e-mail trimmed and lower-cased; a phone `+` and its digits. */
export const normaliseAddress = (channel: SuppressionChannel, address: string) =>
  channel === 'email' ? address.trim().toLowerCase() : `+${address.replace(/\D/g, '')}`

/** Whether the tenant suppresses this address on the channel (channels other than email and SMS have no suppressions). */
export const isSuppressed = async (
  req: PayloadRequest,
  tenant: string,
  channel: string,
  address: string,
): Promise<boolean> => {
  if (channel !== 'email' && channel !== 'sms') return false
  const s = suppressionsTable(req)
  const rows = await runSql(
    req,
    sql`SELECT 1 FROM ${s} WHERE ${s.tenant} = ${tenant} AND ${s.channel} = ${channel}::${s.$enum.channel}
          AND ${s.address} = ${normaliseAddress(channel, address)} LIMIT 1`,
  )
  return rows.length > 0
}

/** Adds the address to the tenant's suppressions, once (a second report changes nothing). True when it was added. */
export const suppress = async (
  req: PayloadRequest,
  input: {
    tenant: string
    channel: SuppressionChannel
    address: string
    reason: SuppressionReason
    detail?: string | null
    messageLog?: string | null
  },
): Promise<boolean> => {
  const s = suppressionsTable(req)
  const rows = await runSql(
    req,
    sql`INSERT INTO ${s} (${s.tenant}, ${s.channel}, ${s.address}, ${s.reason}, ${s.detail}, ${s.messageLog}, ${s.createdAt}, ${s.updatedAt})
        VALUES (${input.tenant}, ${input.channel}::${s.$enum.channel}, ${normaliseAddress(input.channel, input.address)},
                ${input.reason}::${s.$enum.reason}, ${input.detail?.slice(0, 500) ?? null}, ${input.messageLog ?? null}, now(), now())
        ON CONFLICT (${sql.raw(s.$column.tenant)}, ${sql.raw(s.$column.channel)}, ${sql.raw(s.$column.address)}) DO NOTHING
        RETURNING ${s.id}`,
  )
  return rows.length > 0
}

/** Lifts the tenants' SMS suppressions of a number (the member texted START: the handset is reachable and wants texts). */
export const liftSmsSuppressions = async (req: PayloadRequest, tenants: string[], phone: string): Promise<number> => {
  if (tenants.length === 0) return 0
  const s = suppressionsTable(req)
  const rows = await runSql(
    req,
    sql`DELETE FROM ${s} WHERE ${s.channel} = 'sms' AND ${s.address} = ${normaliseAddress('sms', phone)}
          AND ${s.tenant} = ANY(${`{${tenants.join(',')}}`}::uuid[]) RETURNING ${s.id}`,
  )
  return rows.length
}
