import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { materializeSeries } from './materializeSeries'
import { classSeriesTable } from '../operations/sql/classSeriesTable'

export const MATERIALIZE_TASK = 'materializeClassSeries'

/** Materialises every active series (or the one in `input.series`) `days` days ahead; daily and after each series edit. */
export const materializeClassSeriesTask = ({
  days,
  cron,
  queue,
}: {
  days: number
  cron: string
  queue: string
}): TaskConfig => ({
  slug: MATERIALIZE_TASK,
  label: 'Materialise class series',
  retries: 3,
  schedule: [{ cron, queue }],
  inputSchema: [
    { name: 'series', type: 'text' },
    { name: 'days', type: 'number' },
  ],
  outputSchema: [{ name: 'created', type: 'number' }],
  handler: async ({ input, req }) => {
    const { series, days: override } = (input ?? {}) as { series?: string; days?: number }
    const s = classSeriesTable(req)
    const ids = series
      ? [series]
      : (
          await runSql<{ id: string }>(
            req,
            sql`SELECT ${s.id} AS id FROM ${s.$table} WHERE ${s.status} IN ('active', 'ended')`,
          )
        ).map((r) => String(r.id))
    let created = 0
    for (const id of ids) created += (await materializeSeries(req, id, override ?? days)).created
    return { output: { created } }
  },
})
