/**
 * The `test` every browser spec uses: @playwright/test's, against the app globalSetup started
 * (`baseURL`), with an accessibility audit on every page of every browser context the test opens
 * (a11y.ts; the test fails listing the WCAG A/AA violations), and `ctx`, the spec's page, context,
 * base URL and a log line helper in one object for the helpers in harness.ts.
 */
import { writeFile } from 'node:fs/promises'
import { test as base } from '@playwright/test'
import { A11yAudit } from './a11y'
import type { E2EContext } from './harness'

/** Page keys checked in this worker (see A11yAudit). */
const seen = new Set<string>()

type Fixtures = { a11y: A11yAudit; ctx: E2EContext }

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL
    if (!url)
      throw new Error('E2E_BASE_URL is not set: run the specs with `npm run test:e2e` (globalSetup starts the app)')
    await use(url)
  },
  a11y: [
    async ({ page, browser, baseURL }, use, testInfo) => {
      const audit = new A11yAudit(new URL(baseURL!), seen)
      audit.install(page)
      // Pages of contexts the spec opens itself (a second member, the front desk) are checked too.
      const newContext = browser.newContext
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args)
        const newPage = context.newPage
        context.newPage = async () => {
          const opened = await newPage.apply(context)
          audit.install(opened)
          return opened
        }
        context.on('page', (opened) => audit.install(opened))
        return context
      }
      try {
        await use(audit)
      } finally {
        browser.newContext = newContext
      }
      if (audit.violations.length) {
        const body = JSON.stringify(audit.violations, null, 2)
        await writeFile(testInfo.outputPath('axe-violations.json'), body)
        await testInfo.attach('axe-violations.json', { body, contentType: 'application/json' })
        throw new Error(`accessibility (WCAG 2.1 A/AA) violations:\n${audit.report()}`)
      }
    },
    { auto: true },
  ],
  ctx: async ({ page, context, baseURL }, use, testInfo) => {
    await use({ page, context, baseURL: baseURL!, log: (message) => console.log(`  ${testInfo.title}: ${message}`) })
  },
})

export { expect } from '@playwright/test'
