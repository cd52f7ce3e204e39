/**
 * The quiz countdown's words (`QuizCountdown`): what a screen reader hears, once a minute and at
 * 30 s (never every second), and the visible clock.
 */
export const countdownAnnouncement = (seconds: number): string => {
  if (seconds <= 0) return 'Time is up. Your answers are being submitted.'
  if (seconds <= 30) return 'Less than 30 seconds left.'
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute left.' : `${minutes} minutes left.`
}

/** Seconds left as m:ss, or h:mm:ss from an hour; never below 0:00. */
export const countdownClock = (seconds: number): string => {
  const s = Math.max(0, Math.ceil(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
