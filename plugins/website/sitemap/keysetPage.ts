import type { SitemapContext, SitemapEntry } from './types'

type Row = { id: string; entry: SitemapEntry }

/**
 * Offset pages read by keyset where possible: a call that continues the previous one (same
 * provider, `offset` = where it stopped) passes the last id as `after` (an index range scan),
 * any other call falls back to `OFFSET` once. Rows must come ordered by `id`.
 */
export const keysetPage = async (
  ctx: SitemapContext,
  name: string,
  offset: number,
  limit: number,
  read: (after: string | null, offset: number, limit: number) => Promise<Row[]>,
): Promise<SitemapEntry[]> => {
  const key = `keyset:${name}`
  const last = ctx.memo.get(key) as { offset: number; id: string } | undefined
  const rows = last && last.offset === offset ? await read(last.id, 0, limit) : await read(null, offset, limit)
  if (rows.length) ctx.memo.set(key, { offset: offset + rows.length, id: rows[rows.length - 1].id })
  return rows.map((row) => row.entry)
}
