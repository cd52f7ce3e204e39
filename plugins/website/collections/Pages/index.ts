import type { CollectionConfig, TextFieldSingleValidation } from 'payload'
import { forgetSitePages, slugField, tenantScoped } from '@/core'
import { RESERVED_PAGE_SLUGS } from '../../contract'
import { managerWrite, staffOrPublished } from '../shared/access'
import { livePreviewOf } from '../shared/livePreview'
import { pageBlocks } from './blocks'
import { preparePage } from './preparePage'

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

/** A page slug: the slug rule, and none of the site's own sections (`/<slug>/schedule`…). */
const validatePageSlug: TextFieldSingleValidation = (value) => {
  if (typeof value !== 'string' || !SLUG.test(value)) return 'Use lower-case letters, digits and dashes (e.g. "about").'
  if ((RESERVED_PAGE_SLUGS as readonly string[]).includes(value))
    return `"${value}" is a page of the site already; choose another slug.`
  return true
}

/**
 * The tenant's own pages (About, Our teachers…), built of blocks: rich text, a hero with a call to
 * action to a bookable page, FAQs, gallery, a schedule teaser, a contact form. Payload drafts and
 * versions; visitors read published pages at `/<slug>/<page slug>`; staff preview drafts (live
 * preview). Saving or deleting one drops the tenant's cached site pages.
 */
export const Pages = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'pages',
      versions: { drafts: true, maxPerDoc: 20 },
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'slug', '_status', 'showInNav', 'updatedAt'],
        group,
        livePreview: livePreviewOf('pages'),
      },
      defaultSort: 'navOrder',
      access: { read: staffOrPublished, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'slug'], unique: true }],
      hooks: {
        beforeChange: [preparePage],
        afterChange: [forgetSitePages()],
        afterDelete: [forgetSitePages()],
      },
      fields: [
        { name: 'title', type: 'text', required: true },
        slugField({ index: true, validate: validatePageSlug }),
        {
          name: 'showInNav',
          type: 'checkbox',
          defaultValue: true,
          admin: { position: 'sidebar', description: 'Link to it from the site’s navigation once published.' },
        },
        { name: 'navOrder', type: 'number', defaultValue: 0, admin: { position: 'sidebar' } },
        { name: 'layout', type: 'blocks', blocks: pageBlocks, minRows: 1, required: true },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({
        title: 'Grid page',
        slug: `grid-${Math.random().toString(36).slice(2, 10)}`,
        layout: [{ blockType: 'hero', heading: 'Grid', ctaTarget: 'schedule' }],
      }),
    },
  )
