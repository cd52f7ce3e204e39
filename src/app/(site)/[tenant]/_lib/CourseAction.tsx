import type { CourseOutlineReply } from '@plugins/lms/contract'
import { buyCourse, enrolInCourse } from './courseActions'
import { outlineLessons } from './courses'
import { money } from './format'
import { href, type Site } from './site'
import { isMember, type Visitor } from './visitor'

/**
 * The "Take this course" / "Your progress" panel of a course or series page: progress and the
 * next lesson when enrolled, else log in, join, enrol (the plugin's access decision says the member
 * may open it) or buy (commerce's product that sells it). `back` is where the forms return.
 */
export const CourseAction = ({
  site,
  visitor,
  outline,
  id,
  slug,
  product,
  back,
}: {
  site: Site
  visitor: Visitor | null
  outline: CourseOutlineReply
  id: string
  slug: string
  product: { id: string; name: string } | null
  back: 'courses' | 'series'
}) => {
  const noun = back === 'series' ? 'series' : 'course'
  const page = href(site, `/${back}/${slug}`)
  const lessonPage = href(site, `/courses/${slug}`)
  const lessons = outlineLessons(outline)
  const done = lessons.filter((lesson) => lesson.completed).length
  const enrolled = Boolean(outline.enrollment)
  const pct = outline.enrollment?.progressPct ?? 0
  return (
    <section aria-labelledby="course-action-title" className="panel course-action">
      <h2 id="course-action-title">{enrolled ? 'Your progress' : `Take this ${noun}`}</h2>
      {enrolled ? (
        <>
          <div className="progress-line">
            <progress
              id="course-progress"
              max={100}
              value={pct}
              aria-label={`${noun === 'series' ? 'Series' : 'Course'} progress`}
            >
              {pct}%
            </progress>
            <span>
              {pct}% · {done} of {lessons.length} {noun === 'series' ? 'items' : 'lessons'} done
            </span>
          </div>
          {outline.next ? (
            <p>
              <a className="button" href={`${lessonPage}/${outline.next}`}>
                {done ? 'Continue' : `Start the ${noun}`}
              </a>
            </p>
          ) : (
            <p className="muted">
              {outline.enrollment?.status === 'completed'
                ? `You completed this ${noun}.`
                : `The next ${noun === 'series' ? 'item' : 'lesson'} is not open yet.`}
            </p>
          )}
        </>
      ) : !visitor ? (
        <p>
          <strong>{outline.course.price ? money(outline.course.price) : 'Free'}</strong>{' '}
          <a className="button" href={`${href(site, '/login')}?${new URLSearchParams({ next: page })}`}>
            Log in to {outline.course.price ? 'buy' : 'enrol'}
          </a>
        </p>
      ) : !isMember(visitor) ? (
        <p>
          <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: page })}`}>
            Join {site.name} first
          </a>
        </p>
      ) : outline.access.allowed ? (
        <form action={enrolInCourse}>
          <input type="hidden" name="site" value={site.key} />
          <input type="hidden" name="course" value={id} />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="button">
            Enrol{outline.course.price ? '' : ' for free'}
          </button>
        </form>
      ) : product ? (
        <form action={buyCourse}>
          <input type="hidden" name="site" value={site.key} />
          <input type="hidden" name="course" value={id} />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="back" value={back} />
          <input type="hidden" name="product" value={product.id} />
          <p>
            <strong>{money(outline.course.price)}</strong>
          </p>
          <button type="submit" className="button" aria-label={`Buy ${outline.course.title}`}>
            Buy the {noun}
          </button>
        </form>
      ) : (
        <p className="muted">
          Ask {site.name} how to join this {noun}.
        </p>
      )}
    </section>
  )
}
