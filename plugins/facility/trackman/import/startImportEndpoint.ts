import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { startImport } from './startImport'
import { startImportInput } from './importSchemas'

/**
 * `POST /api/facility-imports/upload` (desk staff) `{ tenant, fileName?, csv }` → 201 `{ id, status, totalRows }`;
 * 413 `file_too_large`, 400 `invalid_csv` / `missing_columns` (naming them).
 */
export const startImportEndpoint = (options: { maxBytes: number }): Endpoint => ({
  path: '/upload',
  method: 'post',
  handler: endpointHandler((req, body) => startImport(req, startImportInput.parse(body), options), {
    status: 201,
    requireUser: true,
  }),
})
