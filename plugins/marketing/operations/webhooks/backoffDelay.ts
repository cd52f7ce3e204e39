/**
 * The wait (ms) before the next try after `attempts` failed ones: the schedule's entry for that
 * attempt (the last one repeats), spread by ±20 % jitter so retries of many endpoints do not align.
 */
export const backoffDelay = (
  attempts: number,
  scheduleMinutes: number[],
  random: () => number = Math.random,
): number => {
  const minutes = scheduleMinutes[Math.min(Math.max(attempts, 1), scheduleMinutes.length) - 1] ?? 1
  const jitter = 0.8 + random() * 0.4
  return Math.round(minutes * 60_000 * jitter)
}
