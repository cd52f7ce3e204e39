import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { AssignmentLessonView, CourseOutlineReply, LiveSessionView } from '@plugins/lms/contract'
import { AssignmentPanel } from '../../../_lib/AssignmentPanel'
import { QuizPanel, type LastAttempt, type OpenAttempt } from '../../../_lib/QuizPanel'
import { callEndpoint } from '../../../_lib/callEndpoint'
import { completeCourseLesson } from '../../../_lib/courseActions'
import { courseIdBySlug, lockReason, outlineLessons, readOutline } from '../../../_lib/courses'
import { Flash } from '../../../_lib/Flash'
import { LessonPlayer } from '../../../_lib/LessonPlayer'
import { LivePanel } from '../../../_lib/LivePanel'
import { one } from '../../../_lib/messages'
import { href, loadSite, payloadInstance } from '../../../_lib/site'
import { isMember, loadVisitor } from '../../../_lib/visitor'

/** The member's own lesson (access decided per request, signed media URL): never cached. */
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; slug: string; lesson: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type LessonView = {
  lesson: { id: string; title: string; itemType: string }
  content: {
    id: string
    title: string
    contentType: string
    playback: { url: string; posterUrl: string | null; expiresAt: string } | null
    body: unknown
  } | null
  quiz: {
    id: string
    title: string
    passMarkPct: number
    attemptLimit: number | null
    timeLimitMinutes: number | null
  } | null
  assignment: AssignmentLessonView | null
  live: LiveSessionView | null
}

type Node = { type?: string; text?: string; children?: Node[] }
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')

/** A written item's rich text as paragraphs and headings (the editor's top-level blocks). */
const Body = ({ body }: { body: unknown }) => {
  const blocks = ((body as { root?: Node } | null)?.root?.children ?? []).filter((node) => textOf(node).trim())
  return (
    <div className="lesson-body">
      {blocks.map((node, index) =>
        node.type === 'heading' ? <h3 key={index}>{textOf(node)}</h3> : <p key={index}>{textOf(node)}</p>,
      )}
    </div>
  )
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await params
  return { title: 'Lesson', robots: { index: false } }
}

/**
 * One lesson: the player (video, audio), the text, the assignment (instructions, the member's
 * submissions with grade and feedback, the hand-in form), the quiz (start, answer, result) or the
 * live session (its time in the class's zone, the booking, a link to book), or why it is locked (and no media).
 */
export default async function LessonPage({ params, searchParams }: Props) {
  const { tenant, slug, lesson: lessonId } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  if (!UUID.test(lessonId)) notFound()
  const courseId = await courseIdBySlug(site, slug)
  if (!courseId) notFound()
  const visitor = await loadVisitor(site)
  const user = visitor?.user ?? null
  const outline: CourseOutlineReply | null = await readOutline(courseId, user)
  if (!outline) notFound()
  const lessons = outlineLessons(outline)
  const at = lessons.findIndex((lesson) => lesson.id === lessonId)
  if (at < 0) notFound()
  const lesson = lessons[at]
  const query = await searchParams
  const coursePage = href(site, `/courses/${slug}`)
  const next = lessons.slice(at + 1).find((candidate) => candidate.access.allowed)

  const view = lesson.access.allowed
    ? await callEndpoint<LessonView>({
        collection: 'lessons',
        path: '/:id/view',
        method: 'get',
        routeParams: { id: lessonId },
        user,
      })
    : null
  const content = view?.ok ? view.body.content : null
  const assignment = view?.ok ? view.body.assignment : null
  const quiz = view?.ok ? view.body.quiz : null
  const live = view?.ok ? view.body.live : null
  let start = 0
  if (content && visitor && isMember(visitor) && content.playback) {
    const payload = await payloadInstance()
    const { docs } = await payload.find({
      collection: 'playback-positions',
      where: { and: [{ member: { equals: visitor.membership.id } }, { content: { equals: content.id } }] },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user: visitor.user,
    })
    start = docs[0]?.positionSeconds ?? 0
  }
  // A quiz lesson: the member's open attempt (its drawn questions and saved answers) and last result.
  let openAttempt: OpenAttempt | null = null
  let lastAttempt: LastAttempt | null = null
  if (quiz && visitor && isMember(visitor)) {
    const payload = await payloadInstance()
    const mine = (status: 'in_progress' | 'submitted', sort: string) =>
      payload.find({
        collection: 'quiz-submissions',
        where: {
          and: [
            { quiz: { equals: quiz.id } },
            { member: { equals: visitor.membership.id } },
            { status: { equals: status } },
          ],
        },
        sort,
        limit: 1,
        depth: 0,
        overrideAccess: false,
        user: visitor.user,
      })
    const [open, done] = await Promise.all([mine('in_progress', '-startedAt'), mine('submitted', '-submittedAt')])
    const o = open.docs[0]
    if (o)
      openAttempt = {
        id: String(o.id),
        // ---- quiz countdown ---- the limit runs from the attempt's start on the server
        deadline:
          quiz.timeLimitMinutes && o.startedAt
            ? new Date(new Date(o.startedAt).getTime() + quiz.timeLimitMinutes * 60_000).toISOString()
            : null,
        questions: Array.isArray(o.questions) ? (o.questions as OpenAttempt['questions']) : [],
        answers: o.answers && typeof o.answers === 'object' && !Array.isArray(o.answers) ? o.answers : {},
      }
    const d = done.docs[0]
    if (d) lastAttempt = { scorePct: d.scorePct ?? 0, passed: Boolean(d.passed), late: Boolean(d.late) }
  }
  const kind =
    lesson.itemType === 'assignment' || lesson.itemType === 'quiz' || lesson.itemType === 'live'
      ? lesson.itemType
      : content?.contentType === 'audio'
        ? 'audio'
        : content?.contentType === 'video'
          ? 'video'
          : 'text'

  return (
    <>
      <p>
        <a href={coursePage}>{outline.course.title}</a>
      </p>
      <h1>{lesson.title}</h1>
      <Flash error={one(query.error)} success={one(query.done) === 'completed' ? 'Lesson completed.' : null} />
      {!lesson.access.allowed || !view?.ok ? (
        <section className="notice lesson-locked" aria-labelledby="locked-title">
          <h2 id="locked-title">This lesson is locked</h2>
          <p>{lockReason(lesson.access, lesson.after, site.tenant.timezone)}.</p>
          <p>
            <a href={coursePage}>Back to the course</a>
          </p>
        </section>
      ) : (
        <>
          {assignment ? (
            <AssignmentPanel
              assignment={assignment}
              site={site.key}
              base={href(site)}
              slug={slug}
              lesson={lessonId}
              zone={site.tenant.timezone}
              error={one(query.assignment_error)}
              submitted={one(query.done) === 'submitted'}
              enrolled={Boolean(outline.enrollment)}
            />
          ) : null}
          {quiz ? (
            <QuizPanel
              quiz={quiz}
              open={openAttempt}
              last={lastAttempt}
              site={site.key}
              slug={slug}
              lesson={lessonId}
              error={one(query.quiz_error)}
              enrolled={Boolean(outline.enrollment)}
              serverNow={new Date().toISOString()}
            />
          ) : null}
          {live ? <LivePanel live={live} classPage={href(site, `/classes/${live.class}`)} /> : null}
          {kind === 'assignment' || kind === 'quiz' || kind === 'live' ? null : content?.playback && kind !== 'text' ? (
            <LessonPlayer
              lesson={lessonId}
              kind={kind}
              src={content.playback.url}
              poster={content.playback.posterUrl}
              title={lesson.title}
              start={start}
            />
          ) : kind === 'video' || kind === 'audio' ? (
            <p className="muted">This recording is being prepared. Please come back in a few minutes.</p>
          ) : null}
          {content?.body ? <Body body={content.body} /> : null}
          {lesson.completed ? (
            <p className="flash flash-ok">You completed this lesson.</p>
          ) : kind === 'assignment' ? (
            <p className="muted">This lesson completes when your work is graded as passing.</p>
          ) : kind === 'quiz' ? (
            <p className="muted">This lesson completes when you pass the quiz.</p>
          ) : kind === 'live' ? (
            <p className="muted">This lesson completes when you check in to the session.</p>
          ) : kind === 'text' && outline.enrollment ? (
            <form action={completeCourseLesson}>
              <input type="hidden" name="site" value={site.key} />
              <input type="hidden" name="course" value={courseId} />
              <input type="hidden" name="slug" value={slug} />
              <input type="hidden" name="lesson" value={lessonId} />
              <button type="submit" className="button">
                Mark as complete
              </button>
            </form>
          ) : null}
        </>
      )}
      <nav aria-label="Lessons" className="inline-actions">
        <a href={coursePage}>Syllabus</a>
        {next ? <a href={`${coursePage}/${next.id}`}>Next: {next.title}</a> : null}
      </nav>
    </>
  )
}
