'use client'

import { useEffect, useRef, useState } from 'react'
import { countdownAnnouncement, countdownClock } from './countdown'

/**
 * A quiz attempt's time limit, counted from the attempt's start on the server (`deadline`, with the
 * server's clock at render `serverNow`, so a wrong clock on the device does not move it). The
 * visible clock ticks every second but is hidden from assistive technology; a polite live region
 * announces the time left at minute steps (and at 30 s). At zero the attempt's form is submitted
 * (once), inside the server's grace period, so the answers count; a submission past the limit and
 * its grace is scored as late and does not pass (the server's rule).
 */
export function QuizCountdown({
  deadline,
  serverNow,
  formId,
  autoSubmit = true,
}: {
  deadline: string
  serverNow: string
  formId: string
  /** Off after a failed submission, so a refused attempt is not re-sent in a loop. */
  autoSubmit?: boolean
}) {
  const [left, setLeft] = useState(() =>
    Math.ceil((new Date(deadline).getTime() - new Date(serverNow).getTime()) / 1000),
  )
  const [announced, setAnnounced] = useState(() => countdownAnnouncement(left))
  const submitted = useRef(false)

  useEffect(() => {
    // The device's offset from the server clock, taken once on mount.
    const skew = new Date(serverNow).getTime() - Date.now()
    const end = new Date(deadline).getTime()
    let lastMessage: string | null = null
    const tick = () => {
      const seconds = Math.ceil((end - (Date.now() + skew)) / 1000)
      setLeft(seconds)
      const message = countdownAnnouncement(seconds)
      if (message !== lastMessage) {
        lastMessage = message
        setAnnounced(message)
      }
      if (seconds <= 0 && autoSubmit && !submitted.current) {
        submitted.current = true
        const form = document.getElementById(formId)
        if (form instanceof HTMLFormElement) form.requestSubmit()
      }
    }
    const timer = window.setInterval(tick, 1000)
    return () => window.clearInterval(timer)
  }, [deadline, serverNow, formId, autoSubmit])

  return (
    <div className="quiz-countdown">
      <p>
        Time left:{' '}
        <span aria-hidden="true" style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
          {countdownClock(left)}
        </span>
      </p>
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announced}
      </p>
    </div>
  )
}
