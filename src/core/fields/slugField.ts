import type { TextField } from 'payload'

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

/** A required URL slug: lower-case letters, digits and dashes (uniqueness per tenant goes in `indexes`). */
export const slugField = (overrides: Partial<TextField> = {}): TextField =>
  ({
    name: 'slug',
    type: 'text',
    required: true,
    validate: (value: unknown) =>
      typeof value === 'string' && SLUG.test(value)
        ? true
        : 'Use lower-case letters, digits and dashes (e.g. "sunrise-yoga").',
    ...overrides,
  }) as TextField
