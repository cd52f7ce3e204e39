import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { RichText, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import { localLink, type Site } from './site'

/**
 * Lexical rich text (post bodies, FAQ answers) with Payload's JSX converters; links stored as
 * `/<slug>/…` (the draft writer's links to the tenant's pages) follow the site's current base.
 */
export function SiteRichText({ site, data, className }: { site: Site; data: unknown; className?: string }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link: ({ node, nodesToJSX }) => {
      const url = node.fields.linkType === 'internal' ? '' : (node.fields.url ?? '')
      const children = nodesToJSX({ nodes: node.children })
      if (!url) return <span>{children}</span>
      return (
        <a
          href={localLink(site, url)}
          rel={node.fields.newTab ? 'noopener noreferrer' : undefined}
          target={node.fields.newTab ? '_blank' : undefined}
        >
          {children}
        </a>
      )
    },
  })
  return <RichText data={data as SerializedEditorState} converters={converters} className={className} />
}
