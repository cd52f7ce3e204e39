/**
 * Helpers shared by the browser specs in `tests/e2e/*.e2e.ts` (@playwright/test, see
 * playwright.config.ts and fixtures.ts). Each test gets a fresh browser context and page on the
 * throwaway app started by globalSetup.ts; `ctx` bundles them for these helpers.
 */
import assert from 'node:assert/strict'
import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
  type Request,
} from '@playwright/test'
import { DEMO_PASSWORD } from '../../seed/demoTenants'

export type E2EContext = {
  page: Page
  context: BrowserContext
  /** Where the throwaway app answers, e.g. `http://localhost:41234` (no trailing slash). */
  baseURL: string
  log: (message: string) => void
}

/**
 * Logs in through the admin login form (in a fresh context: a signed-in user is redirected away
 * from /admin/login) and waits until the app has navigated away from it.
 */
export const loginThroughForm = async (
  { page, baseURL }: E2EContext,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> => {
  await page.goto(`${baseURL}/admin/login`)
  const emailField = page.locator('#field-email, input[name=email]').first()
  const passwordField = page.locator('#field-password, input[name=password]').first()
  await emailField.waitFor({ state: 'visible' })
  // The production server sends the form before React hydrates it, and hydration resets what was
  // typed: wait until React owns the field (its fiber is attached), then type until both fields
  // keep their values.
  await emailField.evaluate(
    (field) =>
      new Promise<void>((resolve) => {
        const hydrated = () => Object.keys(field).some((key) => key.startsWith('__reactFiber'))
        const poll = () => (hydrated() ? resolve() : setTimeout(poll, 50))
        poll()
      }),
  )
  await expect(async () => {
    await emailField.fill(email)
    await passwordField.fill(password)
    await expect(emailField).toHaveValue(email, { timeout: 1_000 })
    await expect(passwordField).toHaveValue(password, { timeout: 1_000 })
  }).toPass({ timeout: 60_000 })
  // On a loaded machine the first click can land before the form's submit handler is ready and
  // send nothing: click again until the browser has sent the login request, then wait for its answer.
  const isLogin = (request: Request) =>
    new URL(request.url()).pathname.endsWith('/api/users/login') && request.method() === 'POST'
  let sent: Request | undefined
  await expect(async () => {
    const request = page.waitForRequest(isLogin, { timeout: 5_000 })
    await page.locator('button[type=submit]').first().click()
    sent = await request
  }).toPass({ timeout: 60_000 })
  const response = await sent!.response()
  assert.ok(response, `login of ${email} got no answer`)
  assert.equal(
    response.status(),
    200,
    `login of ${email} answered ${response.status()}: ${await response.text().catch(() => '')}`,
  )
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
}

/** Waits until an element with exactly this text is visible (inside `scope` when given). */
export const expectVisibleText = async (scope: Page | Locator, text: string): Promise<void> => {
  await scope.getByText(text, { exact: true }).first().waitFor({ state: 'visible' })
}

/** No element with exactly this text is visible inside `scope`. */
export const expectNoText = async (scope: Page | Locator, text: string, because: string): Promise<void> => {
  const matches = scope.getByText(text, { exact: true })
  const visible = (await matches.evaluateAll(
    (nodes) =>
      nodes.filter(
        (node) => (node as HTMLElement).offsetParent !== null || (node as HTMLElement).getClientRects().length > 0,
      ).length,
  )) as number
  assert.equal(visible, 0, `"${text}" is visible but should not be: ${because}`)
}

/**
 * Opens a collection's list view and waits until its table has rendered; returns the table
 * (the list view's rows, without the nav or the tenant selector).
 */
export const openCollectionList = async ({ page, baseURL }: E2EContext, slug: string): Promise<Locator> => {
  await page.goto(`${baseURL}/admin/collections/${slug}`)
  const table = page.locator('.collection-list table').first()
  await table.waitFor({ state: 'visible' })
  return table
}

/**
 * The newest mail to `address` written by the app's file mail adapter (`<DATA_DIR>/mail/*.json`;
 * globalSetup publishes the app's DATA_DIR as E2E_DATA_DIR), waiting up to `timeoutMs` for it to
 * arrive. Addresses in specs are unique per run.
 */
export const readMailTo = async (
  address: string,
  timeoutMs = 30_000,
  // ---- email verification ---- only mails whose subject matches (a sign-up also gets a verification mail)
  subject?: RegExp,
): Promise<{ subject: string; text: string; html: string }> => {
  const { readdir, readFile } = await import('node:fs/promises')
  const path = await import('node:path')
  const dataDir = process.env.E2E_DATA_DIR
  assert.ok(dataDir, 'E2E_DATA_DIR is not set (globalSetup sets it)')
  const dir = path.join(dataDir, 'mail')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const file of (await readdir(dir).catch(() => [] as string[])).sort().reverse()) {
      const mail = JSON.parse(await readFile(path.join(dir, file), 'utf8').catch(() => '{}')) as {
        to?: unknown
        subject?: string
        text?: string
        html?: string
      }
      if (
        JSON.stringify(mail.to ?? '')
          .toLowerCase()
          .includes(address.toLowerCase()) &&
        (!subject || subject.test(mail.subject ?? ''))
      )
        return { subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html ?? '' }
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`no mail to ${address} within ${timeoutMs / 1000}s`)
}

/** A unique suffix for names a spec creates. */
export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** A phone-sized viewport. */
export const NARROW = { width: 390, height: 844 }

/** Signs in over REST with the demo password; returns the Authorization header. */
export const restLogin = async (api: APIRequestContext, baseURL: string, email: string) => {
  const response = await api.post(`${baseURL}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
  assert.equal(response.status(), 200, `REST login of ${email} answered ${response.status()}`)
  return { Authorization: `JWT ${((await response.json()) as { token: string }).token}` }
}

/** The JSON body of a response that must answer `expected`. */
export const json = async <T>(
  response: { status: () => number; json: () => Promise<unknown>; text: () => Promise<string> },
  expected: number,
  what: string,
): Promise<T> => {
  assert.equal(response.status(), expected, `${what} answered ${response.status()}: ${await response.text()}`)
  return (await response.json()) as T
}

/** The page is no wider than the viewport (no horizontal scrolling on a phone). */
export const fitsWidth = async (page: Page, width: number, what: string) => {
  const scroll = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
  )
  assert.ok(scroll <= width, `${what} is ${scroll}px wide on a ${width}px viewport`)
}

/** Signs up a new member on a tenant's site (`/<slug>/signup`), continuing to `next` (a path). Returns the e-mail. */
export const siteSignUp = async (page: Page, baseURL: string, slug: string, next: string, name: string) => {
  const email = `${name.split(' ')[0].toLowerCase()}-${stamp()}@example.test`
  await page.goto(`${baseURL}/${slug}/signup?${new URLSearchParams({ next })}`)
  await page.getByLabel('Your name', { exact: true }).fill(name)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('member-password-1')
  await Promise.all([
    page.waitForURL((url) => url.pathname === next),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])
  return email
}

/** JSON over the app's REST API as a demo user (set-up and checks beside the browser). */
export const demoApi = async (baseURL: string, email: string) => {
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  assert.equal(login.status, 200, `API login of ${email}: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${baseURL}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json().catch(() => null)) as any }
  }
  return {
    get: (route: string) => call('GET', route),
    post: (route: string, body?: unknown) => call('POST', route, body),
    patch: (route: string, body?: unknown) => call('PATCH', route, body),
  }
}
