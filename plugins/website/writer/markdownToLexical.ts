/** Lexical editor state (the shape Payload's richText stores). */
export type LexicalNode = { type: string; version: number; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = {
  root: {
    type: string
    children: LexicalNode[]
    direction: 'ltr' | 'rtl' | null
    format: ''
    indent: number
    version: number
  }
}

const block = { format: '' as const, indent: 0, version: 1, direction: 'ltr' as const }

const text = (value: string, bold = false): LexicalNode => ({
  type: 'text',
  text: value,
  format: bold ? 1 : 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

/** Inline Markdown: `[text](url)` links and `**bold**`; everything else is plain text. */
const inline = (line: string): LexicalNode[] => {
  const nodes: LexicalNode[] = []
  const pattern = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*/g
  let last = 0
  for (const match of line.matchAll(pattern)) {
    if (match.index > last) nodes.push(text(line.slice(last, match.index)))
    if (match[1] !== undefined) {
      nodes.push({
        type: 'link',
        ...block,
        version: 3,
        fields: { linkType: 'custom', url: match[2], newTab: false },
        children: [text(match[1])],
      })
    } else nodes.push(text(match[3], true))
    last = match.index + match[0].length
  }
  if (last < line.length) nodes.push(text(line.slice(last)))
  return nodes
}

/**
 * The small Markdown a writer returns (`#`–`###` headings, paragraphs, `-`/`*` bullet lists, links,
 * bold) as a Lexical editor state for a richText field.
 */
export const markdownToLexical = (markdown: string): LexicalState => {
  const children: LexicalNode[] = []
  let paragraph: string[] = []
  let list: LexicalNode[] = []
  const flushParagraph = () => {
    if (paragraph.length)
      children.push({
        type: 'paragraph',
        ...block,
        textFormat: 0,
        textStyle: '',
        children: inline(paragraph.join(' ')),
      })
    paragraph = []
  }
  const flushList = () => {
    if (list.length) children.push({ type: 'list', ...block, listType: 'bullet', tag: 'ul', start: 1, children: list })
    list = []
  }
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim()
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    const item = /^[-*]\s+(.*)$/.exec(line)
    if (!line) {
      flushParagraph()
      flushList()
    } else if (heading) {
      flushParagraph()
      flushList()
      const level = Math.min(Math.max(heading[1].length, 2), 4)
      children.push({ type: 'heading', ...block, tag: `h${level}`, children: inline(heading[2]) })
    } else if (item) {
      flushParagraph()
      list.push({ type: 'listitem', ...block, value: list.length + 1, children: inline(item[1]) })
    } else {
      flushList()
      paragraph.push(line)
    }
  }
  flushParagraph()
  flushList()
  return { root: { type: 'root', ...block, children } }
}

/** The plain text of a Lexical state (blocks separated by blank lines), for fingerprints and meta descriptions. */
export const lexicalToText = (state: unknown): string => {
  const out: string[] = []
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { type?: string; text?: unknown; children?: unknown[] }
    if (n.type === 'text' && typeof n.text === 'string') return n.text
    const inner = (n.children ?? []).map(walk)
    return n.type === 'list' || n.type === 'root' ? inner.join('\n') : inner.join('')
  }
  const root = (state as { root?: { children?: unknown[] } } | null)?.root
  for (const child of root?.children ?? []) out.push(walk(child))
  return out.filter(Boolean).join('\n\n')
}

/** The links (URLs) of a Lexical state. */
export const lexicalLinks = (state: unknown): string[] => {
  const urls: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; fields?: { url?: unknown }; children?: unknown[] }
    if (n.type === 'link' && typeof n.fields?.url === 'string') urls.push(n.fields.url)
    for (const child of n.children ?? []) walk(child)
  }
  walk((state as { root?: unknown } | null)?.root)
  return urls
}
