/**
 * An automation reaching a new member (issue 17), in a browser against the demo seed: the studio's
 * owner sets up a two-step welcome (an e-mail, then an in-app notification) for new members; a
 * visitor signs up on the site on a phone, the queued jobs run (as the platform admin), the e-mail
 * is in the mail folder with the member's first name, and the site's header shows one unread
 * notification; the member opens it and marks it read. Run alone with
 * `E2E_SPECS=site-notifications npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { demoApi, expectVisibleText, fitsWidth, NARROW, readMailTo, siteSignUp, stamp } from './harness'
import { expect, test } from './fixtures'

// A tenant no other spec signs members up on: the automation mails every new member of it while it runs.
const coach = DEMO_TENANTS.find((demo) => demo.slug === 'peak-coaching')!

test('site-notifications-welcome-automation', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  const owner = await demoApi(baseURL, demoEmail(coach.slug, 'owner'))
  const tenant = (await owner.get(`/api/tenants?where[slug][equals]=${coach.slug}&depth=0`)).body.docs[0].id
  const run = stamp()
  const created = await owner.post('/api/automations', {
    tenant,
    name: `Welcome ${run}`,
    triggerEvent: 'member.created',
    purpose: 'transactional',
    status: 'active',
    cooldownDays: 0,
    steps: [
      { channel: 'email', delayMinutes: 0, subject: `Welcome, {{firstName}} (${run})`, body: 'Glad you joined us.' },
      { channel: 'in_app', delayMinutes: 0, subject: `Your first class (${run})`, body: 'Pick any class this week.' },
    ],
  })
  assert.equal(created.status, 201, `the owner creates the automation: ${JSON.stringify(created.body)}`)
  const automation = created.body.doc.id as string

  try {
    await page.setViewportSize(NARROW)
    const account = `/${coach.slug}/account`
    const email = await siteSignUp(page, baseURL, coach.slug, account, 'Nora Notice')

    // The member.created event, the enrolment and each step are queued jobs (behind the seed's and other
    // specs' events): run them, oldest first, until the site's header counts the in-app step.
    const admin = await demoApi(baseURL, PLATFORM_ADMIN_EMAIL)
    const header = page.getByRole('banner')
    const deadline = Date.now() + 150_000
    while (Date.now() < deadline) {
      await admin.get('/api/payload-jobs/run?allQueues=true&limit=200')
      await page.goto(`${baseURL}${account}`)
      const counted = await header
        .getByRole('link', { name: /^Notifications, \d+ unread$/ })
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        )
      if (counted) break
    }
    const link = header.getByRole('link', { name: 'Notifications, 1 unread' })
    await expect(link).toBeVisible()
    const mail = await readMailTo(email)
    assert.equal(mail.subject, `Welcome, Nora (${run})`)

    await Promise.all([page.waitForURL((url) => url.pathname === `${account}/notifications`), link.click()])
    await expectVisibleText(page, '1 unread notification.')
    const item = page.locator('.notification-list li').filter({ hasText: `Your first class (${run})` })
    await expect(item).toContainText('Pick any class this week.')
    await fitsWidth(page, NARROW.width, 'the notifications page')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'read'),
      item.getByRole('button', { name: 'Mark as read' }).click(),
    ])
    await expectVisibleText(page, 'Marked as read.')
    await expectVisibleText(page, 'You are all caught up.')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
  } finally {
    await owner.patch(`/api/automations/${automation}`, { status: 'paused' })
  }
})
