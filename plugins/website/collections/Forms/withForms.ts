import type { CollectionConfig, Config, Payload } from 'payload'
import { formBuilderPlugin } from '@payloadcms/plugin-form-builder'
import { anyone, tenantScoped } from '@/core'
import { FORM_TYPES } from '../../types'
import { markdownToLexical } from '../../writer/markdownToLexical'
import { managerWrite, staffRead } from '../shared/access'
import { submitFormEndpoint } from '../../endpoints/submitFormEndpoint'

const gridMessage = markdownToLexical('Thanks.')

/** A form type the tenant has no form of yet (the isolation grid's fixtures; `formType` is unique per tenant). */
const freeFormType = async (payload: Payload, tenant: string) => {
  const used = await payload.find({
    collection: 'forms',
    where: { tenant: { equals: tenant } },
    depth: 0,
    limit: 10,
    pagination: false,
  })
  const taken = new Set(used.docs.map((form) => form.formType))
  return FORM_TYPES.find((type) => !taken.has(type)) ?? 'other'
}

/**
 * `forms` and `form-submissions` from `@payloadcms/plugin-form-builder`, tenant-scoped: a form has a
 * `formType` (contact, trial class, tour…) unique per tenant; anyone reads forms and submits; staff
 * read submissions. Visitors submit through `POST /api/forms/:id/submit` (`submitForm`), which
 * stores the submission and emits `form.submitted`. The
 * plugin's own e-mail on submission (sent from a hook) is left out: mail leaves through subscribers
 * of `form.submitted`, so the form's `emails` settings are not offered.
 */
export const withForms = (
  config: Config,
  options: { group: string; rateLimit: { max: number; windowSeconds: number } },
): Config => {
  const next = formBuilderPlugin({
    fields: { payment: false, upload: false, state: false, country: false },
    formOverrides: {
      admin: { group: options.group },
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      endpoints: [submitFormEndpoint(options.rateLimit)],
      indexes: [{ fields: ['tenant', 'formType'], unique: true }],
      fields: ({ defaultFields }) => [
        ...defaultFields.filter((field) => !('name' in field) || field.name !== 'emails'),
        { name: 'formType', type: 'select', required: true, defaultValue: 'contact', options: [...FORM_TYPES] },
      ],
    },
    formSubmissionOverrides: {
      admin: { group: options.group, defaultColumns: ['form', 'email', 'submittedAt'] },
      // Visitors submit through `POST /api/forms/:id/submit` (checked there); no direct creates.
      access: { read: staffRead, create: () => false, update: () => false, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'submittedAt'] }],
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'email', type: 'email', admin: { readOnly: true } },
        { name: 'data', type: 'json', admin: { readOnly: true } },
        { name: 'submittedAt', type: 'date', admin: { readOnly: true } },
      ],
    },
  })(config)
  const scope = (collection: CollectionConfig): CollectionConfig => {
    if (collection.slug === 'forms')
      return tenantScoped(collection, {
        publicRead: true,
        isolationFixture: async ({ payload, tenant }) => ({
          title: 'Grid form',
          formType: await freeFormType(payload, tenant),
          confirmationType: 'message',
          confirmationMessage: gridMessage,
        }),
      })
    if (collection.slug === 'form-submissions')
      return tenantScoped(
        // The plugin's afterChange is its e-mail sender (mail from a hook): left out.
        { ...collection, hooks: { ...collection.hooks, afterChange: [] } },
        {
          isolationFixture: async ({ payload, tenant }) => {
            const existing = await payload.find({
              collection: 'forms',
              where: { tenant: { equals: tenant } },
              limit: 1,
              depth: 0,
            })
            const form =
              existing.docs[0] ??
              (await payload.create({
                collection: 'forms',
                data: {
                  tenant,
                  title: 'Grid form',
                  formType: await freeFormType(payload, tenant),
                  confirmationType: 'message',
                  confirmationMessage: gridMessage,
                },
              }))
            return { form: form.id }
          },
        },
      )
    return collection
  }
  return { ...next, collections: (next.collections ?? []).map(scope) }
}
