import type { CheckboxFieldValidation } from 'payload'

/** An advertised coupon is an offer with a title and a validity: a name, a start and an expiry after it. */
export const validateAdvertise: CheckboxFieldValidation = (value, { data }) => {
  if (!value) return true
  const coupon = (data ?? {}) as { name?: string | null; startsAt?: string | null; expiresAt?: string | null }
  if (!coupon.name?.trim()) return 'An advertised offer needs a name (its title).'
  if (!coupon.startsAt || !coupon.expiresAt) return 'An advertised offer needs a start and an expiry.'
  if (!(new Date(coupon.startsAt) < new Date(coupon.expiresAt)))
    return 'An advertised offer must start before it expires.'
  return true
}
