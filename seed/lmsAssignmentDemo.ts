import type { Payload } from 'payload'
import { demoEmail } from './demoTenants'
import { lexicalParagraphs as paragraphs } from '../src/core/text/lexicalParagraphs'

const TITLE = 'Your mobility check-in'
const COURSE = 'mobility-foundations'

/** The demo member's membership of the tenant (by the demo person's key), or undefined. */
const membershipOf = async (payload: Payload, tenant: string, key: string) => {
  const user = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: demoEmail('lumen-creator', key) } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  if (!user) return undefined
  const membership = (
    await payload.find({
      collection: 'tenant-memberships',
      where: { and: [{ tenant: { equals: tenant } }, { user: { equals: user.id } }] },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  return membership ? { user, membership: String(membership.id) } : undefined
}

/**
 * The demo assignment of lumen-creator: an assignment lesson closing "Mobility Foundations", handed
 * in by Maya (waiting for grading) and by Iris (graded 8 / 10 by the creator, which completes her
 * lesson, and so the course, through the plugin's grading hook: her certificate follows from the
 * queue). Both are enrolled with the lessons before it done. Adds only what is missing, so it can
 * run on every start.
 */
export const seedLmsAssignmentDemo = async (payload: Payload, tenant: string): Promise<number> => {
  if (!payload.collections['assignments']) return 0
  let created = 0
  const course = (
    await payload.find({
      collection: 'courses',
      where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: COURSE } }] },
      limit: 1,
      depth: 0,
      draft: true,
    })
  ).docs[0]
  if (!course) return 0

  let assignment = (
    await payload.find({
      collection: 'assignments',
      where: { and: [{ tenant: { equals: tenant } }, { title: { equals: TITLE } }] },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  if (!assignment) {
    assignment = await payload.create({
      collection: 'assignments',
      data: {
        tenant,
        title: TITLE,
        description: 'Two minutes of notes on how your hips and shoulders feel after the course.',
        instructions: paragraphs(
          'Do the hip opening flow and the shoulder reset on the same day.',
          'Then write a few lines: what felt easier than in week one, what still feels stuck, and one thing you will keep doing. A link to a short video of your deepest lunge is welcome.',
        ),
        due: { mode: 'after_days', days: 14 },
        maxPoints: 10,
        passingPoints: 6,
        allowResubmission: true,
      },
    })
    created++
  }

  const lessons = await payload.find({
    collection: 'lessons',
    where: { assignment: { equals: assignment.id } },
    limit: 1,
    depth: 0,
  })
  if (lessons.docs.length === 0) {
    const lastModule = (
      await payload.find({
        collection: 'course-modules',
        where: { course: { equals: course.id } },
        sort: '-createdAt',
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    if (!lastModule) return created
    await payload.create({
      collection: 'lessons',
      data: {
        tenant,
        module: lastModule.id,
        title: `Assignment: ${TITLE.toLowerCase()}`,
        itemType: 'assignment',
        assignment: assignment.id,
        unlock: { mode: 'none' },
      },
    })
    created++
  }

  const grader = await membershipOf(payload, tenant, 'instructor')
  const handIns = [
    {
      key: 'member1',
      body: 'Hips: the lunge is deeper and I no longer wobble. Shoulders: still tight on the left. I will keep the breathing before every session.',
      grade: null,
    },
    {
      key: 'member3',
      body: 'Both flows done on Sunday. The shoulder reset made the biggest difference; the hip flow is still hard after desk days.',
      links: ['https://example.com/lunge-video'],
      grade: { points: 8, feedback: 'Lovely notes. Try the hip flow before work on desk days, not after.' },
    },
  ]
  for (const handIn of handIns) {
    const person = await membershipOf(payload, tenant, handIn.key)
    if (!person) continue
    const existing = await payload.find({
      collection: 'assignment-submissions',
      where: { and: [{ assignment: { equals: assignment.id } }, { member: { equals: person.membership } }] },
      limit: 1,
      depth: 0,
    })
    if (existing.docs.length) continue
    const enrolled = await payload.find({
      collection: 'course-enrollments',
      where: { and: [{ course: { equals: course.id } }, { member: { equals: person.membership } }] },
      limit: 1,
      depth: 0,
    })
    if (!enrolled.docs.length) {
      // Enrolled a while ago with every lesson before the assignment done (a linear course: the
      // assignment lesson opens only then).
      const lessons = (
        await payload.find({ collection: 'lessons', where: { course: { equals: course.id } }, limit: 100, depth: 0 })
      ).docs
      const done = lessons.filter((lesson) => lesson.itemType !== 'assignment')
      await payload.create({
        collection: 'course-enrollments',
        data: {
          tenant,
          course: course.id,
          member: person.membership,
          status: 'active',
          progressPct: Math.floor((done.length * 100) / Math.max(1, lessons.length)),
          enrolledAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
          source: 'free',
        },
      })
      for (const lesson of done)
        await payload.create({
          collection: 'lesson-completions',
          data: {
            tenant,
            member: person.membership,
            course: course.id,
            lesson: lesson.id,
            completedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          },
        })
      created += 1 + done.length
    }
    const submission = await payload.create({
      collection: 'assignment-submissions',
      data: {
        tenant,
        assignment: assignment.id,
        member: person.membership,
        attempt: 1,
        status: 'submitted',
        body: handIn.body,
        links: (handIn.links ?? []).map((url) => ({ url })),
        submittedAt: new Date().toISOString(),
      },
    })
    created++
    // lms_uploads: the waiting hand-in carries a small text file (graders download it from the submission)
    if (!handIn.grade && payload.collections['assignment-files']) {
      const notes = Buffer.from(`${handIn.body}\n\nHip flow: 3 rounds. Shoulder reset: daily.\n`)
      await payload.create({
        collection: 'assignment-files',
        data: { tenant, submission: submission.id },
        file: { data: notes, mimetype: 'text/plain', name: 'mobility-check-in-notes.txt', size: notes.length },
      })
      created++
    }
    // end lms_uploads
    if (handIn.grade)
      // graded as the creator would in the admin: the hook stamps gradedBy and completes the lesson
      await payload.update({
        collection: 'assignment-submissions',
        id: submission.id,
        data: { status: 'graded', ...handIn.grade },
        user: grader ? { ...grader.user, collection: 'users' } : undefined,
      })
  }
  return created
}
