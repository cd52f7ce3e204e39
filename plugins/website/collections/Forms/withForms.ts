import type { CollectionConfig, Config } from 'payload'
import { formBuilderPlugin } from '@payloadcms/plugin-form-builder'
import { anyone, tenantScoped } from '@/core'
import { FORM_TYPES } from '../../types'
import { markdownToLexical } from '../../writer/markdownToLexical'
import { managerWrite, staffRead } from '../shared/access'
import { announceSubmission } from './hooks/announceSubmission'
import { SUBMITTING } from '../../operations/submitForm'
import { submitFormEndpoint } from '../../endpoints/submitFormEndpoint'

const emptyMessage = markdownToLexical('')

/**
 * `forms` and `form-submissions` from `@payloadcms/plugin-form-builder`, tenant-scoped: a form has a
 * `formType` (contact, trial class, tour…) unique per tenant; anyone reads forms and submits; staff
 * read submissions. Visitors submit through `POST /api/forms/:id/submit` (`submitForm`); a stored
 * submission emits `form.submitted`. The
 * plugin's own e-mail on submission (sent from a hook) is left out: mail leaves through subscribers
 * of `form.submitted`, so the form's `emails` settings are not offered.
 */
export const withForms = (config: Config, options: { group: string; rateLimit: { max: number; windowSeconds: number } }): Config => {
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
      access: { read: staffRead, create: ({ req }) => req.context[SUBMITTING] === true, update: () => false, delete: managerWrite },
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
        isolationFixture: () => ({
          title: 'Grid form',
          formType: 'other',
          confirmationType: 'message',
          confirmationMessage: emptyMessage,
        }),
      })
    if (collection.slug === 'form-submissions')
      return tenantScoped(
        // The plugin's afterChange starts with its e-mail sender; only ours stays.
        { ...collection, hooks: { ...collection.hooks, afterChange: [announceSubmission] } },
        {
          isolationFixture: async ({ payload, tenant }) => {
            const form = await payload.create({
              collection: 'forms',
              data: { tenant, title: 'Grid form', formType: 'tour', confirmationType: 'message', confirmationMessage: emptyMessage },
            })
            return { form: form.id }
          },
        },
      )
    return collection
  }
  return { ...next, collections: (next.collections ?? []).map(scope) }
}
