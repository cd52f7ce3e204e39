import { OperationError } from '@/core'
import { readImportRows } from './importColumns'

/**
 * A Trackman export as an upload must be: at most `maxBytes` (413 `file_too_large`), CSV with a
 * header naming the required columns and at least one row (400, see `readImportRows`).
 */
export const checkImportFile = (csv: string, options: { maxBytes: number }) => {
  const bytes = Buffer.byteLength(csv, 'utf8')
  if (bytes > options.maxBytes)
    throw new OperationError(
      413,
      'file_too_large',
      `The file is ${Math.ceil(bytes / 1024)} KB; an import takes up to ${Math.floor(options.maxBytes / 1024)} KB. Split it by date range.`,
    )
  return readImportRows(csv)
}
