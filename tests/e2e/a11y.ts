/**
 * Accessibility checks of the pages the browser specs visit: axe-core with the WCAG 2.0/2.1 A and
 * AA rules. `installA11yAudit` hooks a page so that every navigation a spec waits for (goto,
 * reload, back/forward, waitForURL) is followed by an axe run on the page it landed on; the test
 * fixture (fixtures.ts) installs it on every page of every test, so a new site page or staff screen
 * is checked as soon as a spec opens it. Within one worker a page is checked once per route
 * (ids replaced), query-parameter names and viewport width, unless the test asks for every visit.
 * A walk can ask for each visit to be checked at several widths (the page is resized in place and
 * checked at each, which costs one navigation instead of one per width).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Violations inside Payload's own admin UI that we cannot fix in our code, each matched by rule,
 * the element's selector (and, when given, the Payload component it sits in) and the page, with
 * the reason. Everything else on admin pages is checked.
 */
export const PAYLOAD_UI_EXCLUSIONS: { rule: string; target: RegExp; within?: string; path: RegExp; why: string }[] = [
  {
    // @payloadcms/next DashboardStepNav renders ReactSelect with no label.
    rule: 'label',
    target: /^#react-select-[\w-]+-input$/,
    within: '.dashboard-breadcrumb-select',
    path: /^\/admin\/?$/,
    why: "the dashboard's breadcrumb dropdown (Payload's DashboardStepNav) has no label",
  },
  {
    // @payloadcms/ui SelectRow / SelectAll: CheckboxInput with an id but no label.
    rule: 'label',
    target: /^#[\w-]+$/,
    within: '.select-row, .select-all',
    path: /^\/admin\/collections\/[^/]+\/?$/,
    why: "the row and select-all checkboxes of Payload's list view have no label",
  },
  {
    // @payloadcms/ui ReactSelect (react-select) marks its indicators aria-hidden but leaves them focusable.
    rule: 'aria-hidden-focus',
    target: /\.(dropdown|clear)-indicator\b/,
    within: '.react-select, .dashboard-breadcrumb-select',
    path: /^\/admin(\/|$)/,
    why: "react-select's indicators inside Payload's select and relationship fields",
  },
  {
    // Icon-only buttons of @payloadcms/ui: Popup's trigger (also an array row's actions menu),
    // DateTimePicker's clear, DrawerLink's toggler, Paginator's previous/next arrows (ClickableArrow).
    rule: 'button-name',
    target:
      /\.(popup-button|array-actions__button|date-time-picker__clear-button|drawer-link__doc-drawer-toggler|clickable-arrow)\b/,
    path: /^\/admin(\/|$)/,
    why: "icon-only buttons of Payload's fields, join tables and list pagination have no accessible name",
  },
  {
    // Inputs rendered by react-select and react-datepicker inside @payloadcms/ui fields: Payload's
    // <label htmlFor> names the field's id, not these inner inputs.
    rule: 'label',
    target: /./,
    within: '.react-select, .date-time-picker, .react-datepicker',
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "the inner inputs of Payload's select, relationship and date fields are not tied to the field's label",
  },
  {
    // @payloadcms/ui DocumentTabs: <ul class="doc-tabs__tabs"> with <a>/<div> children.
    rule: 'list',
    target: /^\.doc-tabs__tabs$/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "Payload's document tabs put links straight into a <ul>",
  },
  {
    // react-select's sortable multi-value chips (role=button) contain their remove button.
    rule: 'nested-interactive',
    target: /\.rs__multi-value\b/,
    within: '.react-select',
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "the chips of Payload's hasMany relationship fields nest their remove button",
  },
  {
    // @payloadcms/richtext-lexical renders Lexical's ContentEditable (role=textbox) without an aria-label.
    rule: 'aria-input-field-name',
    target: /^\.ContentEditable__root$/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "the rich-text editor's editable area is not tied to its field label",
  },
  {
    // @payloadcms/ui DocumentControls: at narrow widths its content row scrolls sideways but holds no focusable element of its own.
    rule: 'scrollable-region-focusable',
    target: /^\.doc-controls__content$/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "the document controls' horizontally scrolling row (dates) cannot take focus",
  },
  {
    // @payloadcms/ui ArrayField rows: the drag handle (role=button) of a row has no text, even when dragging is disabled.
    rule: 'aria-command-name',
    target: /\.collapsible__drag\b/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: 'the drag handles of array rows have no accessible name',
  },
  {
    // @payloadcms/ui orderable join tables (join fields with `orderable: true`, e.g. a course's
    // modules and lessons): each row's dnd-kit handle (role=button) has no text and wraps Payload's
    // own sort-row button.
    rule: 'aria-command-name',
    target: /\.cell-_dragHandle\b/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: 'the drag handles of orderable join tables have no accessible name',
  },
  {
    rule: 'nested-interactive',
    target: /\.cell-_dragHandle\b/,
    path: /^\/admin\/collections\/[^/]+\/[^/]+\/?$/,
    why: "the drag handle of an orderable join table's row wraps Payload's sort-row button",
  },
]

export type A11yViolation = {
  url: string
  width: number
  rule: string
  impact: string
  help: string
  targets: string[]
}

/** Route, query-parameter names and width: what makes two visits "the same page". */
export const pageKey = (url: URL, width: number) => {
  const route = url.pathname
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
  const params = [...new Set(url.searchParams.keys())].sort().join(',')
  return `${width} ${url.hostname}${route}?${params}`
}

const isNavigationRace = (error: unknown) =>
  /Execution context was destroyed|navigat|Target (page, context or browser )?(has been )?closed|frame was detached|Frame has been detached/i.test(
    String((error as Error)?.message ?? error),
  )

type Viewport = { width: number; height: number }

/** Resizes the page and lets it lay out and re-render at the new width (two animation frames). */
const resize = async (page: Page, viewport: Viewport) => {
  const current = page.viewportSize()
  if (current?.width === viewport.width && current.height === viewport.height) return
  await page.setViewportSize(viewport)
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  )
}

/** Runs axe on the page as it is now; violations, minus the Payload UI exclusions. */
export const axeCheck = async (page: Page): Promise<A11yViolation[]> => {
  const url = new URL(page.url())
  const width = page.viewportSize()?.width ?? 0
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const excluded = async (rule: string, target: string) => {
    for (const exclusion of PAYLOAD_UI_EXCLUSIONS) {
      if (exclusion.rule !== rule || !exclusion.path.test(url.pathname) || !exclusion.target.test(target)) continue
      if (!exclusion.within) return true
      const inside = await page
        .locator(target)
        .first()
        .evaluate((element, within) => !!element.closest(within), exclusion.within)
        .catch(() => false)
      if (inside) return true
    }
    return false
  }
  const violations: A11yViolation[] = []
  for (const violation of results.violations) {
    const nodes = []
    for (const node of violation.nodes) if (!(await excluded(violation.id, node.target.join(' ')))) nodes.push(node)
    if (nodes.length === 0) continue
    violations.push({
      url: url.href,
      width,
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: nodes
        .slice(0, 8)
        .map(
          (node) =>
            `${node.target.join(' ')}: ${node.html.slice(0, 160)} (${node.failureSummary?.split('\n')[1]?.trim() ?? ''})`,
        ),
    })
  }
  return violations
}

/** Templates a walk checked in this worker (see `checkEveryVisit`'s `sameAs`). */
const walked = new Set<string>()

/** Pages of one test: where violations go, and whether every visit is checked. */
export class A11yAudit {
  readonly violations: A11yViolation[] = []
  checked = 0
  private everyVisit = false
  private widths: Viewport[] = []
  private sameAs?: (url: URL) => string | undefined
  private readonly pages = new WeakSet<Page>()

  constructor(
    private readonly origin: URL,
    /** Page keys already checked in this worker. */
    private readonly seen: Set<string>,
  ) {}

  /**
   * Checks every visit of this test, not only the first of each page in the worker (the a11y walk),
   * at each of `widths` (the page is resized for each check and left at the first), or else at the
   * page's own width. `sameAs` names the template a page is drawn with: a page whose template
   * was already checked in this worker is skipped (undefined: always check it).
   */
  checkEveryVisit(widths: Viewport[] = [], options: { sameAs?: (url: URL) => string | undefined } = {}) {
    this.everyVisit = true
    this.widths = widths
    this.sameAs = options.sameAs
  }

  /** Checks the page now, if it is one of the app's HTML pages not yet checked. */
  async check(page: Page) {
    if (page.isClosed()) return
    const url = new URL(page.url())
    if (url.protocol !== 'http:' || url.port !== this.origin.port) return
    const key = pageKey(url, page.viewportSize()?.width ?? 0)
    if (!this.everyVisit && this.seen.has(key)) return
    const template = this.sameAs?.(url)
    if (template !== undefined && walked.has(template)) return
    try {
      const type = await page.evaluate(() => document.contentType)
      if (type !== 'text/html') return
      // Next streams a page's metadata: give its <title> a moment to arrive (axe then judges it).
      await page.waitForFunction(() => document.title !== '', null, { timeout: 5_000 }).catch(() => undefined)
      if (this.widths.length === 0) {
        this.violations.push(...(await axeCheck(page)))
        this.seen.add(key)
      } else {
        for (const viewport of [...this.widths.slice(1), this.widths[0]]) {
          await resize(page, viewport)
          this.violations.push(...(await axeCheck(page)))
          this.seen.add(pageKey(url, viewport.width))
        }
      }
      this.checked++
      if (template !== undefined) walked.add(template)
    } catch (error) {
      // The spec moved on while axe ran (a click that navigates): the next visit checks it.
      if (!isNavigationRace(error)) throw error
    }
  }

  /** Follows each navigation the spec waits for on `page` with a check. */
  install(page: Page) {
    if (this.pages.has(page)) return
    this.pages.add(page)
    for (const method of ['goto', 'reload', 'goBack', 'goForward', 'waitForURL'] as const) {
      const original = (page[method] as (...args: unknown[]) => Promise<unknown>).bind(page)
      Object.assign(page, {
        [method]: async (...args: unknown[]) => {
          const result = await original(...args)
          await this.check(page)
          return result
        },
      })
    }
  }

  /** The violations as a readable list. */
  report() {
    return this.violations
      .map(
        (violation) =>
          `${violation.rule} (${violation.impact}) at ${violation.url} [${violation.width}px]: ${violation.help}\n` +
          violation.targets.map((target) => `    ${target}`).join('\n'),
      )
      .join('\n')
  }
}
