/** What the writer may say about a tenant: its own facts, read from its own rows, and the links it may use. */
export type TenantFacts = {
  tenant: { id: string; slug: string; name: string; timezone: string }
  /** The location the subscription is for (null: the whole business). */
  focusLocation: string | null
  locations: { id: string; name: string; city: string | null; region: string | null; address: string | null }[]
  classes: { title: string; when: string; location: string | null; instructor: string | null; href: string }[]
  instructors: { name: string; bio: string | null }[]
  events: { title: string; when: string; description: string | null; href: string }[]
  courses: { title: string; description: string | null; price: string | null; href: string }[]
  prices: { name: string; price: string }[]
  media: { id: string; alt: string | null }[]
  /** Every internal link the post may contain (label → path on the tenant site). */
  links: { label: string; href: string }[]
}

export type WriterTopic = { name: string; description: string | null; audience: string | null; keywords: string[] }

/** A draft as the writer returns it; `body` is Markdown (headings, paragraphs, lists, links, bold). */
export type WrittenDraft = { title: string; excerpt: string; body: string; model: string; promptVersion: string }

/** Writes one blog post from a tenant's facts about a topic. */
export type Writer = { name: string; write: (facts: TenantFacts, topic: WriterTopic) => Promise<WrittenDraft> }

export type WriterErrorCode = 'timeout' | 'unavailable' | 'refused' | 'bad_output'

/** A writer that could not write: `timeout`, `unavailable` (network, 5xx, 429), `refused` (4xx) or `bad_output`. */
export class WriterError extends Error {
  constructor(
    readonly code: WriterErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'WriterError'
  }
}
