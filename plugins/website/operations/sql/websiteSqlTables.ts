import { defineSqlTable } from '@/core'

/** The blog posts' columns the publish checks read. */
export const blogPostsTable = defineSqlTable(
  'blog-posts',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    slug: 'slug',
    status: '_status',
    publishedAt: 'publishedAt',
    fingerprint: 'fingerprint',
    lshBands: 'lshBands',
    generationKey: 'generationKey',
    deletedAt: 'deletedAt',
  },
  { enums: ['status'] },
)

/** The `website` group this plugin adds to tenant-settings. */
export const websiteSettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  autoPublish: 'website.autoPublish',
  weeklyPublishCap: 'website.weeklyPublishCap',
})

/** The subscriptions' columns the draft-writing job claims with. */
export const seoSubscriptionsTable = defineSqlTable('seo-subscriptions', {
  id: 'id',
  tenant: 'tenant',
  isEnabled: 'isEnabled',
  nextRunAt: 'nextRunAt',
  lastGeneratedAt: 'lastGeneratedAt',
})

/** Forms: the tenant a visitor's submission goes to. */
export const formsTable = defineSqlTable('forms', { id: 'id', tenant: 'tenant' })

/** Submissions, stored by `submitForm` for visitors (who may not create them through the API). */
export const formSubmissionsTable = defineSqlTable('form-submissions', {
  id: 'id',
  tenant: 'tenant',
  form: 'form',
  email: 'email',
  data: 'data',
  submittedAt: 'submittedAt',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
})

/** The form-builder's `submissionData` rows (field, value) of a submission. */
export const submissionDataTable = defineSqlTable('form-submissions.submissionData', {
  parent: '_parent',
  order: '_order',
  id: 'id',
  field: 'field',
  value: 'value',
})

/** Every table the website plugin's raw SQL uses (checked against the schema at start-up). */
export const websiteSqlTables = [
  blogPostsTable,
  websiteSettingsTable,
  seoSubscriptionsTable,
  formsTable,
  formSubmissionsTable,
  submissionDataTable,
]
