import type { PayloadRequest } from 'payload'
import { assertImportStaff } from './importStaff'
import { checkImportFile } from './checkImportFile'
import { startImportInput, type StartImportInput } from './importSchemas'

/**
 * Desk staff upload a Trackman export: the file is checked first (413 `file_too_large`, 400
 * `invalid_csv` / `missing_columns` naming them), then the import is created as the caller
 * (`overrideAccess: false`), which queues its first batch in the same transaction.
 */
export const startImport = async (req: PayloadRequest, raw: StartImportInput, options: { maxBytes: number }) => {
  const input = startImportInput.parse(raw)
  assertImportStaff(req, input.tenant, 'business')
  const { rows } = checkImportFile(input.csv, options)
  const doc = await req.payload.create({
    collection: 'facility-imports',
    data: { tenant: input.tenant, fileName: input.fileName, csv: input.csv, status: 'queued' },
    req,
    overrideAccess: false,
    depth: 0,
  })
  return { id: String(doc.id), status: doc.status, totalRows: rows.length }
}
