import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { automationLogsTable } from '../sql/automationsTable'

/** Ends an enrolment with a status and the reason (`result`). */
export const finishEnrolment = async (
  req: PayloadRequest,
  log: string,
  status: 'sent' | 'skipped' | 'failed',
  result: string,
): Promise<void> => {
  const l = automationLogsTable(req)
  await runSql(
    req,
    sql`UPDATE ${l} SET ${l.status} = ${status}, ${l.result} = ${result}, ${l.updatedAt} = now() WHERE ${l.id} = ${log}`,
  )
}

/** A send threw: the enrolment counts the attempt and fails with the last one (the job retries up to `maxAttempts`). */
export const countFailedAttempt = async (
  req: PayloadRequest,
  log: string,
  error: unknown,
  maxAttempts: number,
): Promise<void> => {
  const l = automationLogsTable(req)
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500)
  await runSql(
    req,
    sql`UPDATE ${l} SET ${l.retryCount} = coalesce(${l.retryCount}, 0) + 1, ${l.result} = ${reason},
               ${l.status} = CASE WHEN coalesce(${l.retryCount}, 0) + 1 >= ${maxAttempts} THEN 'failed' ELSE ${l.status} END,
               ${l.updatedAt} = now()
        WHERE ${l.id} = ${log}`,
  )
}
