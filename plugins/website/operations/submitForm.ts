import type { PayloadRequest } from 'payload'
import { ZodError } from 'zod'
import { idOf, OperationError } from '@/core'
import { clientIp } from '@/core/auth/clientIp'
import { rateLimit } from '@/core/auth/rateLimit'
import { HONEYPOT_FIELD, type FormSubmitInput, type FormSubmitReply } from '../contract'

type FormField = { blockType?: string; name?: string | null; label?: string | null; required?: boolean | null }
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Lets `form-submissions`' create access through for this request only (REST and GraphQL creates are refused). */
export const SUBMITTING = 'websiteFormSubmit'

/**
 * A visitor submits one of a tenant's forms: counted per IP address first (429 over the limit, the
 * refusals count too), the honeypot must be empty, every field of the form is checked (required
 * ones present, e-mail fields valid, no unknown fields) with a message per field (400), then the
 * submission is stored in the form's tenant and `form.submitted` emitted.
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
    throw new OperationError(429, 'rate_limited', `Too many submissions from this address. Try again in ${retryAfterSeconds} seconds.`)
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
  if (issues.length) throw new ZodError(issues.map((issue) => ({ code: 'custom' as const, ...issue, input: undefined })))
  const emailField = fields.find((f) => f.blockType === 'email' && values.get(f.name))
  req.context[SUBMITTING] = true
  try {
    const submission = await req.payload.create({
      collection: 'form-submissions',
      data: {
        tenant: idOf(form.tenant),
        form: form.id,
        submissionData: [...values].map(([field, value]) => ({ field, value })),
        email: emailField ? values.get(emailField.name) : null,
        data: Object.fromEntries(values),
        submittedAt: new Date().toISOString(),
      },
      req,
      overrideAccess: false,
      depth: 0,
    })
    const redirect = (form as { redirect?: { url?: string | null } | null }).redirect?.url ?? null
    return {
      submission: String(submission.id),
      confirmation: { type: form.confirmationType ?? 'message', redirect: form.confirmationType === 'redirect' ? redirect : null },
    }
  } finally {
    delete req.context[SUBMITTING]
  }
}
