import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { runSql } from '@/core'
import { sitemapEventsTable } from './sql/sitemapEventsTable'

/**
 * Inserts `count` published upcoming events of a tenant in ONE `generate_series` statement (not
 * through Payload): test and bench data for sitemaps beyond 50,000 URLs. Titles carry `&` and `<`
 * to exercise escaping. Returns the number inserted.
 */
export const seedSitemapRows = async (payload: Payload, tenantId: string, count: number): Promise<number> => {
  const e = sitemapEventsTable(payload)
  const rows = await runSql<{ n: string }>(
    { payload },
    sql`WITH inserted AS (
          INSERT INTO ${e} (${e.tenant}, ${e.title}, ${e.status}, ${e.startTime}, ${e.endTime}, ${e.updatedAt})
          SELECT ${tenantId}::uuid, 'Open day #' || g || ' & <friends>', ${'published'}::${e.$enum.status},
                 now() + interval '30 days' + g * interval '1 minute',
                 now() + interval '30 days' + g * interval '1 minute' + interval '1 hour',
                 now() - g * interval '1 second'
          FROM generate_series(1, ${count}::int) AS g
          RETURNING 1)
        SELECT count(*) AS n FROM inserted`,
  )
  return Number(rows[0]?.n ?? 0)
}
