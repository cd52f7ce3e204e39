import { createHash } from 'node:crypto'

/** Rows (MinHash slots) per band of the near-duplicate index. */
export const LSH_ROWS = 3
/** Bands of the index: 42 × 3 = 126 of the 128 slots. */
export const LSH_BANDS = 42

/**
 * The locality-sensitive hashing keys of a MinHash signature (`fingerprint.ts`): one per band of
 * `LSH_ROWS` consecutive slots, `<band>:<first 16 hex digits of md5("<a>.<b>.<c>")>`. Two posts
 * share a key when they agree on all slots of one band; for an estimated similarity s that happens
 * with probability 1 − (1 − s³)⁴², ≥ 99.6 % at s = 0.5 (the default threshold) and about 4 % at
 * s = 0.1, so the publish check reads only the few posts sharing a key instead of every post.
 * Stored on each post (`lshBands`, a JSON array of strings under a GIN index, the same keys a
 * migration computes in SQL from older posts' fingerprints). Empty for an empty signature.
 */
export const lshBands = (signature: number[]): string[] => {
  if (signature.length < LSH_BANDS * LSH_ROWS) return []
  const keys: string[] = []
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = signature.slice(band * LSH_ROWS, band * LSH_ROWS + LSH_ROWS).join('.')
    keys.push(`${band}:${createHash('md5').update(rows).digest('hex').slice(0, 16)}`)
  }
  return keys
}
