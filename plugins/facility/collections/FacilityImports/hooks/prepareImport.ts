import type { CollectionBeforeChangeHook } from 'payload'
import { facilityZone } from '../../../operations/facilityZone'
import { checkImportFile } from '../../../trackman/import/checkImportFile'

const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : value ? String(value) : null

/**
 * A new import's file is read before it is saved — 413 `file_too_large` over `maxBytes`, 400
 * `invalid_csv` / `missing_columns` naming what is missing — and the import starts `queued` with
 * its row count, zeroed counts and the club's zone.
 */
export const prepareImport =
  (options: { maxBytes: number }): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const { rows } = checkImportFile(String(data.csv ?? ''), options)
    const tenant = idOf(data.tenant)
    return {
      ...data,
      status: 'queued',
      totalRows: rows.length,
      processed: 0,
      created: 0,
      unchanged: 0,
      unmatched: 0,
      overlapping: 0,
      errors: 0,
      error: null,
      finishedAt: null,
      zone: tenant ? await facilityZone(req, { tenant }) : null,
      uploadedBy: data.uploadedBy ?? (req.user?.collection === 'users' ? req.user.id : null),
    }
  }
