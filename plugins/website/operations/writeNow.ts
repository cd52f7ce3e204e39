import type { PayloadRequest } from 'payload'
import { hasRoleIn, idOf, isPlatformAdmin, MANAGER_ROLES, OperationError } from '@/core'
import type { WriteNowReply } from '../contract'
import { WRITE_BLOG_DRAFTS_TASK } from '../jobs/writeBlogDraftsTask'
import { generationKeyOf } from '../jobs/writeSubscriptionDraft'
import { periodOf } from './periodOf'
import { websiteSettings } from './websiteSettings'

/**
 * "Write now" on a subscription (managers of its tenant): the post of the period `now` falls in
 * exists already (any status, trash included) → that post; otherwise the `writeBlogDrafts` task is
 * queued for this subscription alone, whatever its `nextRunAt`. Idempotent: the job writes through
 * the same unique (tenant, generation key) as the schedule, so repeated clicks write one post.
 */
export const writeNow = async (
  req: PayloadRequest,
  id: string,
  { defaultCap, now = new Date() }: { defaultCap: number; now?: Date },
): Promise<WriteNowReply> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const subscription = await req.payload.findByID({
    collection: 'seo-subscriptions',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  if (!subscription) throw new OperationError(404, 'not_found', 'This subscription does not exist.')
  const tenant = idOf(subscription.tenant)
  const topic = idOf(subscription.topic)
  if (!tenant || !topic) throw new OperationError(409, 'incomplete', 'This subscription has no topic.')
  if (!isPlatformAdmin(req.user) && !hasRoleIn(req.user, tenant, MANAGER_ROLES))
    throw new OperationError(403, 'forbidden', 'Only managers of this business can have a post written.')
  const settings = await websiteSettings(req, tenant, defaultCap)
  if (!settings) throw new OperationError(404, 'not_found', 'This business does not exist.')
  const period = periodOf(subscription.frequency, now, settings.timezone)
  const generationKey = generationKeyOf(topic, idOf(subscription.location) ?? null, period.key)
  const existing = await req.payload.find({
    collection: 'blog-posts',
    where: { and: [{ tenant: { equals: tenant } }, { generationKey: { equals: generationKey } }] },
    depth: 0,
    limit: 1,
    trash: true,
    select: { title: true },
    overrideAccess: false,
    req,
  })
  if (existing.docs[0]) return { status: 'exists', period: period.key, post: String(existing.docs[0].id), job: null }
  const job = await req.payload.jobs.queue({
    task: WRITE_BLOG_DRAFTS_TASK,
    input: { subscription: String(subscription.id) },
    queue: 'default',
    req,
  })
  return { status: 'queued', period: period.key, post: null, job: String(job.id) }
}
