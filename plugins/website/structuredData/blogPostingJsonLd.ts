import { SCHEMA_CONTEXT, type BlogPostingJsonLd, type WithContext } from './schemaOrg'

export type BlogPostingInput = {
  headline: string
  description?: string | null
  /** Instants (ISO strings or dates); written as UTC ISO 8601. */
  datePublished?: string | Date | null
  dateModified?: string | Date | null
  /** People (instructors) or the tenant; `kind` defaults to Person. */
  author?: { name: string; url?: string | null; kind?: 'Person' | 'Organization' }[] | null
  /** Absolute image URLs. */
  image?: string[] | null
  /** Canonical URL of the post. */
  url: string
  publisher?: { name: string; url?: string | null; logo?: string | null } | null
}

const iso = (value: string | Date | null | undefined) => {
  if (!value) return undefined
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** Google shows at most 110 characters of a headline. */
const HEADLINE_MAX = 110

/** A blog post as BlogPosting (headline required; dates, author, image and url recommended). */
export const blogPostingJsonLd = (input: BlogPostingInput): WithContext<BlogPostingJsonLd> => {
  const headline = input.headline.trim()
  const node: WithContext<BlogPostingJsonLd> = {
    '@context': SCHEMA_CONTEXT,
    '@type': 'BlogPosting',
    headline: headline.length > HEADLINE_MAX ? `${headline.slice(0, HEADLINE_MAX - 1).trimEnd()}…` : headline,
    url: input.url,
    mainEntityOfPage: input.url,
  }
  const published = iso(input.datePublished)
  if (published) node.datePublished = published
  const modified = iso(input.dateModified) ?? published
  if (modified) node.dateModified = modified
  if (input.description?.trim()) node.description = input.description.trim()
  const authors = (input.author ?? []).filter((a) => a.name.trim())
  if (authors.length)
    node.author = authors.map((a) => ({
      '@type': a.kind ?? 'Person',
      name: a.name.trim(),
      ...(a.url ? { url: a.url } : {}),
    }))
  if (input.image?.length) node.image = input.image
  if (input.publisher?.name)
    node.publisher = {
      '@type': 'Organization',
      name: input.publisher.name,
      ...(input.publisher.url ? { url: input.publisher.url } : {}),
      ...(input.publisher.logo ? { logo: input.publisher.logo } : {}),
    }
  return node
}
