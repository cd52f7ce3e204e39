import { MINHASH_SLOTS } from '../defaults'

/** The word shingles (`size` consecutive words, lower-cased, punctuation dropped) of a text. */
export const shingles = (text: string, size: number): Set<string> => {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const out = new Set<string>()
  if (words.length < size) {
    if (words.length) out.add(words.join(' '))
    return out
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
}

/** Exact Jaccard similarity of two shingle sets. */
export const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (!a.size && !b.size) return 0
  let both = 0
  for (const s of a) if (b.has(s)) both++
  return both / (a.size + b.size - both)
}

/** 32-bit FNV-1a of a string with a seed. */
const fnv = (value: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // Final avalanche so seeds spread well.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

/** A MinHash signature (`MINHASH_SLOTS` minima of seeded hashes over the shingles); empty text → empty signature. */
export const minHash = (set: Set<string>): number[] => {
  if (!set.size) return []
  const signature = new Array<number>(MINHASH_SLOTS).fill(0xffffffff)
  for (const shingle of set) {
    for (let slot = 0; slot < MINHASH_SLOTS; slot++) {
      const h = fnv(shingle, slot * 0x9e3779b1)
      if (h < signature[slot]) signature[slot] = h
    }
  }
  return signature
}

/** The estimated Jaccard similarity of two signatures (share of equal slots). */
export const estimateSimilarity = (a: number[], b: number[]): number => {
  if (!a.length || a.length !== b.length) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/** A post's fingerprint: the MinHash of its title, excerpt and body text. */
export const fingerprintOf = (text: string, shingleWords: number): number[] => minHash(shingles(text, shingleWords))
