/**
 * Pages and live preview end to end: a marketer (the demo owner of Fairway) opens the About page in
 * the admin, turns on the live preview, edits the text block and saves a draft — the preview pane
 * shows the new sentence while visitors still see the published page — then publishes; the public
 * About page shows it, also at 390 px without horizontal scrolling. The page's layout is put back
 * afterwards. Demo data from seed/websitePagesDemo.ts (a published About page per demo tenant).
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { expect, test } from './fixtures'
import { demoApi, fitsWidth, loginThroughForm, NARROW, stamp } from './harness'

const fairway = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!

test('site-pages-live-preview', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL, log } = ctx
  const owner = demoEmail(fairway.slug, 'owner')
  const api = await demoApi(baseURL, owner)
  const found = await api.get(
    `/api/pages?${new URLSearchParams({
      'where[tenant.slug][equals]': fairway.slug,
      'where[slug][equals]': 'about',
      depth: '0',
      limit: '1',
    })}`,
  )
  assert.equal(found.status, 200, JSON.stringify(found.body))
  const about = found.body.docs[0] as { id: string; layout: unknown[] } | undefined
  assert.ok(about, `${fairway.slug} has an About page`)
  const publicUrl = `${baseURL}/${fairway.slug}/about`
  const sentence = `New this week: evening clinics (${stamp()}).`
  log(`adding "${sentence}"`)

  try {
    // The marketer opens the About page and its live preview (the site's preview route in an iframe).
    await loginThroughForm(ctx, owner)
    await page.goto(`${baseURL}/admin/collections/pages/${about.id}`)
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await editor.waitFor({ state: 'visible' })
    await page.locator('#live-preview-toggler').click()
    const preview = page.frameLocator(`iframe[src*="/preview?collection=pages&id=${about.id}"]`)
    await expect(preview.getByText(/Preview: .* of this page\./)).toBeVisible()
    await expect(preview.getByRole('heading', { level: 1 }).first()).toBeVisible()

    // Edits the text block: a new paragraph at its end.
    await expect(async () => {
      await editor.click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type(sentence)
      await expect(editor).toContainText(sentence, { timeout: 2_000 })
    }).toPass({ timeout: 60_000 })

    // Saved as a draft: the preview pane reloads with it; visitors still read the published page.
    await page.locator('#action-save-draft').click()
    await expect(preview.getByText(sentence, { exact: true })).toBeVisible()
    const before = await fetch(publicUrl)
    assert.equal(before.status, 200)
    assert.ok(!(await before.text()).includes(sentence), 'a draft is not on the public page')

    // Published: the public page shows it at once (publishing dropped the cached page).
    await page.locator('#action-save').click()
    await expect
      .poll(
        async () => {
          const doc = (await api.get(`/api/pages/${about.id}?depth=0`)).body
          return doc?._status === 'published' && JSON.stringify(doc.layout).includes(sentence)
        },
        { timeout: 30_000 },
      )
      .toBe(true)

    const visitorContext = await page.context().browser()!.newContext({ viewport: NARROW })
    try {
      const visitor = await visitorContext.newPage()
      assert.equal((await visitor.goto(publicUrl))?.status(), 200)
      await expect(visitor.getByText(sentence, { exact: true })).toBeVisible()
      await expect(visitor.getByText(/Preview: .* of this page\./)).toHaveCount(0)
      await fitsWidth(visitor, NARROW.width, 'the About page')
    } finally {
      await visitorContext.close()
    }
  } finally {
    // Put the demo's About page back as it was.
    const restored = await api.patch(`/api/pages/${about.id}`, { layout: about.layout, _status: 'published' })
    assert.equal(restored.status, 200, JSON.stringify(restored.body))
  }
})
