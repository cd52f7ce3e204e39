import type { CollectionBeforeChangeHook } from 'payload'
import { lexicalToText } from '../../writer/markdownToLexical'

type Meta = { title?: string | null; description?: string | null; image?: unknown }
type Block = { blockType?: string; text?: string | null; heading?: string | null; content?: unknown }

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

/** The text a page opens with: its first hero's text, else its first rich text block. */
export const pageSummary = (layout: unknown): string => {
  const blocks = Array.isArray(layout) ? (layout as Block[]) : []
  for (const block of blocks) {
    if (block.blockType === 'hero' && block.text?.trim()) return block.text
    if (block.blockType === 'richText') {
      const text = lexicalToText(block.content)
      if (text.trim()) return text
    }
  }
  return ''
}

/** Before every save: an empty meta title or description is filled from the title and the opening text. */
export const preparePage: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const page = { ...originalDoc, ...data }
  const meta: Meta = page.meta ?? {}
  data.meta = {
    ...meta,
    title: meta.title || (page.title ? clip(String(page.title), 70) : meta.title),
    description: meta.description || clip(pageSummary(page.layout), 160) || meta.description,
  }
  return data
}
