/** Office Open XML documents are zip archives: their first bytes say "zip", the declared type says which. */
const ZIP_FAMILY = new Set([
  'application/zip',
  'application/x-zip-compressed',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
])

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b)

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))

/**
 * What a file's first bytes say it is, for the types members may hand in: `pdf`, `png`, `jpeg`,
 * `gif`, `webp`, `zip` (zip archives and Office documents), `text` (no NUL byte and valid UTF-8 in
 * the first bytes), else `unknown`. Cheap: it reads only `head` (the first 4 KB suffice).
 */
export const sniffFileType = (
  head: Uint8Array,
): 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'text' | 'unknown' => {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (head.length > 0 && !head.includes(0)) {
    try {
      // streaming: a multi-byte character cut at the end of the sample is not an error
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
      return 'text'
    } catch {
      return 'unknown'
    }
  }
  return 'unknown'
}

/** Whether the bytes agree with the declared MIME type (an allowed one). */
export const contentMatchesType = (head: Uint8Array, mimeType: string): boolean => {
  const sniffed = sniffFileType(head)
  if (ZIP_FAMILY.has(mimeType)) return sniffed === 'zip'
  if (mimeType === 'application/pdf') return sniffed === 'pdf'
  if (mimeType === 'text/plain') return sniffed === 'text'
  if (mimeType.startsWith('image/')) return `image/${sniffed}` === mimeType
  return false
}
