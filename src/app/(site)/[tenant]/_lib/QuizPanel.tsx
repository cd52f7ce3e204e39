import { QuizCountdown } from './QuizCountdown'
import { startQuizAttempt, submitQuizAttempt } from './quizActions'

type Question = { id: string; kind: 'single' | 'multiple' | 'true_false' | 'short'; prompt: string; choices: string[] }
export type OpenAttempt = {
  id: string
  questions: Question[]
  answers: Record<string, unknown>
  /** When the time limit ends (the attempt's start on the server + the quiz's limit); null: no limit. */
  deadline: string | null
}
export type LastAttempt = { scorePct: number; passed: boolean; late: boolean }

const ERRORS: Record<string, string> = {
  attempt_limit: 'You have used every attempt at this quiz.',
  attempt_closed: 'This attempt was already submitted.',
  invalid_input: 'Please check your answers and try again.',
}

/**
 * A quiz lesson: its pass mark, the member's last result, and either a button to start (or resume)
 * an attempt or the open attempt's questions as a form. Scored on the server. With a time limit the
 * form carries a countdown (`QuizCountdown`, the only client JavaScript) that submits it at zero.
 */
export const QuizPanel = ({
  quiz,
  open,
  last,
  site,
  slug,
  lesson,
  error,
  enrolled,
  serverNow,
}: {
  quiz: { id: string; title: string; passMarkPct: number; attemptLimit: number | null; timeLimitMinutes: number | null }
  open: OpenAttempt | null
  last: LastAttempt | null
  site: string
  slug: string
  lesson: string
  error: string
  enrolled: boolean
  /** The server's clock when the page was made (the countdown's reference). */
  serverNow: string
}) => {
  const hidden = (
    <>
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="lesson" value={lesson} />
    </>
  )
  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">{quiz.title}</h2>
      <p>
        Score {quiz.passMarkPct} % or more to pass and complete this lesson
        {quiz.attemptLimit ? ` (${quiz.attemptLimit} attempts)` : ''}.
        {quiz.timeLimitMinutes
          ? ` You have ${quiz.timeLimitMinutes} minute${quiz.timeLimitMinutes === 1 ? '' : 's'} from the start of an attempt; answers are submitted when the time is up, and an attempt handed in later does not pass.`
          : ''}
      </p>
      {error ? (
        <p className="flash flash-error" role="alert">
          {ERRORS[error] ?? 'That did not work. Please try again, or contact the studio.'}
        </p>
      ) : null}
      {last ? (
        <p className={`flash ${last.passed ? 'flash-ok' : 'flash-error'}`} role="status">
          Your last attempt scored {last.scorePct} %{last.late ? ' (after the time limit)' : ''}:{' '}
          {last.passed ? 'passed.' : 'not passed yet.'}
        </p>
      ) : null}
      {!enrolled ? (
        <p className="muted">Enrol in the course to take this quiz.</p>
      ) : open ? (
        <form action={submitQuizAttempt} className="stack" id="quiz-form">
          {hidden}
          {open.deadline ? (
            <QuizCountdown deadline={open.deadline} serverNow={serverNow} formId="quiz-form" autoSubmit={!error} />
          ) : null}
          <input type="hidden" name="attempt" value={open.id} />
          {open.questions.map((question, index) => {
            const saved = open.answers[question.id]
            const name = `q_${question.id}`
            return (
              <fieldset key={question.id} className="card" style={{ minWidth: 0 }}>
                <input type="hidden" name="question" value={`${question.id}:${question.kind}`} />
                <legend style={{ overflowWrap: 'anywhere' }}>
                  {index + 1}. {question.prompt}
                </legend>
                {question.kind === 'short' ? (
                  <div className="field">
                    <label htmlFor={`${name}-text`}>Your answer</label>
                    <input
                      id={`${name}-text`}
                      name={name}
                      type="text"
                      maxLength={2000}
                      defaultValue={typeof saved === 'string' ? saved : ''}
                    />
                  </div>
                ) : question.kind === 'true_false' ? (
                  (['true', 'false'] as const).map((value) => (
                    <p key={value}>
                      <label>
                        <input
                          type="radio"
                          name={name}
                          value={value}
                          defaultChecked={typeof saved === 'boolean' && String(saved) === value}
                        />{' '}
                        {value === 'true' ? 'True' : 'False'}
                      </label>
                    </p>
                  ))
                ) : (
                  question.choices.map((choice, i) => (
                    <p key={i}>
                      <label style={{ overflowWrap: 'anywhere' }}>
                        <input
                          type={question.kind === 'multiple' ? 'checkbox' : 'radio'}
                          name={name}
                          value={i}
                          defaultChecked={Array.isArray(saved) && saved.includes(i)}
                        />{' '}
                        {choice}
                      </label>
                    </p>
                  ))
                )}
              </fieldset>
            )
          })}
          <p>
            <button type="submit" className="button">
              Submit answers
            </button>
          </p>
        </form>
      ) : last?.passed ? null : (
        <form action={startQuizAttempt}>
          {hidden}
          <input type="hidden" name="quiz" value={quiz.id} />
          <button type="submit" className="button">
            {last ? 'Try again' : 'Start the quiz'}
          </button>
        </form>
      )}
    </section>
  )
}
