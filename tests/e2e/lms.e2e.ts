/**
 * The LMS member site on lumen-creator (seed/lmsDemo.ts): a member enrols in the free linear
 * course, watches its video lesson (hls.js), the position is saved and restored on reload,
 * completes the text lesson and sees progress rise; a locked lesson says why. At 390 px.
 */
import assert from 'node:assert/strict'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { expect, test } from './fixtures'
import { demoApi, fitsWidth, NARROW, readMailTo, siteSignUp } from './harness'

const SLUG = 'lumen-creator'

const siteLogin = async (page: Page, email: string, next: string) => {
  await page.goto(`/${SLUG}/login?${new URLSearchParams({ next })}`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.endsWith('/login')),
    page.getByRole('button', { name: 'Log in' }).click(),
  ])
}

/** The lesson's video element's current time once it has metadata. */
const currentTime = (page: Page) => page.locator('video.lesson-media').evaluate((v: HTMLVideoElement) => v.currentTime)

test('lms: a member enrols, watches and resumes a video lesson, completes a text lesson, at 390 px', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize(NARROW)
  await siteLogin(page, demoEmail(SLUG, 'member2'), `/${SLUG}/courses`)
  await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor()
  await fitsWidth(page, NARROW.width, 'the catalog')
  await Promise.all([
    page.waitForURL(/\/courses\/mobility-foundations$/),
    page.getByRole('link', { name: 'Mobility Foundations' }).click(),
  ])

  // Enrol in the free course: the second lesson waits for the first (linear course).
  await Promise.all([page.waitForURL(/done=enrolled/), page.getByRole('button', { name: 'Enrol for free' }).click()])
  const row = (title: string) => page.locator('.lesson-row', { has: page.getByText(title, { exact: true }) })
  const breath = row('Breath first')
  await expect(breath).toContainText('Opens after you complete “Welcome to Lumen”')
  await fitsWidth(page, NARROW.width, 'the course page')

  // The video lesson plays through hls.js; pausing saves the position.
  await Promise.all([
    page.waitForURL(/\/courses\/mobility-foundations\/[0-9a-f-]{36}$/),
    page.getByRole('link', { name: 'Start the course' }).click(),
  ])
  const video = page.locator('video.lesson-media')
  // hls.js, or the browser's own HLS where it claims it (recent Chromium does, like Safari).
  await expect(video).toHaveAttribute('data-hls', /^(attached|native)$/)
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true
    return v.play()
  })
  await expect.poll(() => currentTime(page), { timeout: 30_000 }).toBeGreaterThan(1.5)
  const saved = page.waitForResponse(
    (response) =>
      /\/api\/lessons\/[^/]+\/position$/.test(new URL(response.url()).pathname) &&
      response.request().method() === 'PATCH',
  )
  await video.evaluate((v: HTMLVideoElement) => v.pause())
  const response = await saved
  assert.equal(response.status(), 200, `saving the position answered ${response.status()}`)
  const position = ((await response.json()) as { positionSeconds: number }).positionSeconds
  assert.ok(position > 1, `saved position ${position}`)

  // A reload resumes near the saved position.
  await page.reload()
  await expect.poll(() => currentTime(page), { timeout: 30_000 }).toBeGreaterThan(position - 1)

  // Watching to the end completes the lesson; the text lesson opens and is marked done.
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true
    v.currentTime = Math.max(0, v.duration - 0.5)
    await v.play()
  })
  await page.waitForResponse(
    async (r) =>
      r.request().method() === 'PATCH' && r.ok() && ((await r.json()) as { completed?: boolean }).completed === true,
  )
  await page.goto(`/${SLUG}/courses/mobility-foundations`)
  await expect(row('Welcome to Lumen')).toContainText('Completed')
  await Promise.all([page.waitForURL(/[0-9a-f-]{36}$/), page.getByRole('link', { name: 'Breath first' }).click()])
  await page.getByText('Every practice starts with how you breathe', { exact: false }).waitFor()
  await Promise.all([page.waitForURL(/done=completed/), page.getByRole('button', { name: 'Mark as complete' }).click()])
  await page.goto(`/${SLUG}/courses/mobility-foundations`)
  await expect(page.locator('#course-progress')).toHaveAttribute('value', '40')
  await fitsWidth(page, NARROW.width, 'the course page')

  // The account lists the course to continue.
  await page.goto(`/${SLUG}/account`)
  const learning = page.locator('section[aria-labelledby=learning-title]')
  await expect(learning).toContainText('Mobility Foundations')
  await expect(learning.getByRole('link', { name: 'Continue Mobility Foundations' })).toBeVisible()
})

test('lms: a paid course asks to buy its lessons, its preview plays', async ({ page }) => {
  await siteLogin(page, demoEmail(SLUG, 'member3'), `/${SLUG}/courses/core-in-three-days`)
  // Not bought: the preview opens, the rest asks to buy.
  await expect(page.locator('.lesson-row', { hasText: 'Core, day 1' })).toContainText('Free preview')
  const locked = page.locator('.lesson-row', { hasText: 'Core, day 2' })
  await expect(locked).toContainText('Buy the course to open')
  await expect(page.getByRole('button', { name: 'Buy Core in Three Days' })).toBeVisible()
  // The free preview opens with the player.
  const href = await page.getByRole('link', { name: /Core, day 1/ }).getAttribute('href')
  await page.goto(href!)
  await page.locator('video.lesson-media').waitFor()
})

test('lms: a graded assignment shows its grade; staff return one and the member hands in again, at 390 px', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const lessonTitle = 'Assignment: your mobility check-in'
  const openAssignment = async (on: Page) => {
    await Promise.all([
      on.waitForURL(/\/courses\/mobility-foundations\/[0-9a-f-]{36}$/),
      on.getByRole('link', { name: lessonTitle }).click(),
    ])
    return on.locator('section.assignment')
  }

  // Iris (seeded): graded 8 / 10 by the creator, with feedback; nothing more to hand in.
  await page.setViewportSize(NARROW)
  await siteLogin(page, demoEmail(SLUG, 'member3'), `/${SLUG}/courses/mobility-foundations`)
  const graded = await openAssignment(page)
  await expect(graded).toContainText('8 / 10 points — passed')
  await expect(graded).toContainText('Try the hip flow before work')
  await expect(graded.getByRole('button', { name: /Hand in/ })).toHaveCount(0)
  await fitsWidth(page, NARROW.width, 'the graded assignment lesson')

  // The creator returns Maya's waiting submission (the grading endpoint the admin's rules share).
  const creator = await demoApi(baseURL!, demoEmail(SLUG, 'instructor'))
  const waiting = await creator.get('/api/assignment-submissions?where[status][equals]=submitted&depth=0&limit=5')
  expect(waiting.status).toBe(200)
  const mayaSubmission = waiting.body.docs[0].id as string
  const returned = await creator.post(`/api/assignment-submissions/${mayaSubmission}/return`, {
    feedback: 'Add a line about your shoulders, please.',
  })
  expect(returned.status).toBe(200)

  // Maya sees it returned with the feedback and hands in again from her phone.
  const context = await browser.newContext({ viewport: NARROW })
  const maya = await context.newPage()
  await siteLogin(maya, demoEmail(SLUG, 'member1'), `/${SLUG}/courses/mobility-foundations`)
  const mine = await openAssignment(maya)
  await expect(mine).toContainText('Returned for another try')
  await expect(mine).toContainText('Add a line about your shoulders, please.')
  await fitsWidth(maya, NARROW.width, 'the returned assignment lesson')
  await maya.getByLabel('Your answer').fill('Shoulders: the left one opens after the reset now.')
  await maya.getByLabel('Link 1').fill('https://example.com/shoulders')
  await Promise.all([maya.waitForURL(/done=submitted/), maya.getByRole('button', { name: 'Hand in again' }).click()])
  await expect(mine.getByRole('status')).toContainText('Handed in')
  await expect(mine).toContainText('Attempt 2')
  await expect(mine).toContainText('Waiting for grading')
  await fitsWidth(maya, NARROW.width, 'the assignment lesson')
  await context.close()
})

// ---- email verification ----
test('lms: a new member verifies their e-mail before buying a course; a series lists its items in order, at 390 px', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize(NARROW)
  const account = `/${SLUG}/account`
  const email = await siteSignUp(page, baseURL!, SLUG, account, 'Vera Verify')
  const notice = page.locator('section[aria-labelledby=verify-email-title]')
  await expect(notice).toContainText('Verify your e-mail')
  await expect(notice).toContainText(email)
  await fitsWidth(page, NARROW.width, 'the account with the verify notice')

  // Not verified yet: the course is not sold (a class pack would be).
  await page.goto(`/${SLUG}/courses/core-in-three-days`)
  await Promise.all([
    page.waitForURL(/error=email_unverified/),
    page.getByRole('button', { name: 'Buy Core in Three Days' }).click(),
  ])
  await expect(page.locator('.flash-error')).toContainText(
    'Verify your e-mail address before buying courses or content',
  )

  // A new link from the account, mailed by the jobs runner; its page verifies the address.
  await page.goto(account)
  await notice.getByRole('button', { name: 'Send a new link' }).click()
  await expect(notice.locator('.flash-ok')).toContainText(`We sent a new link to ${email}`)
  const admin = await demoApi(baseURL!, PLATFORM_ADMIN_EMAIL)
  let mail: { text: string } | null = null
  for (const deadline = Date.now() + 120_000; !mail && Date.now() < deadline; ) {
    await admin.get('/api/payload-jobs/run?allQueues=true&limit=200')
    mail = await readMailTo(email, 3_000, /^Verify your e-mail/).catch(() => null)
  }
  const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(mail?.text ?? '')?.[0]
  assert.ok(link, `no verification link mailed to ${email}`)
  const target = new URL(link)
  await page.goto(target.pathname + target.search)
  await expect(page.locator('.flash-ok')).toContainText(`your e-mail address ${email} is verified`)
  await fitsWidth(page, NARROW.width, 'the verify page')
  await page.goto(target.pathname + target.search)
  await expect(page.locator('.flash-ok')).toContainText('is already verified')
  await page.goto(account)
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
  await expect(notice).toHaveCount(0)

  // The series list and a series: its items in order with their states, enrol, then linear locks.
  await page.goto(`/${SLUG}/series`)
  await fitsWidth(page, NARROW.width, 'the series list')
  await Promise.all([page.waitForURL(/\/series\/desk-reset$/), page.getByRole('link', { name: 'Desk Reset' }).click()])
  const items = page.locator('.series-items > li')
  await expect(items).toHaveCount(3)
  await expect(items.nth(0)).toContainText('1. Breath first')
  await expect(items.nth(0)).toContainText('Free preview')
  await expect(items.nth(1)).toContainText('Enrol to open')
  await fitsWidth(page, NARROW.width, 'the series page')
  await Promise.all([
    page.waitForURL(/\/series\/desk-reset\?done=enrolled/),
    page.getByRole('button', { name: 'Enrol for free' }).click(),
  ])
  await expect(items.nth(1)).toContainText('Opens after you complete “Breath first”')
})
// ---- /email verification ----
