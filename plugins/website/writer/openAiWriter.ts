import OpenAI from 'openai'
import { z } from 'zod'
import { PROMPT_VERSION } from '../defaults'
import { keepAllowedLinks } from './allowedLinks'
import { WriterError, type TenantFacts, type Writer, type WriterTopic, type WrittenDraft } from './types'

export type OpenAiWriterOptions = { baseURL: string; apiKey?: string; model: string; timeoutMs: number }

const reply = z.object({
  title: z.string().trim().min(5).max(200),
  excerpt: z.string().trim().min(10).max(400),
  body: z.string().trim().min(100),
})

const SYSTEM = [
  'You write blog posts for a fitness, wellness or sports business, in Markdown.',
  'Use ONLY the facts in the JSON you are given: never invent classes, times, people, prices, addresses or offers.',
  'Link only to the paths listed in "links", exactly as written; no other URLs.',
  'Use ## headings, short paragraphs and bullet lists.',
  'Answer with one JSON object: {"title": string, "excerpt": string (one or two sentences), "body": string (Markdown)}.',
].join('\n')

/** The facts as the prompt shows them (ids left out). */
const factsForPrompt = (facts: TenantFacts) => ({
  business: facts.tenant.name,
  locations: facts.locations.map(({ id: _id, ...l }) => l),
  focusLocation: facts.locations.find((l) => l.id === facts.focusLocation)?.name ?? null,
  classes: facts.classes,
  instructors: facts.instructors,
  events: facts.events,
  courses: facts.courses,
  prices: facts.prices,
  links: facts.links,
})

/** Maps what the SDK throws to a WriterError (timeout, unavailable, refused). */
const mapError = (error: unknown): WriterError => {
  if (error instanceof WriterError) return error
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new WriterError('timeout', 'The writer did not answer in time.')
  if (error instanceof OpenAI.APIConnectionError)
    return new WriterError('unavailable', `The writer could not be reached: ${error.message}`)
  if (error instanceof OpenAI.APIError) {
    const status = error.status
    if (status === undefined || status >= 500 || status === 429)
      return new WriterError('unavailable', `The writer answered ${status ?? 'an error'}: ${error.message}`, status)
    return new WriterError('refused', `The writer refused the request (${status}): ${error.message}`, status)
  }
  return new WriterError('unavailable', error instanceof Error ? error.message : String(error))
}

/**
 * A writer over any OpenAI-compatible chat-completions endpoint (`WRITER_BASE_URL`), through the
 * `openai` SDK: one JSON-mode completion per post, no SDK retries (the job is retried instead),
 * aborted after `timeoutMs`. The reply must be `{title, excerpt, body}`; links outside the facts
 * are turned into plain text, and a post whose body has no allowed link left is refused as `bad_output`.
 */
export const openAiWriter = (options: OpenAiWriterOptions): Writer => {
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || 'none',
    timeout: options.timeoutMs,
    maxRetries: 0,
  })
  return {
    name: 'openai',
    write: async (facts: TenantFacts, topic: WriterTopic): Promise<WrittenDraft> => {
      let content: string | null | undefined
      let model = options.model
      try {
        const completion = await client.chat.completions.create({
          model: options.model,
          temperature: 0.4,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM },
            {
              role: 'user',
              content: JSON.stringify({ topic, facts: factsForPrompt(facts), promptVersion: PROMPT_VERSION }),
            },
          ],
        })
        content = completion.choices[0]?.message?.content
        model = completion.model || model
      } catch (error) {
        throw mapError(error)
      }
      let parsed: z.infer<typeof reply>
      try {
        parsed = reply.parse(JSON.parse(content ?? ''))
      } catch {
        throw new WriterError('bad_output', 'The writer did not answer with {title, excerpt, body}.')
      }
      const { markdown, dropped } = keepAllowedLinks(parsed.body, facts)
      if (dropped.length && markdown.trim().length < 100)
        throw new WriterError(
          'bad_output',
          `The writer's post was mostly links outside the tenant's site (${dropped.join(', ')}).`,
        )
      return {
        title: keepAllowedLinks(parsed.title, { links: [] }).markdown.trim(),
        excerpt: keepAllowedLinks(parsed.excerpt, { links: [] }).markdown.trim(),
        body: markdown,
        model,
        promptVersion: PROMPT_VERSION,
      }
    },
  }
}
