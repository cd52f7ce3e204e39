import type { AssignmentLessonView, AssignmentSubmissionView } from '@plugins/lms/contract'
import { submitAssignmentWork } from './assignmentActions'
import { LINK_FIELDS } from './assignmentForm'
import { dateTime } from './format'

/** What the assignment form's refusals mean for the member. */
const ERRORS: Record<string, string> = {
  already_submitted: 'You already handed this in. You can hand in again only if it is returned to you.',
  resubmission_not_allowed: 'This assignment takes one submission only.',
  empty_submission: 'Write an answer or add a link before handing in.',
  invalid_input: 'Please check the form: links must be full web addresses (https://…).',
  lesson_locked: 'This lesson is not open yet.',
  not_enrolled: 'Enrol in the course first.',
}

const STATUS: Record<AssignmentSubmissionView['status'], string> = {
  submitted: 'Waiting for grading',
  graded: 'Graded',
  returned: 'Returned for another try',
}

type Node = { type?: string; text?: string; children?: Node[] }
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')

const inputStyle = {
  font: 'inherit',
  padding: '0.5rem 0.6rem',
  border: '1px solid #8a919e',
  borderRadius: '0.35rem',
  width: '100%',
  boxSizing: 'border-box',
} as const

const Submission = ({
  submission,
  maxPoints,
  zone,
}: {
  submission: AssignmentSubmissionView
  maxPoints: number
  zone: string
}) => (
  <li className="card assignment-submission">
    <p>
      <strong>Attempt {submission.attempt}</strong> · handed in {dateTime(submission.submittedAt, zone)}
      {submission.late ? ' (late)' : ''}
    </p>
    <p>
      <span className={`badge badge-assignment-${submission.status}`}>{STATUS[submission.status]}</span>
      {submission.points !== null ? (
        <>
          {' '}
          {submission.points} / {maxPoints} points{submission.passed ? ' — passed' : ' — not passed yet'}
        </>
      ) : null}
    </p>
    {submission.feedback ? (
      <div>
        <h4>Feedback</h4>
        <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{submission.feedback}</p>
      </div>
    ) : null}
    {submission.body ? (
      <details>
        <summary>Your answer</summary>
        <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{submission.body}</p>
      </details>
    ) : null}
    {submission.links.length ? (
      <ul aria-label={`Links of attempt ${submission.attempt}`}>
        {submission.links.map((link) => (
          <li key={link} style={{ overflowWrap: 'anywhere' }}>
            <a href={link} rel="noopener noreferrer nofollow" target="_blank">
              {link}
            </a>
          </li>
        ))}
      </ul>
    ) : null}
  </li>
)

/**
 * An assignment lesson: the instructions, when it is due, the member's submissions with their status,
 * grade and feedback, and the form to hand in (again, once returned). No client JavaScript.
 */
export const AssignmentPanel = ({
  assignment,
  site,
  slug,
  lesson,
  zone,
  error,
  submitted,
  enrolled,
}: {
  assignment: AssignmentLessonView
  site: string
  slug: string
  lesson: string
  zone: string
  error: string
  submitted: boolean
  enrolled: boolean
}) => {
  const blocks = ((assignment.instructions as { root?: Node } | null)?.root?.children ?? []).filter((node) =>
    textOf(node).trim(),
  )
  const last = assignment.submissions[0]
  return (
    <section className="assignment" aria-labelledby="assignment-title">
      <h2 id="assignment-title">{assignment.title}</h2>
      {assignment.description ? <p className="muted">{assignment.description}</p> : null}
      <div className="lesson-body">
        {blocks.map((node, index) =>
          node.type === 'heading' ? <h3 key={index}>{textOf(node)}</h3> : <p key={index}>{textOf(node)}</p>,
        )}
      </div>
      <p>
        Marked out of {assignment.maxPoints} points; {assignment.passingPoints} or more passes and completes this
        lesson.
        {assignment.dueAt ? ` Due ${dateTime(assignment.dueAt, zone)}.` : ''}
      </p>
      {error ? (
        <p className="flash flash-error" role="alert">
          {ERRORS[error] ?? 'That did not work. Please try again, or contact the studio.'}
        </p>
      ) : submitted ? (
        <p className="flash flash-ok" role="status">
          Handed in. You will get an e-mail when it is graded.
        </p>
      ) : null}
      {assignment.submissions.length ? (
        <>
          <h3>Your submissions</h3>
          <ol className="stack" style={{ listStyle: 'none', padding: 0 }}>
            {assignment.submissions.map((submission) => (
              <Submission key={submission.id} submission={submission} maxPoints={assignment.maxPoints} zone={zone} />
            ))}
          </ol>
        </>
      ) : null}
      {assignment.canSubmit && enrolled ? (
        <form action={submitAssignmentWork} className="stack" aria-labelledby="assignment-form-title">
          <h3 id="assignment-form-title">{last ? 'Hand in again' : 'Hand in your work'}</h3>
          <input type="hidden" name="site" value={site} />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="lesson" value={lesson} />
          <input type="hidden" name="assignment" value={assignment.id} />
          <div className="field">
            <label htmlFor="assignment-body">Your answer</label>
            <textarea id="assignment-body" name="body" rows={8} maxLength={20000} style={inputStyle} />
          </div>
          <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <legend>Links to your work (optional)</legend>
            {Array.from({ length: LINK_FIELDS }, (_, i) => (
              <div className="field" key={i}>
                <label htmlFor={`assignment-link-${i + 1}`}>Link {i + 1}</label>
                <input
                  id={`assignment-link-${i + 1}`}
                  name={`link${i + 1}`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                />
              </div>
            ))}
          </fieldset>
          <p>
            <button type="submit" className="button">
              {last ? 'Hand in again' : 'Hand in'}
            </button>
          </p>
        </form>
      ) : !enrolled ? (
        <p className="muted">Enrol in the course to hand in this assignment.</p>
      ) : null}
    </section>
  )
}
