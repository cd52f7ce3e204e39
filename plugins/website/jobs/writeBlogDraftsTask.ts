import type { TaskConfig } from 'payload'
import { chooseWriter } from '../writer/chooseWriter'
import { writeDueDrafts } from './writeDueDrafts'
import { writeSubscriptionDraft } from './writeSubscriptionDraft'

export const WRITE_BLOG_DRAFTS_TASK = 'writeBlogDrafts'

/**
 * On its cron (`draftsCron`): writes the posts of every due subscription (see `writeDueDrafts`).
 * Queued with `{subscription}` ("Write now"): that subscription's post of the current period
 * only, due or not (a period whose post exists is skipped, as on the schedule).
 */
export const writeBlogDraftsTask = (options: { cron: string; defaultCap: number }): TaskConfig => ({
  slug: WRITE_BLOG_DRAFTS_TASK,
  label: 'Write blog drafts',
  schedule: [{ cron: options.cron, queue: 'default' }],
  inputSchema: [{ name: 'subscription', type: 'text' }],
  outputSchema: [
    { name: 'due', type: 'number' },
    { name: 'written', type: 'number' },
    { name: 'published', type: 'number' },
    { name: 'exists', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const writer = chooseWriter()
    const only: unknown = input && typeof input === 'object' && 'subscription' in input ? input.subscription : null
    if (typeof only === 'string' && only) {
      const subscription = await req.payload.findByID({
        collection: 'seo-subscriptions',
        id: only,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      const outcome = subscription
        ? await writeSubscriptionDraft(
            req.payload,
            { ...subscription, id: String(subscription.id) },
            { now: new Date(), writer, defaultCap: options.defaultCap },
          )
        : null
      const count = (status: string) => (outcome?.status === status ? 1 : 0)
      return {
        output: {
          due: subscription ? 1 : 0,
          written: count('written'),
          published: count('published'),
          exists: count('exists'),
          failed: 0,
        },
      }
    }
    const { outcomes: _outcomes, ...output } = await writeDueDrafts(req.payload, {
      writer,
      defaultCap: options.defaultCap,
    })
    return { output }
  },
})
