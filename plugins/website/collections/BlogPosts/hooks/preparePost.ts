import type { CollectionBeforeChangeHook } from 'payload'
import { lexicalToText } from '../../../writer/markdownToLexical'
import { fingerprintOf } from '../../../operations/fingerprint'
import { lshBands } from '../../../operations/lshBands'

type Meta = { title?: string | null; description?: string | null; image?: unknown }

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/** The meta a post gets when its own is empty: its title, its excerpt (else its text) and its hero image. */
export const fillMeta = (post: {
  title?: string | null
  excerpt?: string | null
  body?: unknown
  heroImage?: unknown
  meta?: Meta | null
}) => {
  const meta = post.meta ?? {}
  return {
    ...meta,
    title: meta.title || (post.title ? clip(post.title, 70) : meta.title),
    description: meta.description || clip(post.excerpt || lexicalToText(post.body), 160) || meta.description,
    image: meta.image || post.heroImage || meta.image,
  }
}

/**
 * Before every save: the meta title, description and image are filled when empty (plugin-seo only
 * generates them on click), and the text's fingerprint (MinHash of word shingles) is kept for the
 * near-duplicate check with its index keys (`lshBands`).
 */
export const preparePost =
  (shingleWords: number): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    const post = { ...originalDoc, ...data }
    data.meta = fillMeta(post)
    const fingerprint = fingerprintOf(
      [post.title, post.excerpt, lexicalToText(post.body)].filter(Boolean).join('\n'),
      shingleWords,
    )
    data.fingerprint = fingerprint
    data.lshBands = lshBands(fingerprint)
    return data
  }
