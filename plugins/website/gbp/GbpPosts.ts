import { randomUUID } from 'node:crypto'
import type { CollectionConfig } from 'payload'
import { documentAction, MANAGER_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

export const GBP_POSTS = 'gbp-posts'

/** What a post announces: an event (bookings' `events`) or an offer (`advertisedOfferPort`: commerce's advertised coupons). */
export const GBP_POST_KINDS = ['event', 'offer'] as const
export type GbpPostKind = (typeof GBP_POST_KINDS)[number]

/**
 * pending: nothing sent yet; creating: a create was sent whose outcome is not known (a timeout): the
 * next run looks for it before creating again; posted: live on Google; deleted: removed (the event was
 * cancelled, unpublished or deleted); failed: Google refused it (a 4xx other than 429), see lastError.
 */
export const GBP_POST_STATES = ['pending', 'creating', 'posted', 'deleted', 'failed'] as const
export type GbpPostState = (typeof GBP_POST_STATES)[number]

/**
 * The Google Business Profile post of one local thing (an event) on one Business Profile location:
 * the mapping the sync job reads before it calls Google, so a retry or a second run never creates a
 * second post. Written only by the sync job (nobody creates or edits it through the API).
 */
export const GbpPosts = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: GBP_POSTS,
      labels: { singular: 'Google Business post', plural: 'Google Business posts' },
      admin: {
        useAsTitle: 'localId',
        defaultColumns: ['kind', 'localId', 'gbpLocation', 'state', 'remoteName', 'lastError', 'syncedAt'],
        group,
        description:
          'Posts on your Google Business Profile, kept in step with your events and advertised offers by a background job. Open a failed post to retry it.',
        components: {
          edit: {
            beforeDocumentControls: [
              documentAction({
                action: `${GBP_POSTS}/{id}/retry`,
                label: 'Retry',
                busyLabel: 'Retrying…',
                doneMessage: 'Queued: the post will be sent to Google again shortly.',
                showWhen: { field: 'state', equals: 'failed' },
              }),
            ],
          },
        },
      },
      access: { read: tenantRole(MANAGER_ROLES), create: nobody, update: nobody, delete: nobody },
      indexes: [
        { fields: ['tenant', 'kind', 'localId', 'gbpLocation'], unique: true },
        { fields: ['tenant', 'state'] },
      ],
      fields: [
        { name: 'kind', type: 'select', required: true, options: [...GBP_POST_KINDS] },
        { name: 'localId', type: 'text', required: true, admin: { description: 'The event (or offer: coupon) id.' } },
        {
          name: 'location',
          type: 'relationship',
          relationTo: 'locations',
          admin: { description: 'The Atrium location.' },
        },
        {
          name: 'gbpLocation',
          type: 'text',
          required: true,
          admin: { description: 'The Business Profile location: accounts/{account}/locations/{location}.' },
        },
        { name: 'state', type: 'select', required: true, defaultValue: 'pending', options: [...GBP_POST_STATES] },
        {
          name: 'remoteName',
          type: 'text',
          admin: { description: "Google's name of the post: accounts/{a}/locations/{l}/localPosts/{p}." },
        },
        { name: 'lastBody', type: 'json', admin: { description: 'The post as last sent (what a PATCH compares).' } },
        { name: 'attempts', type: 'number', defaultValue: 0 },
        { name: 'lastError', type: 'textarea' },
        {
          name: 'claimedUntil',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'A sync run is calling Google until then.' },
        },
        { name: 'syncedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      isolationFixture: () => ({
        kind: 'event',
        localId: randomUUID(),
        gbpLocation: 'accounts/1/locations/2',
        state: 'pending',
      }),
    },
  )
