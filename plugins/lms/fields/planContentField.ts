import type { Field } from 'payload'

/**
 * ⊕ on billing's `membership-plans` (added by lms when billing is installed): the plan's content
 * rules. While a subscription to the plan gives access (trialing, active or past due; when
 * cancelled, until the period end), its member opens the members-only items of the whole catalog
 * or of these categories, and the courses and items listed here (whatever their price or
 * visibility). Read by lms's access decision (`operations/subscriptionCovers.ts`).
 */
export const planContentField = (): Field => ({
  name: 'lms',
  label: 'Content included',
  type: 'group',
  admin: { description: 'What a subscription to this plan opens in the content library and courses.' },
  fields: [
    {
      name: 'fullCatalog',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Every members-only content item.' },
    },
    {
      name: 'categories',
      type: 'text',
      hasMany: true,
      admin: { description: 'Members-only content items of these categories.' },
    },
    {
      name: 'courses',
      type: 'relationship',
      relationTo: 'courses',
      hasMany: true,
      admin: { description: 'Courses included (paid ones too).' },
    },
    {
      name: 'contentItems',
      type: 'relationship',
      relationTo: 'content-items',
      hasMany: true,
      admin: { description: 'Content items included (purchased-only ones too).' },
    },
  ],
})
