import { defineSqlTable } from '@/core'

/** `class-series` as the materialise job reads it. */
export const classSeriesTable = defineSqlTable('class-series', { id: 'id', status: 'status' })
