import type { PayloadRequest } from 'payload'
import type { Subscriber } from '@/core'
import { MAILCHIMP_SYNC_MEMBER_TASK } from './jobs/taskSlugs'
import { mailchimpConnection } from './mailchimpConnection'

/** Queues the member's sync when the tenant has a Mailchimp connection (the job does the HTTP). */
const queueSync = async (req: PayloadRequest, tenant: string | null, member: string | undefined) => {
  if (!tenant || !member || !(await mailchimpConnection(req, tenant))) return
  await req.payload.jobs.queue({ task: MAILCHIMP_SYNC_MEMBER_TASK, input: { tenant, member }, req })
}

/** The membership an event of `tenant-memberships` is about. */
const membershipOf = (subject: { collection: string; id: string } | null) =>
  subject?.collection === 'tenant-memberships' ? subject.id : undefined

/**
 * Marketing consent granted or revoked, a member created, updated (tags, name, status) or archived:
 * the member's audience entry is synced from the queue.
 */
export const mailchimpSubscribers: Subscriber[] = [
  {
    name: 'marketing.mailchimpOnConsentGranted',
    event: 'consent.granted',
    handler: (event, { req }) =>
      event.data.type === 'email_marketing' ? queueSync(req, event.tenant, event.data.member) : undefined,
  } satisfies Subscriber<'consent.granted'>,
  {
    name: 'marketing.mailchimpOnConsentRevoked',
    event: 'consent.revoked',
    handler: (event, { req }) =>
      event.data.type === 'email_marketing' ? queueSync(req, event.tenant, event.data.member) : undefined,
  } satisfies Subscriber<'consent.revoked'>,
  {
    name: 'marketing.mailchimpOnMemberCreated',
    event: 'member.created',
    handler: (event, { req }) => queueSync(req, event.tenant, membershipOf(event.subject)),
  } satisfies Subscriber<'member.created'>,
  {
    name: 'marketing.mailchimpOnMemberUpdated',
    event: 'member.updated',
    handler: (event, { req }) => queueSync(req, event.tenant, membershipOf(event.subject)),
  } satisfies Subscriber<'member.updated'>,
  {
    name: 'marketing.mailchimpOnMemberArchived',
    event: 'member.archived',
    handler: (event, { req }) => queueSync(req, event.tenant, membershipOf(event.subject)),
  } satisfies Subscriber<'member.archived'>,
  // ---- Mailchimp plan tags ----
  // A subscription that starts, stops or changes plan (billing's events): the member's plan tags are synced.
  {
    name: 'marketing.mailchimpOnSubscriptionCreated',
    event: 'subscription.created',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.created'>,
  {
    name: 'marketing.mailchimpOnSubscriptionActivated',
    event: 'subscription.activated',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.activated'>,
  {
    name: 'marketing.mailchimpOnSubscriptionPaused',
    event: 'subscription.paused',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.paused'>,
  {
    name: 'marketing.mailchimpOnSubscriptionResumed',
    event: 'subscription.resumed',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.resumed'>,
  {
    name: 'marketing.mailchimpOnSubscriptionCanceled',
    event: 'subscription.canceled',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.canceled'>,
  {
    name: 'marketing.mailchimpOnSubscriptionEnded',
    event: 'subscription.ended',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.ended'>,
  {
    name: 'marketing.mailchimpOnSubscriptionPlanChanged',
    event: 'subscription.plan_changed',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.plan_changed'>,
  // ---- mkt_rest: past due and renewal ----
  // A payment failed (the plan is past due), the dunning moved on, or the subscription renewed
  // (a past-due plan paid up): the `Past due` tag follows. Billing emits no `reactivated` event;
  // a Stripe subscription back to active emits `subscription.activated`, handled above.
  {
    name: 'marketing.mailchimpOnSubscriptionPastDue',
    event: 'subscription.past_due',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.past_due'>,
  {
    name: 'marketing.mailchimpOnSubscriptionDunningAdvanced',
    event: 'subscription.dunning_advanced',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.dunning_advanced'>,
  {
    name: 'marketing.mailchimpOnSubscriptionRenewed',
    event: 'subscription.renewed',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.member),
  } satisfies Subscriber<'subscription.renewed'>,
  // ---- end mkt_rest ----
  // ---- /Mailchimp plan tags ----
] as Subscriber[]
