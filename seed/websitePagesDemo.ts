import type { Payload } from 'payload'
import { hasCollection } from '../src/core/features/hasCollection'
import { lexicalParagraphs } from '../src/core/text/lexicalParagraphs'
import { DEMO_TENANTS } from './demoTenants'

/** What each demo tenant's About page says (the rest of its blocks read the tenant's own data). */
const ABOUT: Record<string, { lead: string; story: string[] }> = {
  'sunrise-yoga': {
    lead: 'A neighbourhood studio for yoga and strength, with classes from sunrise to late evening.',
    story: [
      'Sunrise started in one room above a bakery; today two studios run classes for every level.',
      'Teachers plan each week together, so a beginner and a regular find the class that suits them.',
    ],
  },
  'fairway-club': {
    lead: 'Indoor golf all year: simulator bays, coaching and leagues.',
    story: [
      'Fairway opened so that golfers could keep their swing through the winter.',
      'Book a bay on your own, join a clinic, or ask a coach to look at your numbers.',
    ],
  },
}

const lead = (name: string) => `${name}: classes, coaching and a friendly team.`

/** A weekday morning-to-evening week for a demo location's opening hours. */
const DEMO_HOURS = [
  { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '06:00', closes: '21:00' },
  { days: ['Saturday', 'Sunday'], opens: '08:00', closes: '18:00' },
] as const

/**
 * Each demo tenant's published About page, built of blocks (hero with a call to action to the
 * schedule, text, a schedule teaser, its FAQs, its gallery and its contact form — a contact form is
 * created when it has none), and opening hours on its locations (when they have none). Idempotent:
 * a second run adds nothing.
 */
export const seedWebsitePagesDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!hasCollection(payload, 'pages')) return { created: 0 }
  let created = 0
  for (const demo of DEMO_TENANTS) {
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant) continue
    const own = { tenant: { equals: tenant.id } }

    const locations = await payload.find({ collection: 'locations', where: own, limit: 50, depth: 0 })
    for (const location of locations.docs) {
      if (location.openingHours?.length) continue
      await payload.update({
        collection: 'locations',
        id: location.id,
        data: { openingHours: DEMO_HOURS.map((row) => ({ ...row, days: [...row.days] })) },
      })
    }

    const exists = await payload.find({
      collection: 'pages',
      where: { and: [own, { slug: { equals: 'about' } }] },
      draft: true,
      limit: 1,
      depth: 0,
    })
    if (exists.docs.length) continue

    let form = (
      await payload.find({ collection: 'forms', where: { and: [own, { formType: { equals: 'contact' } }] }, limit: 1 })
    ).docs[0]
    if (!form) {
      form = await payload.create({
        collection: 'forms',
        data: {
          tenant: tenant.id,
          title: 'Contact us',
          formType: 'contact',
          submitButtonLabel: 'Send message',
          confirmationType: 'message',
          confirmationMessage: lexicalParagraphs('Thank you! We will answer within one working day.'),
          fields: [
            { blockType: 'text', name: 'name', label: 'Your name', required: true },
            { blockType: 'email', name: 'email', label: 'Email', required: true },
            { blockType: 'textarea', name: 'message', label: 'Message', required: true },
          ],
        },
      })
      created++
    }

    const about = ABOUT[demo.slug] ?? { lead: lead(demo.name), story: [`${demo.name} welcomes you.`] }
    await payload.create({
      collection: 'pages',
      data: {
        tenant: tenant.id,
        title: 'About us',
        slug: 'about',
        showInNav: true,
        navOrder: 10,
        _status: 'published',
        layout: [
          {
            blockType: 'hero',
            heading: `About ${demo.name}`,
            text: about.lead,
            ctaLabel: 'Book a class',
            ctaTarget: 'schedule',
          },
          { blockType: 'richText', content: lexicalParagraphs(...about.story) },
          { blockType: 'scheduleTeaser', heading: 'Coming up this week', days: 7, limit: 5 },
          { blockType: 'faqList', heading: 'Questions we hear often' },
          { blockType: 'gallery', heading: 'Inside the studio', limit: 6 },
          { blockType: 'contactForm', heading: 'Get in touch', form: form.id },
        ],
      },
    })
    created++
  }
  return { created }
}
