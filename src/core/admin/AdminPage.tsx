import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { ReactNode } from 'react'

/**
 * The frame of a custom admin screen: Payload's default template (nav, header, tenant selector)
 * around a gutter with the screen's heading. Server component; import it by path, not from `@/core`.
 */
export const AdminPage = ({
  view,
  title,
  className,
  children,
}: {
  view: AdminViewServerProps
  title: string
  className?: string
  children: ReactNode
}) => {
  const { initPageResult, params, searchParams } = view
  const { req, permissions, visibleEntities, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={{ collections: visibleEntities?.collections, globals: visibleEntities?.globals }}
    >
      <Gutter className={className}>
        <h1 style={{ margin: '24px 0 16px' }}>{title}</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
}

/** A plain notice inside an admin screen (no tenant chosen, not allowed, not found). */
export const AdminNotice = ({ children }: { children: ReactNode }) => (
  <p role="status" style={{ padding: '16px', background: 'var(--theme-elevation-50)', borderRadius: 4 }}>
    {children}
  </p>
)
