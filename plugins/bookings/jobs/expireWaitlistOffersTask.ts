import type { TaskConfig } from 'payload'
import { inTransaction } from '@/core'
import { expireOffers } from '../operations/classes/expireOffers'

export const EXPIRE_OFFERS_TASK = 'expireWaitlistOffers'

/** Every minute: lapsed waitlist offers pass to the next person in line (see expireOffers). */
export const expireWaitlistOffersTask = ({ cron, queue }: { cron: string; queue: string }): TaskConfig => ({
  slug: EXPIRE_OFFERS_TASK,
  label: 'Pass expired waitlist offers on',
  retries: 3,
  schedule: [{ cron, queue }],
  outputSchema: [{ name: 'expired', type: 'number' }],
  handler: async ({ req }) => ({ output: { expired: await inTransaction(req, () => expireOffers(req)) } }),
})
