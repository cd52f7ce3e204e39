import type { Plugin } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe } from '@/core'
import { createTenant, useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { markdownToLexical } from './writer/markdownToLexical'

const probe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.formSubmitted', event: 'form.submitted', handler: async () => {} })

const app = useTestApp({ plugins: [probe()] })
let tenant: string
let form: string

const q = <Row = Record<string, unknown>>(query: Parameters<typeof runSql>[1]) =>
  runSql<Row>({ payload: app.payload, transactionID: undefined }, query)

/** An anonymous visitor from one address. */
const visitor = (ip: string) => {
  const client = app.http()
  return {
    submit: (id: string, data: Record<string, string>) =>
      client.post(`/api/forms/${id}/submit`, { data }, { 'x-forwarded-for': ip }),
  }
}

beforeAll(async () => {
  tenant = String((await createTenant(app.payload)).id)
  const created = await app.payload.create({
    collection: 'forms',
    data: {
      tenant,
      title: 'Book a trial class',
      formType: 'trial_class',
      confirmationType: 'message',
      confirmationMessage: markdownToLexical('Thanks, we will call you.'),
      fields: [
        { blockType: 'text', name: 'name', label: 'Your name', required: true },
        { blockType: 'email', name: 'email', label: 'E-mail', required: true },
        { blockType: 'textarea', name: 'message', label: 'Message' },
      ],
    },
  })
  form = String(created.id)
}, 120_000)

describe('form submissions', () => {
  it('stores a valid submission in the form’s tenant and emits form.submitted', async () => {
    const res = await visitor('203.0.113.1').submit(form, {
      name: 'Ada',
      email: 'ada@example.test',
      message: 'Mornings?',
      website_url: '',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const [row] = await q<{ tenant: string; email: string }>(
      sql`SELECT tenant_id AS tenant, email FROM form_submissions WHERE id = ${res.body.submission}`,
    )
    expect(row).toEqual({ tenant, email: 'ada@example.test' })
    const [jobs] = await q<{ n: number }>(
      sql`SELECT count(DISTINCT input->'event'->>'id')::int AS n FROM payload_jobs WHERE input->'event'->>'type' = 'form.submitted' AND input->'event'->'data'->>'submission' = ${res.body.submission}`,
    )
    expect(jobs.n).toBe(1)
  })

  it('refuses bad input with a message per field, and a filled honeypot', async () => {
    const bad = await visitor('203.0.113.2').submit(form, { email: 'not-an-address', color: 'red' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_input')
    expect(bad.body.message).toContain('data.name: Your name is required.')
    expect(bad.body.message).toContain('data.email: E-mail must be an e-mail address.')
    expect(bad.body.message).toContain('data.color: this form has no field “color”.')
    const bot = await visitor('203.0.113.3').submit(form, {
      name: 'Bot',
      email: 'bot@example.test',
      website_url: 'http://spam.example',
    })
    expect(bot.status).toBe(400)
    expect(bot.body.message).toContain('data.website_url: must be left empty.')
    const [count] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM form_submissions WHERE tenant_id = ${tenant}`,
    )
    expect(count.n).toBe(1)
  })

  it('rate limits one address (refusals count too), not another', async () => {
    const from = visitor('198.51.100.7')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push((await from.submit(form, { name: `N${i}`, email: `n${i}@example.test` })).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    const limited = await from.submit(form, { name: 'Again', email: 'again@example.test' })
    expect(limited.status).toBe(429)
    expect(limited.body.error).toBe('rate_limited')
    expect((await visitor('198.51.100.8').submit(form, { name: 'Other', email: 'o@example.test' })).status).toBe(201)
  })

  it('refuses direct creates through REST (only the submit endpoint stores submissions)', async () => {
    const direct = await app.http().post('/api/form-submissions', { form, tenant, submissionData: [] })
    expect(direct.status).toBe(403)
    expect((await visitor('203.0.113.9').submit('00000000-0000-0000-0000-000000000000', { name: 'x' })).status).toBe(
      404,
    )
  })
})

describe('isolation of the website’s collections', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const slugs = ['seo-subscriptions', 'blog-posts', 'faqs', 'gallery-items', 'forms', 'form-submissions']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(slugs))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 300_000)
})
