import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { ffmpegPath } from '@/core'
import { DEMO_TENANTS } from './demoTenants'
import { seedLmsAssignmentDemo } from './lmsAssignmentDemo'
import { seedLmsQuizDemo } from './lmsQuizDemo'
import { lexicalParagraphs as paragraphs } from '../src/core/text/lexicalParagraphs'

type Item = Omit<RequiredDataFromCollectionSlug<'content-items'>, 'tenant' | 'media'> & { video?: boolean }
type Lesson = {
  item: string
  preview?: boolean
  unlock?: { mode: 'after_days'; days: number } | { mode: 'prerequisite' }
}
type Course = Omit<RequiredDataFromCollectionSlug<'courses'>, 'tenant'> & {
  modules: { title: string; lessons: Lesson[] }[]
  /** Sold as a product (commerce) at this price, for this many days of access (0: for good). */
  product?: { name: string; accessDays: number }
}
type Catalog = { items: Item[]; courses: Course[] }

const welcome = paragraphs(
  'Every practice starts with how you breathe. Sit tall, soften the jaw, and let the exhale run longer than the inhale.',
  'Come back to this page whenever a session feels rushed.',
)

/**
 * The demo catalogs of seed 004 (the creator's courses and content, lumen-creator) and of 000's
 * on-demand library (sunrise-yoga): content items of every visibility, two courses with modules,
 * drip and prerequisite rules, a paid course sold as a product, and a short video each tenant's
 * catalog plays (generated with the bundled ffmpeg and transcoded to HLS by the media job).
 */
const CATALOGS: Record<string, (currency: string) => Catalog> = {
  'lumen-creator': (currency) => ({
    items: [
      {
        slug: 'welcome-to-lumen',
        title: 'Welcome to Lumen',
        description: 'A two-minute tour of the studio and how the courses work.',
        contentType: 'video',
        video: true,
        category: 'Start here',
        visibility: 'public',
        _status: 'published',
      },
      {
        slug: 'breath-first',
        title: 'Breath first',
        description: 'The breathing pattern every session builds on.',
        contentType: 'written',
        body: welcome,
        category: 'Start here',
        visibility: 'public',
        _status: 'published',
      },
      {
        slug: 'hip-opening-flow',
        title: 'Hip opening flow',
        description: 'Twenty minutes for stiff hips after a day at the desk.',
        contentType: 'video',
        video: true,
        category: 'Mobility',
        tags: ['hips', 'beginner'],
        visibility: 'members_only',
        _status: 'published',
      },
      {
        slug: 'shoulder-reset',
        title: 'Shoulder reset',
        description: 'Open the chest and free the shoulders in fifteen minutes.',
        contentType: 'video',
        video: true,
        category: 'Mobility',
        tags: ['shoulders'],
        visibility: 'members_only',
        _status: 'published',
      },
      {
        slug: 'core-day-1',
        title: 'Core, day 1: find the deep core',
        contentType: 'video',
        video: true,
        category: 'Core',
        visibility: 'purchased_only',
        price: { amount: 900, currency },
        _status: 'published',
      },
      {
        slug: 'core-day-2',
        title: 'Core, day 2: anti-rotation',
        contentType: 'video',
        video: true,
        category: 'Core',
        visibility: 'purchased_only',
        price: { amount: 900, currency },
        _status: 'published',
      },
      {
        slug: 'core-day-3',
        title: 'Core, day 3: put it together',
        contentType: 'written',
        body: paragraphs('Three rounds: dead bug, side plank, bird dog. Rest a minute between rounds.'),
        category: 'Core',
        visibility: 'purchased_only',
        price: { amount: 900, currency },
        _status: 'published',
      },
    ],
    courses: [
      {
        slug: 'mobility-foundations',
        title: 'Mobility Foundations',
        description: 'Four sessions that loosen hips, shoulders and spine, one after another.',
        kind: 'course',
        deliveryMode: 'self_paced',
        navigation: 'linear',
        modules: [
          { title: 'Start here', lessons: [{ item: 'welcome-to-lumen', preview: true }, { item: 'breath-first' }] },
          { title: 'Open up', lessons: [{ item: 'hip-opening-flow' }, { item: 'shoulder-reset' }] },
        ],
      },
      {
        slug: 'core-in-three-days',
        title: 'Core in Three Days',
        description: 'A short drip course: one lesson opens each day after you enrol.',
        kind: 'course',
        deliveryMode: 'drip',
        navigation: 'free',
        price: { amount: 2900, currency },
        product: { name: 'Core in Three Days (course)', accessDays: 0 },
        modules: [
          {
            title: 'Three days',
            lessons: [
              { item: 'core-day-1', preview: true },
              { item: 'core-day-2', unlock: { mode: 'after_days', days: 1 } },
              { item: 'core-day-3', unlock: { mode: 'after_days', days: 2 } },
            ],
          },
        ],
      },
      // ---- series ----
      {
        slug: 'desk-reset',
        title: 'Desk Reset',
        description: 'A free series for desk days: breathe, open the hips, free the shoulders, in order.',
        kind: 'series',
        deliveryMode: 'self_paced',
        navigation: 'linear',
        modules: [
          {
            title: 'Episodes',
            lessons: [
              { item: 'breath-first', preview: true },
              { item: 'hip-opening-flow' },
              { item: 'shoulder-reset' },
            ],
          },
        ],
      },
      // ---- /series ----
    ],
  }),
  'sunrise-yoga': (currency) => ({
    items: [
      {
        slug: 'morning-flow-20',
        title: 'Morning flow (20 min)',
        description: 'A gentle vinyasa to start the day, recorded in the main studio.',
        contentType: 'video',
        video: true,
        category: 'On demand',
        visibility: 'members_only',
        _status: 'published',
      },
      {
        slug: 'yin-for-sleep',
        title: 'Yin for sleep',
        description: 'Long holds and a body scan for the evening.',
        contentType: 'video',
        video: true,
        category: 'On demand',
        visibility: 'purchased_only',
        price: { amount: 700, currency },
        _status: 'published',
      },
      {
        slug: 'how-to-use-props',
        title: 'How to use props',
        contentType: 'written',
        body: paragraphs('Blocks bring the floor closer; a strap lengthens the arms. Take both to every class.'),
        category: 'Guides',
        visibility: 'public',
        _status: 'published',
      },
    ],
    courses: [
      {
        slug: 'yoga-basics',
        title: 'Yoga Basics at Home',
        description: 'Props first, then a flow you can repeat every morning.',
        kind: 'course',
        deliveryMode: 'self_paced',
        navigation: 'linear',
        modules: [
          { title: 'Get ready', lessons: [{ item: 'how-to-use-props', preview: true }] },
          { title: 'Practise', lessons: [{ item: 'morning-flow-20', unlock: { mode: 'prerequisite' } }] },
        ],
      },
    ],
  }),
}

/** A few seconds of test pattern with a tone (640×360), made by the bundled ffmpeg. */
const demoVideo = async (dir: string) => {
  const file = path.join(dir, 'demo-video.mp4')
  await promisify(execFile)(ffmpegPath(), [
    ...['-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=duration=4:size=640x360:rate=12'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:duration=4'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
  ])
  return file
}

const findOne = async (
  payload: Payload,
  collection: 'content-items' | 'courses' | 'media' | 'products',
  tenant: string,
  field: string,
  value: string,
) =>
  (
    await payload.find({
      collection,
      where: { and: [{ tenant: { equals: tenant } }, { [field]: { equals: value } }] },
      limit: 1,
      depth: 0,
      draft: collection === 'courses' || collection === 'content-items' ? true : undefined,
    })
  ).docs[0]

/**
 * The LMS demo (see CATALOGS): adds only what is missing, so it can run on every start. Videos
 * are transcoded here (the seed also runs where no worker does, e.g. the browser specs' app).
 */
export const seedLmsDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections['courses']) return { created: 0 } // lms is not installed
  let created = 0
  let dir: string | undefined
  try {
    for (const demo of DEMO_TENANTS) {
      const catalog = CATALOGS[demo.slug]?.(demo.currency)
      if (!catalog) continue
      const tenant = (
        await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
      ).docs[0]
      if (!tenant) continue

      let video = await findOne(payload, 'media', tenant.id, 'title', 'Demo video')
      if (!video && catalog.items.some((item) => item.video)) {
        dir ??= await mkdtemp(path.join(os.tmpdir(), 'atrium-seed-'))
        video = await payload.create({
          collection: 'media',
          data: { tenant: tenant.id, title: 'Demo video', visibility: 'private' },
          filePath: await demoVideo(dir),
        })
        created++
        // ---- media ready ----
        // Transcode it now: a video item is published only once its media is ready (else it stays a draft).
        await payload.jobs.run({ where: { taskSlug: { equals: 'transcodeMedia' } }, limit: 10 })
        // ---- /media ready ----
      }
      const videoReady = video
        ? (await payload.findByID({ collection: 'media', id: video.id, depth: 0 })).status === 'ready'
        : false

      const items = new Map<string, string>()
      for (const { video: usesVideo, ...item } of catalog.items) {
        const existing = await findOne(payload, 'content-items', tenant.id, 'slug', item.slug!)
        const doc =
          existing ??
          (await payload.create({
            collection: 'content-items',
            data: {
              ...item,
              tenant: tenant.id,
              media: usesVideo ? video?.id : undefined,
              _status: usesVideo && !videoReady ? 'draft' : item._status,
            },
          }))
        if (!existing) created++
        items.set(item.slug!, doc.id)
      }

      for (const { modules, product, ...course } of catalog.courses) {
        if (await findOne(payload, 'courses', tenant.id, 'slug', course.slug!)) continue
        const doc = await payload.create({
          collection: 'courses',
          data: { ...course, tenant: tenant.id, _status: 'draft' },
        })
        created++
        let previous: string | undefined // the lesson before, across modules
        for (const part of modules) {
          const moduleDoc = await payload.create({
            collection: 'course-modules',
            data: { tenant: tenant.id, course: doc.id, title: part.title },
          })
          created++
          for (const lesson of part.lessons) {
            const item = catalog.items.find((candidate) => candidate.slug === lesson.item)!
            const lessonDoc = await payload.create({
              collection: 'lessons',
              data: {
                tenant: tenant.id,
                module: moduleDoc.id,
                title: item.title,
                itemType: item.contentType === 'written' ? 'text' : item.contentType,
                content: items.get(lesson.item)!,
                isPreview: lesson.preview ?? false,
                unlock:
                  lesson.unlock?.mode === 'prerequisite'
                    ? { mode: 'prerequisite', prerequisite: previous }
                    : (lesson.unlock ?? { mode: 'none' }),
              },
            })
            created++
            previous = lessonDoc.id
          }
        }
        // lms_uploads: a course is published only once its lessons' media are ready (else it stays a draft)
        const usesVideo = modules.some((part) =>
          part.lessons.some((lesson) => catalog.items.find((candidate) => candidate.slug === lesson.item)?.video),
        )
        if (!usesVideo || videoReady)
          await payload.update({ collection: 'courses', id: doc.id, data: { _status: 'published' } })
        // end lms_uploads
        if (
          product &&
          payload.collections['products'] &&
          !(await findOne(payload, 'products', tenant.id, 'slug', course.slug!))
        ) {
          await payload.create({
            collection: 'products',
            data: {
              tenant: tenant.id,
              slug: course.slug!,
              name: product.name,
              kind: 'digital',
              isActive: true,
              price: { amount: course.price?.amount ?? 0, currency: course.price?.currency ?? demo.currency },
              lms: { course: doc.id, accessDays: product.accessDays || undefined },
            },
          })
          created++
        }
      }
      if (demo.slug === 'lumen-creator') {
        created += await seedLmsQuizDemo(payload, tenant.id)
        created += await seedLmsAssignmentDemo(payload, tenant.id)
      }
    }
    // Transcode the new videos now.
    await payload.jobs.run({ where: { taskSlug: { equals: 'transcodeMedia' } }, limit: 10 })
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true })
  }
  return { created }
}
