/** Percentile and summary helpers for `npm run bench`. */
export const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export const summarize = (latenciesMs: number[], elapsedMs: number) => ({
  requests: latenciesMs.length,
  perSecond: Math.round(latenciesMs.length / (elapsedMs / 1000)),
  p50: Number(percentile(latenciesMs, 50).toFixed(1)),
  p95: Number(percentile(latenciesMs, 95).toFixed(1)),
  p99: Number(percentile(latenciesMs, 99).toFixed(1)),
})
