import type { Payload, Where } from 'payload'
import { hasCollection } from '../src/core/features/hasCollection'
import { DEMO_TENANTS } from './demoTenants'
import { lexicalParagraphs } from '../src/core/text/lexicalParagraphs'

/** The platform's topic library (marketers subscribe to these). */
const TOPICS = [
  {
    name: 'A beginner’s guide to your first class',
    description: 'What to expect, what to bring and how to book a first class.',
    audience: 'beginners',
  },
  {
    name: 'Staying active in winter',
    description: 'Short days and cold weather make training harder; a routine indoors keeps it going.',
    audience: 'members',
  },
  {
    name: 'Indoor golf in winter',
    description: 'Simulator bays keep a swing in shape when the course is closed.',
    audience: 'golfers',
  },
  {
    name: 'Learning at your own pace',
    description: 'Courses and recordings let people practise between live sessions.',
    audience: 'learners',
  },
] as const

/** Each tenant's two topics, a hand-written post (published) and its FAQs and gallery titles. */
const CONTENT: Record<
  string,
  {
    topics: [number, number]
    post: { title: string; slug: string; text: string[] }
    faqs: [string, string][]
    gallery: string[]
  }
> = {
  'sunrise-yoga': {
    topics: [0, 1],
    post: {
      title: 'Why we heat the Power Yoga room',
      slug: 'why-we-heat-the-power-yoga-room',
      text: [
        'Warm muscles stretch further and recover faster, so our evening Power Yoga runs in a warmed room.',
        'Bring a towel and a full water bottle, and arrive ten minutes early the first time so the teacher can meet you.',
      ],
    },
    faqs: [
      ['Do I need my own mat?', 'No. Mats, blocks and straps are free to borrow at both studios.'],
      ['How early should I arrive?', 'Ten minutes before your first class, five minutes after that.'],
      ['Can I cancel a booking?', 'Yes, from your account page, up to the late-cancel window shown there.'],
    ],
    gallery: ['Morning light in the Downtown studio', 'Riverside after class', 'Props wall'],
  },
  'fairway-club': {
    topics: [2, 1],
    post: {
      title: 'Five drills for the simulator bay',
      slug: 'five-drills-for-the-simulator-bay',
      text: [
        'A bay hour goes further with a plan: alternate ten balls at one target with ten at a new one, and write down your carry numbers.',
        'Finish on the putting green with three-footers until you hole ten in a row.',
      ],
    },
    faqs: [
      ['Can guests play?', 'Yes, members may bring guests; guest fees are shown when you book a bay.'],
      ['Do I need my own clubs?', 'Bring yours, or borrow a rental set at the front desk.'],
      ['How far ahead can I book?', 'It depends on your tier: Gold members book two weeks ahead.'],
    ],
    gallery: ['Bay 1 at night', 'The putting green', 'Clubhouse lounge'],
  },
  'peak-coaching': {
    topics: [0, 3],
    post: {
      title: 'How a coaching session is structured',
      slug: 'how-a-coaching-session-is-structured',
      text: [
        'Every session starts with a check-in on the last plan, spends most of the hour on one skill and ends with the next week written down.',
        'Between sessions the course lessons keep the practice going.',
      ],
    },
    faqs: [
      ['Are sessions online?', 'Yes, every session can be joined by video from anywhere.'],
      ['How do I pick a coach?', 'Book an intro call first; it is free.'],
    ],
    gallery: ['Coaching desk', 'Session notes'],
  },
  'lumen-creator': {
    topics: [3, 0],
    post: {
      title: 'Behind the scenes of a new course',
      slug: 'behind-the-scenes-of-a-new-course',
      text: [
        'A course here starts as a live workshop; the questions people ask in it become the lessons of the recorded version.',
        'Members get each new lesson the week it is filmed.',
      ],
    },
    faqs: [
      ['Do I keep access to a course?', 'Yes, a bought course stays in your account.'],
      ['Can I watch on my phone?', 'Yes, lessons play in any modern browser.'],
    ],
    gallery: ['Studio set', 'Editing bay'],
  },
}

const lexical = (paragraphs: string[]) => lexicalParagraphs(...paragraphs)

const first = async (
  payload: Payload,
  collection: 'seo-topics' | 'seo-subscriptions' | 'faqs' | 'gallery-items' | 'media',
  where: Where,
) => (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })).docs[0]

/**
 * The website demo: the platform's topics; each demo tenant subscribes to two of them, and the
 * draft-writing job (offline template writer unless WRITER_BASE_URL is set) writes this period's
 * two drafts from the tenant's own facts. One generated draft is approved (published) beside a
 * hand-written published post, so each tenant has two published posts and one draft waiting for
 * approval; plus FAQs and a gallery (with the tenant's images when it has any). Idempotent.
 */
export const seedWebsiteDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!hasCollection(payload, 'blog-posts')) return { created: 0 }
  let created = 0
  const topicIds: string[] = []
  for (const topic of TOPICS) {
    const existing = await first(payload, 'seo-topics', { name: { equals: topic.name } })
    const doc = existing ?? (await payload.create({ collection: 'seo-topics', data: { ...topic, active: true } }))
    if (!existing) created++
    topicIds.push(String(doc.id))
  }
  const tenants: { id: string; slug: string }[] = []
  for (const demo of DEMO_TENANTS) {
    const content = CONTENT[demo.slug]
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant || !content) continue
    tenants.push({ id: String(tenant.id), slug: demo.slug })
    for (const index of content.topics) {
      const own: Where = { and: [{ tenant: { equals: tenant.id } }, { topic: { equals: topicIds[index] } }] }
      if (await first(payload, 'seo-subscriptions', own)) continue
      await payload.create({
        collection: 'seo-subscriptions',
        data: { tenant: tenant.id, topic: topicIds[index], frequency: 'weekly', isEnabled: true },
      })
      created++
    }
    const image = await first(payload, 'media', {
      and: [{ tenant: { equals: tenant.id } }, { mimeType: { like: 'image/' } }],
    })
    for (const [i, [question, answer]] of content.faqs.entries()) {
      if (
        await first(payload, 'faqs', { and: [{ tenant: { equals: tenant.id } }, { question: { equals: question } }] })
      )
        continue
      await payload.create({
        collection: 'faqs',
        data: { tenant: tenant.id, question, answer: lexical([answer]), category: 'General', sortOrder: i },
      })
      created++
    }
    for (const [i, title] of content.gallery.entries()) {
      if (
        await first(payload, 'gallery-items', {
          and: [{ tenant: { equals: tenant.id } }, { title: { equals: title } }],
        })
      )
        continue
      await payload.create({
        collection: 'gallery-items',
        data: { tenant: tenant.id, title, image: image?.id, category: 'Studio', sortOrder: i },
      })
      created++
    }
  }
  // This period's drafts, written by the job from each tenant's facts (once per period).
  await payload.jobs.queue({ task: 'writeBlogDrafts', input: {} })
  await payload.jobs.run({ where: { taskSlug: { equals: 'writeBlogDrafts' } }, limit: 10 })

  for (const { id: tenant, slug } of tenants) {
    const content = CONTENT[slug]
    const posts = await payload.find({
      collection: 'blog-posts',
      where: { tenant: { equals: tenant } },
      draft: true,
      depth: 0,
      limit: 100,
      pagination: false,
    })
    const published = () => posts.docs.filter((p) => p._status === 'published').length
    if (!posts.docs.some((p) => p.slug === content.post.slug)) {
      const post = await payload.create({
        collection: 'blog-posts',
        data: {
          tenant,
          title: content.post.title,
          slug: content.post.slug,
          excerpt: content.post.text[0],
          body: lexical(content.post.text),
          reviewStatus: 'approved',
          _status: 'published',
        },
      })
      posts.docs.push(post)
      created++
    }
    // Approve one generated draft while the tenant has fewer than two published posts.
    const drafts = posts.docs.filter((p) => p.isGenerated && p._status !== 'published')
    if (published() < 2 && drafts.length > 1) {
      try {
        await payload.update({ collection: 'blog-posts', id: drafts[0].id, data: { _status: 'published' } })
      } catch (error) {
        payload.logger.warn({ err: error, tenant: slug }, 'Demo: a generated draft could not be published')
      }
    }
  }
  return { created }
}
