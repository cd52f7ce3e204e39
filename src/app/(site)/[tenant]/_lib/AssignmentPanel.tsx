import type { AssignmentLessonView, AssignmentSubmissionView } from '@plugins/lms/contract'
import { LINK_FIELDS } from './assignmentForm'
import { dateTime } from './format'

/** What the assignment form's refusals mean for the member. */
const ERRORS: Record<string, string> = {
  already_submitted: 'You already handed this in. You can hand in again only if it is returned to you.',
  resubmission_not_allowed: 'This assignment takes one submission only.',
  empty_submission: 'Write an answer, add a link or attach a file before handing in.',
  file_too_large: 'A file is too large: each file may be at most 25 MB.',
  body_too_large: 'The files are too large together: hand in at most 25 MB at once.',
  unsupported_type:
    'A file is of a type you cannot hand in. Use PDF, images (PNG, JPEG, GIF, WebP), Word, PowerPoint or Excel documents, zip archives or plain text.',
  too_many_files: 'You can attach at most 3 files.',
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

/** A size for people: 840 KB, 2.4 MB. */
const sizeOf = (bytes: number) =>
  bytes < 1024 ** 2 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`

const Submission = ({
  submission,
  maxPoints,
  zone,
  base,
}: {
  submission: AssignmentSubmissionView
  maxPoints: number
  zone: string
  base: string
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
    {submission.files.length ? (
      <ul aria-label={`Files of attempt ${submission.attempt}`}>
        {submission.files.map((file) => (
          <li key={file.id} style={{ overflowWrap: 'anywhere' }}>
            <a href={`${base}/assignment-files/${file.id}`} download={file.filename}>
              {file.filename}
            </a>{' '}
            <span className="muted">({sizeOf(file.size)})</span>
          </li>
        ))}
      </ul>
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

/** What the file input accepts (lms's default assignment file types). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.pptx,.xlsx,.zip,.txt'

/**
 * An assignment lesson: the instructions, when it is due, the member's submissions with their status,
 * grade, feedback and files, and the form to hand in (again, once returned) with files: a plain
 * multipart form posted to the site's `hand-in` route (no client JavaScript, no server action cap).
 */
export const AssignmentPanel = ({
  assignment,
  site,
  base,
  slug,
  lesson,
  zone,
  error,
  submitted,
  enrolled,
}: {
  assignment: AssignmentLessonView
  site: string
  /** The site's link base (`href(site)`): the hand-in route and file links hang under it. */
  base: string
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
              <Submission
                key={submission.id}
                submission={submission}
                maxPoints={assignment.maxPoints}
                zone={zone}
                base={base === '/' ? '' : base}
              />
            ))}
          </ol>
        </>
      ) : null}
      {assignment.canSubmit && enrolled ? (
        <form
          action={`${base === '/' ? '' : base}/hand-in`}
          method="post"
          encType="multipart/form-data"
          className="stack"
          aria-labelledby="assignment-form-title"
        >
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
          <div className="field">
            <label htmlFor="assignment-files">Files (optional)</label>
            <input
              id="assignment-files"
              name="file"
              type="file"
              multiple
              accept={ACCEPT}
              aria-describedby="assignment-files-hint"
              style={{ maxWidth: '100%' }}
            />
            <p id="assignment-files-hint" className="muted">
              Up to 3 files, 25 MB in total: PDF, images, Word, PowerPoint or Excel documents, zip or text.
            </p>
          </div>
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
