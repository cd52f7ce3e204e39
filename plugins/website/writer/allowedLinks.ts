import type { TenantFacts } from './types'

const MD_LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s)>\]]+/gi

/**
 * Keeps only the links the facts allow: a Markdown link to any other URL becomes its plain text, and
 * a bare URL is removed. Returns the cleaned Markdown and the URLs it dropped (a writer that invents
 * links is reported).
 */
export const keepAllowedLinks = (markdown: string, facts: Pick<TenantFacts, 'links'>) => {
  const allowed = new Set(facts.links.map((link) => link.href))
  const dropped: string[] = []
  const linked = markdown.replace(MD_LINK, (_all, text: string, url: string) => {
    if (allowed.has(url)) return `[${text}](${url})`
    dropped.push(url)
    return text
  })
  const cleaned = linked
    .split(/(\[[^\]]*\]\([^)\s]*\))/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(BARE_URL, (url) => {
            dropped.push(url)
            return ''
          }),
    )
    .join('')
  return { markdown: cleaned, dropped }
}
