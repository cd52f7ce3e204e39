/**
 * Tenant isolation and admin access, through the real admin UI in a browser
 * (demo data from seed/demoTenants.ts; run with `npm run test:e2e`).
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { expectNoText, expectVisibleText, loginThroughForm, openCollectionList } from './harness'
import { test } from './fixtures'

const tenant = (slug: string) => {
  const found = DEMO_TENANTS.find((demo) => demo.slug === slug)
  if (!found) throw new Error(`no demo tenant ${slug}`)
  return found
}
const sunrise = tenant('sunrise-yoga')
const others = DEMO_TENANTS.filter((demo) => demo.slug !== sunrise.slug)

test('front-desk-sees-own-tenant-only', async ({ ctx }) => {
  const { page } = ctx
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'frontdesk'))

  // The dashboard, with the admin nav.
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
  await page.locator('.dashboard').first().waitFor({ state: 'visible' })
  await page.locator('.nav').first().waitFor({ state: 'attached' })

  const locations = await openCollectionList(ctx, 'locations')
  for (const location of sunrise.locations) await expectVisibleText(locations, location.name)
  for (const other of others) {
    for (const location of other.locations) {
      await expectNoText(page, location.name, `${location.name} belongs to ${other.slug}`)
    }
  }

  // The demo history adds members: show them all on one page.
  const memberships = await openCollectionList(ctx, 'tenant-memberships?limit=100')
  await expectVisibleText(memberships, demoEmail('sunrise-yoga', 'member1'))
  const text = await memberships.innerText()
  const emails = text.match(/[\w.+-]+@[\w-]+\.demo/g) ?? []
  assert.ok(emails.length > 0, 'the memberships list shows no e-mail addresses')
  const foreign = emails.filter((email) => !email.endsWith(`@${sunrise.slug}.demo`))
  assert.deepEqual(foreign, [], `memberships of other tenants are listed: ${foreign.join(', ')}`)
  for (const other of others)
    await expectNoText(page, demoEmail(other.slug, 'member1'), `${other.slug} is another tenant`)
})

test('member-cannot-use-admin', async ({ ctx }) => {
  const { page, baseURL } = ctx
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'member1'))
  // Payload sends a signed-in user without `access.admin` to /admin/unauthorized.
  await page.waitForURL((url) => url.pathname.startsWith('/admin/unauthorized'))
  await expectVisibleText(page, 'Unauthorized, this user does not have access to the admin panel.')
  await expectVisibleText(page, 'You are not allowed to access this page.')
  assert.equal(await page.locator('.dashboard').count(), 0, 'the dashboard rendered for a member')
  assert.equal(await page.locator('.nav').count(), 0, 'the admin nav rendered for a member')
  assert.equal(await page.locator('.collection-list').count(), 0, 'a collection list rendered for a member')

  // Going straight to the admin or a collection does not help.
  for (const target of ['/admin', '/admin/collections/locations']) {
    await page.goto(`${baseURL}${target}`)
    await page.waitForURL((url) => url.pathname.startsWith('/admin/unauthorized'))
    await expectVisibleText(page, 'Unauthorized, this user does not have access to the admin panel.')
    assert.equal(
      await page.locator('.dashboard, .collection-list, .nav').count(),
      0,
      `${target} rendered admin content for a member`,
    )
  }
})

test('platform-admin-sees-all-tenants', async ({ ctx }) => {
  const { page } = ctx
  await loginThroughForm(ctx, PLATFORM_ADMIN_EMAIL)
  await page.locator('.dashboard').first().waitFor({ state: 'visible' })
  const locations = await openCollectionList(ctx, 'locations')
  for (const demo of DEMO_TENANTS) {
    for (const location of demo.locations) await expectVisibleText(locations, location.name)
  }
})
