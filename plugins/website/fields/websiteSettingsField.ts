import type { Field } from 'payload'

/** The `website` group the plugin appends to core's tenant-settings: publishing policy of the blog. */
export const websiteSettingsField = (defaultCap: number): Field => ({
  name: 'website',
  type: 'group',
  admin: { description: 'Blog publishing: generated drafts and the weekly cap.' },
  fields: [
    {
      name: 'autoPublish',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description: 'Publish generated posts at once (within the weekly cap) instead of waiting for approval.',
      },
    },
    {
      name: 'weeklyPublishCap',
      type: 'number',
      min: 0,
      admin: {
        description: `Posts published per week (Monday to Monday in the business’s zone); empty = ${defaultCap}.`,
      },
    },
  ],
})
