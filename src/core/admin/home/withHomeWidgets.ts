import type { Config, Widget, WidgetWidth } from 'payload'
import type { Role } from '../../access/roles'
import { homeLayout } from './homeLayout'

/** A panel of the staff home (Payload's dashboard widgets), shown by default to its audience. */
export type HomeWidget = {
  slug: string
  /** A server component, referenced by path (`npm run generate` writes the import map). */
  Component: string
  label: string
  /** Holders of one of these roles in the tenant chosen in the admin, or platform admins. */
  audience: { roles: readonly Role[] } | 'platform'
  /** Place on the home: smaller first. */
  order: number
  width?: WidgetWidth
}

export type HomeWidgetEntry = Omit<HomeWidget, 'Component' | 'label'>

export const homeWidgetsOf = (custom: Record<string, unknown> | undefined): HomeWidgetEntry[] =>
  (custom?.homeWidgets as HomeWidgetEntry[] | undefined) ?? []

/**
 * Adds panels to the staff home. Each is a Payload dashboard widget (staff may rearrange their
 * home; Payload keeps that as a preference); the default layout shows each person the panels of
 * their role in the chosen tenant, then Payload's collection cards.
 */
export const withHomeWidgets = (config: Config, widgets: HomeWidget[]): Config => {
  const existing = homeWidgetsOf(config.custom)
  for (const widget of widgets) {
    if (existing.some((w) => w.slug === widget.slug)) throw new Error(`Home widget "${widget.slug}" is added twice`)
  }
  const payloadWidgets: Widget[] = widgets.map(({ slug, Component, label, width }) => ({
    slug,
    Component,
    label,
    minWidth: 'small',
    maxWidth: 'full',
    ...(width ? { minWidth: width === 'full' ? 'medium' : 'small' } : {}),
  }))
  return {
    ...config,
    admin: {
      ...config.admin,
      dashboard: {
        ...config.admin?.dashboard,
        widgets: [...(config.admin?.dashboard?.widgets ?? []), ...payloadWidgets],
        defaultLayout: homeLayout,
      },
    },
    custom: {
      ...config.custom,
      homeWidgets: [...existing, ...widgets.map(({ Component: _c, label: _l, ...entry }) => entry)],
    },
  }
}
