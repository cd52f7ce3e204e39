import type { FormSubmitted } from '@plugins/website/contract'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const first = (data: Record<string, string>, keys: string[]): string | null => {
  for (const key of keys) {
    const value = data[key]?.trim()
    if (value) return value.slice(0, 200)
  }
  return null
}

// ---- Lead recipients ----
/** Form fields that carry the visitor's marketing consent (a checkbox), and the values that mean yes. */
export const CONSENT_FIELDS = [
  'marketingConsent',
  'marketing_consent',
  'emailMarketing',
  'email_marketing',
  'newsletter',
]
const YES = new Set(['true', 'on', 'yes', '1', 'checked'])
const consented = (data: Record<string, string>) =>
  CONSENT_FIELDS.some((key) => YES.has((data[key] ?? '').trim().toLowerCase()))
// ---- /Lead recipients ----

/** What a form submission tells about the lead: its e-mail (else none), name, phone and source. */
export const leadFromForm = (submitted: FormSubmitted) => {
  const email = (submitted.email ?? first(submitted.data, ['email', 'e-mail', 'emailAddress']) ?? '')
    .trim()
    .toLowerCase()
  if (!EMAIL.test(email)) return null
  const joined = [first(submitted.data, ['firstName', 'first_name']), first(submitted.data, ['lastName', 'last_name'])]
    .filter(Boolean)
    .join(' ')
  return {
    email,
    name: first(submitted.data, ['name', 'fullName', 'full_name']) ?? (joined || null),
    phone: first(submitted.data, ['phone', 'telephone', 'mobile']),
    source: submitted.formType === 'tour' ? 'tour' : 'website_form',
    marketingConsent: consented(submitted.data), // Lead recipients
  }
}
