import { z } from 'zod'

/** `POST /api/facility-imports/upload`: the CSV as text (the admin reads the chosen file). */
export const startImportInput = z
  .object({
    tenant: z.string().uuid('must be a UUID'),
    fileName: z.string().trim().min(1).max(200).default('trackman.csv'),
    csv: z.string().min(1, 'the file is empty'),
  })
  .strict()
export type StartImportInput = z.input<typeof startImportInput>

/** `POST /api/facility-import-rows/:id/resolve`: the member the row's booking is for. */
export const resolveImportRowInput = z.object({ member: z.string().uuid('must be a UUID') }).strict()

export type ImportProgress = {
  id: string
  status: 'queued' | 'running' | 'done' | 'failed'
  totalRows: number
  processed: number
  created: number
  unchanged: number
  unmatched: number
  overlapping: number
  errors: number
  /** Whole percent of rows processed. */
  percent: number
  error: string | null
}
