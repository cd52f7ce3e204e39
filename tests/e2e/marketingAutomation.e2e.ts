/**
 * The staff automation builder and a new member reached by it (issue 17), in a browser against
 * the demo seed: peak-coaching's owner builds a two-step welcome in /admin/automation-builder
 * (trigger "new member", step 1 an e-mail, step 2 an in-app notification, purpose transactional
 * so quiet hours do not defer it) and saves it; a visitor signs up on the studio's site on a
 * phone, the queued jobs run (as the platform admin, in batches), the e-mail is in the mail
 * folder with the member's first name, the site's header shows one unread notification, and the
 * member marks it read on /<slug>/account/notifications. Run alone with
 * `E2E_RETRIES=0 npx playwright test --project=main --grep marketingAutomation`.
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import {
  demoApi,
  expectVisibleText,
  fitsWidth,
  loginThroughForm,
  NARROW,
  readMailTo,
  siteSignUp,
  stamp,
} from './harness'
import { expect, test } from './fixtures'

// A tenant no other spec signs members up on: the automation mails every new member of it while it runs.
const coach = DEMO_TENANTS.find((demo) => demo.slug === 'peak-coaching')!

test('marketingAutomation-builder-welcome-reaches-new-member', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const owner = await demoApi(baseURL, demoEmail(coach.slug, 'owner'))
  const run = stamp()
  let automation: string | null = null
  try {
    // The owner builds the automation in the admin builder.
    await page.setViewportSize({ width: 1280, height: 900 })
    await loginThroughForm(ctx, demoEmail(coach.slug, 'owner'))
    await page.goto(`${baseURL}/admin/automation-builder`)
    const form = page.getByRole('form', { name: 'Automation' })
    await form.waitFor({ state: 'visible' })
    await expect(async () => {
      await form.getByLabel('Name', { exact: true }).fill(`Welcome ${run}`)
      await expect(form.getByLabel('Name', { exact: true })).toHaveValue(`Welcome ${run}`, { timeout: 1_000 })
    }).toPass({ timeout: 60_000 })
    await form.getByLabel('Trigger').selectOption('member.created')
    await form.getByLabel('Purpose').selectOption('transactional')
    await form.getByLabel('Status').selectOption('active')
    await form.getByLabel('Step 1 channel').selectOption('email')
    await form.getByLabel('Step 1 subject').fill(`Welcome, {{firstName}} (${run})`)
    await form.getByLabel('Step 1 body').fill('Glad you joined us.')
    await form.getByRole('button', { name: 'Add step' }).click()
    await form.getByLabel('Step 2 channel').selectOption('in_app')
    await form.getByLabel('Step 2 subject').fill(`Your first class (${run})`)
    await form.getByLabel('Step 2 body').fill('Pick any class this week.')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('id'), { timeout: 60_000 }),
      form.getByRole('button', { name: 'Save automation' }).click(),
    ])
    automation = new URL(page.url()).searchParams.get('id')
    assert.ok(automation, 'saving opens the automation in the builder')
    await expect(page.getByTestId('builder-preview')).toContainText(/Would reach \d+ members? today\./)
    await expect(page.getByRole('table')).toContainText('Holdout')
    const saved = await owner.get(`/api/automations/${automation}?depth=0`)
    assert.equal(saved.status, 200)
    assert.equal(saved.body.triggerEvent, 'member.created')
    assert.equal(saved.body.purpose, 'transactional')
    assert.equal(saved.body.status, 'active')
    assert.deepEqual(
      saved.body.steps.map((s: { channel: string }) => s.channel),
      ['email', 'in_app'],
    )

    // A visitor signs up on the studio's site on a phone (a fresh context: the owner stays in the admin's).
    const visitor = await ctx.context.browser()!.newContext({ baseURL })
    const site = await visitor.newPage()
    await site.setViewportSize(NARROW)
    const account = `/${coach.slug}/account`
    const email = await siteSignUp(site, baseURL, coach.slug, account, 'Nora Notice')

    // member.created, the enrolment and each step are queued jobs (behind the seed's and other specs'):
    // run them, oldest first, until the site's header counts the in-app step.
    const admin = await demoApi(baseURL, PLATFORM_ADMIN_EMAIL)
    const header = site.getByRole('banner')
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      await admin.get('/api/payload-jobs/run?allQueues=true&limit=200')
      await site.goto(`${baseURL}${account}`)
      const counted = await header
        .getByRole('link', { name: /^Notifications\s*\d+ unread$/ })
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        )
      if (counted) break
    }
    const link = header.getByRole('link', { name: /^Notifications\s*1 unread$/ })
    await expect(link).toBeVisible()
    const mail = await readMailTo(email, 30_000, /^Welcome/) // ---- email verification ---- not the verification mail
    assert.equal(mail.subject, `Welcome, Nora (${run})`)
    assert.match(mail.text, /Glad you joined us\./)

    await Promise.all([site.waitForURL((url) => url.pathname === `${account}/notifications`), link.click()])
    await expectVisibleText(site, '1 unread notification.')
    const item = site.locator('.notification-list li').filter({ hasText: `Your first class (${run})` })
    await expect(item).toContainText('Pick any class this week.')
    await fitsWidth(site, NARROW.width, 'the notifications page')
    await Promise.all([
      site.waitForURL((url) => url.searchParams.get('done') === 'read'),
      item.getByRole('button', { name: 'Mark as read' }).click(),
    ])
    await expectVisibleText(site, 'Marked as read.')
    await expectVisibleText(site, 'You are all caught up.')
    await expect(site.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
    await visitor.close()
  } finally {
    if (automation) await owner.patch(`/api/automations/${automation}`, { status: 'paused' })
  }
})
