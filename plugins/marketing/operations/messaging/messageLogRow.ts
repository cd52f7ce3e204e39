import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { messageLogsTable } from '../sql/automationsTable'
import type { SkipReason } from './sendMessage'

export type MessageLogClaim = {
  tenant: string
  /** Exactly one of member and lead: who the message is for. */
  member?: string | null
  lead?: string | null
  recipient: string
  channel: string
  type: string
  subject: string | null | undefined
  body: string
  automationLog?: string | null
  step?: number | null
}

/**
 * Claims the message's log row before anything is sent: once per enrolment step (a second delivery
 * of the same step finds the row and gets null, unless the earlier attempt failed, which it takes
 * over). Returns the row's id.
 */
export const claimMessageLog = async (req: PayloadRequest, input: MessageLogClaim): Promise<string | null> => {
  const ml = messageLogsTable(req)
  const [claimed] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${ml} (${ml.tenant}, ${ml.member}, ${ml.lead}, ${ml.recipient}, ${ml.channel}, ${ml.direction}, ${ml.type}, ${ml.subject},
                           ${ml.body}, ${ml.status}, ${ml.automationLog}, ${ml.step}, ${ml.createdAt}, ${ml.updatedAt})
        VALUES (${input.tenant}, ${input.member ?? null}, ${input.lead ?? null}, ${input.recipient}, ${input.channel}, 'outbound',
                ${input.type}, ${input.subject}, ${input.body}, 'pending', ${input.automationLog ?? null}, ${input.step ?? null}, now(), now())
        ON CONFLICT (${sql.raw(ml.$column.automationLog)}, ${sql.raw(ml.$column.step)})
        DO UPDATE SET ${sql.raw(ml.$column.status)} = 'pending', ${sql.raw(ml.$column.updatedAt)} = now()
        WHERE ${ml}.${ml.status} = 'failed'
        RETURNING ${ml.id} AS id`,
  )
  return claimed?.id ?? null
}

/** Records how a claimed message ended: skipped (why), failed (the error, kept short) or sent. */
export const markMessageLog = async (
  req: PayloadRequest,
  id: string,
  outcome:
    | { status: 'skipped'; reason: SkipReason }
    | { status: 'failed'; error: string }
    | { status: 'sent'; provider: string; providerMessageId: string | null | undefined },
): Promise<void> => {
  const ml = messageLogsTable(req)
  const set =
    outcome.status === 'skipped'
      ? sql`${ml.status} = 'skipped', ${ml.reason} = ${outcome.reason}`
      : outcome.status === 'failed'
        ? sql`${ml.status} = 'failed', ${ml.errorMessage} = ${outcome.error.slice(0, 500)}`
        : sql`${ml.status} = 'sent', ${ml.provider} = ${outcome.provider}, ${ml.providerMessageId} = ${outcome.providerMessageId ?? null},
              ${ml.sentAt} = now(), ${ml.reason} = NULL, ${ml.errorMessage} = NULL`
  await runSql(req, sql`UPDATE ${ml} SET ${set}, ${ml.updatedAt} = now() WHERE ${ml.id} = ${id}`)
}
