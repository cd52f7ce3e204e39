/**
 * The last lines of an e2e run, beside the list reporter: counts, the wall time, and the tests that
 * only passed on a retry (flaky) or failed, by name, so a retry is never hidden.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SummaryReporter implements Reporter {
  private readonly started = Date.now()
  private readonly tests = new Map<TestCase, TestResult[]>()

  onTestEnd(test: TestCase, result: TestResult) {
    this.tests.set(test, [...(this.tests.get(test) ?? []), result])
  }

  onEnd(result: FullResult) {
    const count: Record<string, string[]> = { expected: [], flaky: [], unexpected: [], skipped: [] }
    for (const [test, results] of this.tests) {
      const name = `${test.title}${results.length > 1 ? ` (${results.length} attempts)` : ''}`
      count[test.outcome()].push(name)
    }
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    console.log(
      `e2e: ${count.expected.length} passed, ${count.flaky.length} flaky, ${count.unexpected.length} failed, ` +
        `${count.skipped.length} skipped in ${seconds}s (${result.status})`,
    )
    if (count.flaky.length) console.log(`e2e flaky (passed on a retry): ${count.flaky.join('; ')}`)
    if (count.unexpected.length) console.log(`e2e failed: ${count.unexpected.join('; ')}`)
  }

  printsToStdio() {
    return false
  }
}
