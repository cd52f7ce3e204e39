import { randomBytes, randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { ZodError } from 'zod'
import { emit, OperationError, runSql } from '@/core'
import { clientIp } from '@/core/auth/clientIp'
import { rateLimit } from '@/core/auth/rateLimit'
import { HONEYPOT_FIELD, type FormSubmitInput, type FormSubmitReply } from '../contract'
import { formsTable, formSubmissionsTable, submissionDataTable } from './sql/websiteSqlTables'

type FormField = { blockType?: string; name?: string | null; label?: string | null; required?: boolean | null }
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A visitor submits one of a tenant's forms: counted per IP address first (429 over the limit, the
 * refusals count too), the honeypot must be empty, every field of the form is checked (required
 * ones present, e-mail fields valid, no unknown fields) with a message per field (400), then the
 * submission is inserted in the form's tenant (visitors may not create submissions through the
 * API) and `form.submitted` emitted, in the request's transaction.
 */
export const submitForm = async (
  req: PayloadRequest,
  formId: string,
  input: FormSubmitInput,
  limit: { max: number; windowSeconds: number },
): Promise<FormSubmitReply> => {
  const ip = clientIp(req.headers) ?? 'unknown'
  const { allowed, retryAfterSeconds } = await rateLimit(req.payload, {
    key: `form-submission:${ip}`,
    limit: limit.max,
    windowSeconds: limit.windowSeconds,
  })
  if (!allowed)
    throw new OperationError(
      429,
      'rate_limited',
      `Too many submissions from this address. Try again in ${retryAfterSeconds} seconds.`,
    )
  const form = await req.payload
    .findByID({ collection: 'forms', id: formId, depth: 0, req, overrideAccess: false })
    .catch(() => null)
  if (!form) throw new OperationError(404, 'not_found', 'This form does not exist.')
  const values = new Map(Object.entries(input.data).map(([k, v]) => [k, v.trim()]))
  const issues: { path: string[]; message: string }[] = []
  if (values.get(HONEYPOT_FIELD)) issues.push({ path: ['data', HONEYPOT_FIELD], message: 'must be left empty.' })
  values.delete(HONEYPOT_FIELD)
  const fields = ((form.fields ?? []) as FormField[]).filter((f): f is FormField & { name: string } => Boolean(f.name))
  const known = new Set(fields.map((f) => f.name))
  for (const field of fields) {
    const value = values.get(field.name) ?? ''
    const label = field.label || field.name
    if (field.required && !value) issues.push({ path: ['data', field.name], message: `${label} is required.` })
    else if (field.blockType === 'email' && value && !EMAIL.test(value))
      issues.push({ path: ['data', field.name], message: `${label} must be an e-mail address.` })
  }
  for (const name of values.keys())
    if (!known.has(name)) issues.push({ path: ['data', name], message: `this form has no field “${name}”.` })
  if (issues.length)
    throw new ZodError(issues.map((issue) => ({ code: 'custom' as const, ...issue, input: undefined })))
  const f = formsTable(req)
  const s = formSubmissionsTable(req)
  const d = submissionDataTable(req)
  const emailField = fields.find((f) => f.blockType === 'email' && values.get(f.name))
  const [owner] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${f.tenant} AS tenant FROM ${f.$table} WHERE ${f.id} = ${form.id}`,
  )
  if (!owner?.tenant) throw new OperationError(404, 'not_found', 'This form does not exist.')
  // Visitors may not create submissions through the API: the checked submission is inserted here,
  // in the request's transaction, and announced.
  const id = randomUUID()
  const now = new Date().toISOString()
  const email = emailField ? (values.get(emailField.name) ?? null) : null
  const data = Object.fromEntries(values)
  await runSql(
    req,
    sql`INSERT INTO ${s.$table} (${s.id}, ${s.tenant}, ${s.form}, ${s.email}, ${s.data}, ${s.submittedAt}, ${s.updatedAt}, ${s.createdAt})
        VALUES (${id}, ${owner.tenant}, ${form.id}, ${email}, ${JSON.stringify(data)}::jsonb, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz)`,
  )
  let order = 1
  for (const [field, value] of values) {
    await runSql(
      req,
      sql`INSERT INTO ${d.$table} (${d.parent}, ${d.order}, ${d.id}, ${d.field}, ${d.value})
          VALUES (${id}, ${order++}, ${randomBytes(12).toString('hex')}, ${field}, ${value})`,
    )
  }
  await emit(req, {
    type: 'form.submitted',
    tenant: owner.tenant,
    subject: { collection: 'form-submissions', id },
    data: { submission: id, form: String(form.id), formType: String(form.formType ?? 'other'), email, data },
  })
  const redirect = (form as { redirect?: { url?: string | null } | null }).redirect?.url ?? null
  return {
    submission: id,
    confirmation: {
      type: form.confirmationType ?? 'message',
      redirect: form.confirmationType === 'redirect' ? redirect : null,
    },
  }
}
