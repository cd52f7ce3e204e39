import { open } from 'node:fs/promises'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { contentMatchesType } from '../../../operations/sniffFileType'

const HEAD_BYTES = 4096

/** The first bytes of an uploaded file: from memory, or from its temporary file (uploads stream to disk). */
const fileHead = async (file: NonNullable<PayloadRequest['file']>): Promise<Uint8Array> => {
  if (file.data?.length) return file.data.subarray(0, HEAD_BYTES)
  if (!file.tempFilePath) return new Uint8Array()
  const handle = await open(file.tempFilePath, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`

/**
 * Before an assignment file is processed: at most `maxBytes` (413 `file_too_large`) and one of
 * `types`, the declared type agreeing with the file's first bytes (415 `unsupported_type`).
 */
export const checkAssignmentFile =
  (maxBytes: number, types: string[]): CollectionBeforeOperationHook =>
  async ({ operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return
    const file = req.file
    if (!file) return
    if (file.size > maxBytes)
      throw new OperationError(
        413,
        'file_too_large',
        `“${file.name}” is ${megabytes(file.size)}; files may be at most ${megabytes(maxBytes)}.`,
      )
    const declared = String(file.mimetype ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase()
    if (!types.includes(declared) || !contentMatchesType(await fileHead(file), declared))
      throw new OperationError(
        415,
        'unsupported_type',
        `“${file.name}” is not a file type you can hand in. Allowed: PDF, images (PNG, JPEG, GIF, WebP), Word, PowerPoint and Excel documents, zip archives and plain text.`,
      )
  }
