import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeChatServer } from './fakeChatServer'
import { openAiWriter } from './openAiWriter'
import { WriterError, type TenantFacts } from './types'

const facts: TenantFacts = {
  tenant: { id: 't1', slug: 'lotus', name: 'Lotus Loft', timezone: 'America/Los_Angeles' },
  focusLocation: null,
  locations: [{ id: 'l1', name: 'Portland studio', city: 'Portland', region: 'OR', address: '1 Main St, Portland' }],
  classes: [
    {
      title: 'Sunrise Vinyasa Flow',
      when: 'Mon 7 Dec, 07:00',
      location: 'Portland studio',
      instructor: 'Marisol',
      href: '/lotus/classes/c1',
    },
  ],
  instructors: [{ name: 'Marisol', bio: null }],
  events: [],
  courses: [],
  prices: [{ name: 'Unlimited', price: '$149.00 per month' }],
  media: [],
  links: [
    { label: 'Schedule', href: '/lotus/schedule' },
    { label: 'Sunrise Vinyasa Flow', href: '/lotus/classes/c1' },
  ],
}
const topic = { name: 'Yoga in winter', description: 'Why a warm room helps.', audience: null, keywords: ['yoga'] }

let fake: Awaited<ReturnType<typeof startFakeChatServer>>
const writer = (timeoutMs = 2000) =>
  openAiWriter({ baseURL: fake.baseURL, apiKey: 'sk-test', model: 'fake-model', timeoutMs })
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WriterError)
  return error as WriterError
}

beforeAll(async () => {
  fake = await startFakeChatServer()
})
afterAll(async () => fake?.close())

describe('the OpenAI-compatible writer against a local chat-completions server', () => {
  it('sends the facts and the key, and returns the post with the model that answered', async () => {
    const post = await writer().write(facts, topic)
    expect(post.title).toBe('Yoga in winter at Lotus Loft')
    expect(post.body).toContain('Sunrise Vinyasa Flow')
    expect(post.body).toContain('(/lotus/schedule)')
    expect(post.model).toBe('fake-model')
    expect(post.promptVersion).toMatch(/^website-draft-/)
    const last = fake.requests.at(-1)!
    expect(last.apiKey).toBe('sk-test')
    expect(last.body.model).toBe('fake-model')
    const sent = JSON.parse(last.body.messages!.find((m) => m.role === 'user')!.content)
    expect(sent.facts.links.map((l: { href: string }) => l.href)).toEqual(['/lotus/schedule', '/lotus/classes/c1'])
    expect(sent.facts.locations[0]).not.toHaveProperty('id')
  })

  it('strips links the facts do not have (another site, another tenant) and keeps the text', async () => {
    fake.next({
      kind: 'reply',
      content: JSON.stringify({
        title: 'Winter yoga at Lotus Loft',
        excerpt: 'Warm rooms and early classes in Portland.',
        body: [
          '## Why now',
          'Book the [morning flow](/lotus/classes/c1) or read [this study](https://evil.example/study).',
          'Our friends at [Birdie Barn](/birdie/schedule) run golf. See https://spam.example/x too.',
          'The schedule is [here](/lotus/schedule) and every class is taught with care by our team in Portland.',
        ].join('\n'),
      }),
    })
    const post = await writer().write(facts, topic)
    expect(post.body).toContain('[morning flow](/lotus/classes/c1)')
    expect(post.body).toContain('read this study')
    expect(post.body).not.toContain('evil.example')
    expect(post.body).not.toContain('spam.example')
    expect(post.body).not.toContain('/birdie/')
    expect(post.body).toContain('Birdie Barn')
  })

  it('maps a slow answer to timeout, 5xx and 429 to unavailable, 4xx to refused, and a non-JSON reply to bad_output', async () => {
    fake.next({ kind: 'reply', content: '{}', delayMs: 1500 })
    const started = Date.now()
    expect((await failure(writer(300).write(facts, topic))).code).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(1400)

    fake.next({ kind: 'status', status: 503, message: 'overloaded' })
    const unavailable = await failure(writer().write(facts, topic))
    expect(unavailable.code).toBe('unavailable')
    expect(unavailable.status).toBe(503)

    fake.next({ kind: 'status', status: 429 })
    expect((await failure(writer().write(facts, topic))).code).toBe('unavailable')

    fake.next({ kind: 'status', status: 400, message: 'bad model' })
    const refused = await failure(writer().write(facts, topic))
    expect(refused.code).toBe('refused')
    expect(refused.message).toContain('bad model')

    fake.next({ kind: 'reply', content: 'Sure! Here is your post: ...' })
    expect((await failure(writer().write(facts, topic))).code).toBe('bad_output')

    // Nothing was retried by the SDK: one request per call.
    const before = fake.requests.length
    fake.next({ kind: 'status', status: 500 })
    await failure(writer().write(facts, topic))
    expect(fake.requests.length).toBe(before + 1)
  })

  it('refuses a post that is mostly invented links', async () => {
    fake.next({
      kind: 'reply',
      content: JSON.stringify({
        title: 'Links',
        excerpt: 'Lots of links here.',
        body: Array.from({ length: 8 }, (_, i) => `https://made-up-${i}.example/page-${i}`).join(' '),
      }),
    })
    expect((await failure(writer().write(facts, topic))).code).toBe('bad_output')
  })
})

describe('an unreachable writer', () => {
  it('is unavailable', async () => {
    const dead = openAiWriter({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 })
    expect((await failure(dead.write(facts, topic))).code).toBe('unavailable')
  })
})
