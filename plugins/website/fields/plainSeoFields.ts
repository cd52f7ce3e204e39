import type { Field } from 'payload'

const DESCRIPTIONS: Record<string, string> = {
  title: 'The title search engines show for this page (about 50–60 characters).',
  description: 'The snippet under the title in search results (about 100–150 characters).',
  image: 'The image shown when this page is shared.',
}

/**
 * plugin-seo's meta fields with Payload's own inputs: its overview, generate buttons and search
 * preview fail WCAG 2.1 AA in the admin (grey #9a9a9a help text, white-on-red badges, an empty
 * link). Blog posts fill their meta on save when it is empty (`preparePost`).
 */
export const plainSeoFields = ({ defaultFields }: { defaultFields: Field[] }): Field[] =>
  defaultFields.flatMap((field) => {
    if (field.type === 'ui' || !('name' in field)) return []
    const { components: _components, ...admin } = field.admin ?? {}
    return [{ ...field, admin: { ...admin, description: DESCRIPTIONS[field.name] } } as Field]
  })
