import type { Payload } from 'payload'
import type { Writer } from '../writer/types'
import { writeSubscriptionDraft, type DraftOutcome } from './writeSubscriptionDraft'

export type DueDraftsResult = {
  due: number
  written: number
  published: number
  exists: number
  failed: number
  outcomes: DraftOutcome[]
}

/**
 * Every enabled subscription whose `nextRunAt` has come gets its period's post
 * (`writeSubscriptionDraft`); one that fails (the writer timed out…) is logged and keeps its
 * `nextRunAt`, so the next run tries again, and the others still run.
 */
export const writeDueDrafts = async (
  payload: Payload,
  {
    now = new Date(),
    writer,
    defaultCap,
    limit = 100,
  }: { now?: Date; writer: Writer; defaultCap: number; limit?: number },
): Promise<DueDraftsResult> => {
  const due = await payload.find({
    collection: 'seo-subscriptions',
    where: { and: [{ isEnabled: { equals: true } }, { nextRunAt: { less_than_equal: now.toISOString() } }] },
    sort: 'nextRunAt',
    depth: 0,
    limit,
    overrideAccess: true,
  })
  const result: DueDraftsResult = { due: due.docs.length, written: 0, published: 0, exists: 0, failed: 0, outcomes: [] }
  for (const subscription of due.docs) {
    try {
      const outcome = await writeSubscriptionDraft(
        payload,
        { ...subscription, id: String(subscription.id) },
        { now, writer, defaultCap },
      )
      result.outcomes.push(outcome)
      if (outcome.status === 'written') result.written++
      else if (outcome.status === 'published') result.published++
      else if (outcome.status === 'exists') result.exists++
    } catch (error) {
      result.failed++
      payload.logger.warn({ err: error, subscription: subscription.id }, 'Writing a blog draft failed')
    }
  }
  return result
}
