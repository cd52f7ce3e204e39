import type { Config, Field } from 'payload'

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

const time = (name: 'opens' | 'closes'): Field => ({
  name,
  type: 'text',
  required: true,
  admin: { description: 'Local time, 24 h (e.g. 06:30).', width: '25%' },
  validate: (value: unknown) => (typeof value === 'string' && TIME.test(value) ? true : 'Use HH:MM, e.g. 06:30.'),
})

/**
 * ⊕ locations: `openingHours[]{days, opens, closes}` (local time of the location), shown on its
 * site page (`/<slug>/locations/<location slug>`) and in its LocalBusiness JSON-LD.
 */
export const openingHoursField: Field = {
  name: 'openingHours',
  type: 'array',
  admin: { description: 'Shown on the location’s page of the site and to search engines.' },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'days',
          type: 'select',
          hasMany: true,
          required: true,
          options: [...WEEKDAYS],
          admin: { width: '50%' },
        },
        time('opens'),
        time('closes'),
      ],
    },
  ],
  validate: (value: unknown) => {
    const rows = Array.isArray(value) ? (value as { opens?: string; closes?: string }[]) : []
    const bad = rows.findIndex((row) => row.opens && row.closes && row.closes <= row.opens)
    return bad === -1 ? true : `Row ${bad + 1}: closing time must be after opening time.`
  },
}

export const withLocationPages = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === 'locations' ? { ...collection, fields: [...collection.fields, openingHoursField] } : collection,
  ),
})
