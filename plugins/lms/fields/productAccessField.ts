import type { Field } from 'payload'

/**
 * ⊕ on commerce's `products` (added by lms when commerce is installed): what buying the product
 * opens in lms. A paid order line for it makes a `purchased` access grant; a full refund revokes it.
 */
export const productAccessField = (): Field => ({
  name: 'lms',
  label: 'Course access',
  type: 'group',
  admin: { description: 'Selling a course or a content item: buying this product grants access to it.' },
  fields: [
    { name: 'course', type: 'relationship', relationTo: 'courses' },
    { name: 'contentItem', type: 'relationship', relationTo: 'content-items' },
    {
      name: 'accessDays',
      type: 'number',
      min: 1,
      admin: { step: 1, description: 'Days of access after purchase; empty = permanent.' },
    },
  ],
})
