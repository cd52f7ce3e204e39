import type { CollectionBeforeChangeHook } from 'payload'

/** Leads are matched by e-mail case-insensitively: store it trimmed and lower-cased. */
export const normaliseLeadEmail: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.email === 'string') data.email = data.email.trim().toLowerCase()
  if (data.status === 'converted' && !data.convertedAt) data.convertedAt = new Date().toISOString()
  return data
}
