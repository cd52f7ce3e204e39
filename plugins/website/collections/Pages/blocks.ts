import type { Block, FilterOptions } from 'payload'
import { idOf } from '@/core'

/** The site sections a hero's call to action may link to (pages where visitors book or buy). */
export const CTA_TARGETS = [
  { label: 'Schedule (book a class)', value: 'schedule' },
  { label: 'Pricing', value: 'pricing' },
  { label: 'Events', value: 'events' },
  { label: 'Appointments', value: 'appointments' },
  { label: 'Book a bay', value: 'bays' },
  { label: 'Courses', value: 'courses' },
  { label: 'Sign up', value: 'signup' },
] as const
export type CtaTarget = (typeof CTA_TARGETS)[number]['value']

/** Only documents of the page's own tenant can be picked (and Payload re-checks it on save). */
const sameTenant: FilterOptions = ({ data }) => {
  const tenant = idOf((data as { tenant?: unknown } | undefined)?.tenant)
  return tenant ? { tenant: { equals: tenant } } : false
}

const heading = { name: 'heading', type: 'text' } as const

/**
 * The blocks a page is built of. Relations point at the tenant's own FAQs, gallery items, forms and
 * locations (`filterOptions`, checked on save); the site reads them again within the tenant.
 */
export const pageBlocks: Block[] = [
  {
    slug: 'richText',
    labels: { singular: 'Rich text', plural: 'Rich text' },
    fields: [{ name: 'content', type: 'richText', required: true }],
  },
  {
    slug: 'hero',
    labels: { singular: 'Hero with call to action', plural: 'Heroes' },
    fields: [
      { name: 'heading', type: 'text', required: true },
      { name: 'text', type: 'textarea' },
      { name: 'ctaLabel', type: 'text', admin: { description: 'Empty: "Book now".' } },
      { name: 'ctaTarget', type: 'select', required: true, defaultValue: 'schedule', options: [...CTA_TARGETS] },
    ],
  },
  {
    slug: 'faqList',
    labels: { singular: 'FAQ list', plural: 'FAQ lists' },
    fields: [
      heading,
      {
        name: 'faqs',
        type: 'relationship',
        relationTo: 'faqs',
        hasMany: true,
        filterOptions: sameTenant,
        admin: { description: 'Empty: every active FAQ (of the category below, when set).' },
      },
      { name: 'category', type: 'text' },
    ],
  },
  {
    slug: 'gallery',
    labels: { singular: 'Gallery', plural: 'Galleries' },
    fields: [
      heading,
      {
        name: 'items',
        type: 'relationship',
        relationTo: 'gallery-items',
        hasMany: true,
        filterOptions: sameTenant,
        admin: { description: 'Empty: every active gallery item.' },
      },
      { name: 'limit', type: 'number', min: 1, max: 48, defaultValue: 12 },
    ],
  },
  {
    slug: 'scheduleTeaser',
    labels: { singular: 'Schedule teaser', plural: 'Schedule teasers' },
    fields: [
      heading,
      { name: 'days', type: 'number', min: 1, max: 14, defaultValue: 7, admin: { description: 'How far ahead.' } },
      { name: 'limit', type: 'number', min: 1, max: 20, defaultValue: 5 },
      { name: 'location', type: 'relationship', relationTo: 'locations', filterOptions: sameTenant },
    ],
  },
  {
    slug: 'contactForm',
    labels: { singular: 'Contact form', plural: 'Contact forms' },
    fields: [
      heading,
      { name: 'form', type: 'relationship', relationTo: 'forms', required: true, filterOptions: sameTenant },
    ],
  },
]
