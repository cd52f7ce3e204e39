import type { PayloadRequest, TaskConfig } from 'payload'
import { waitlistNoticeMessage, type WaitlistNotice } from '../operations/format/waitlistNoticeMessage'

export const SEND_WAITLIST_NOTICE_TASK = 'sendWaitlistNotice'

/** Queues the mail of a waitlist promotion or offer in the request's transaction (sent after commit by the jobs runner). */
export const queueWaitlistNotice = async (req: PayloadRequest, notice: WaitlistNotice): Promise<void> => {
  await req.payload.jobs.queue({ task: SEND_WAITLIST_NOTICE_TASK, input: notice, req })
}

/** Mails a member or guest that a waitlist gave them a place (promoted, or offered to claim); the input names the row only. */
export const sendWaitlistNoticeTask: TaskConfig = {
  slug: SEND_WAITLIST_NOTICE_TASK,
  label: 'Mail a waitlist promotion or offer',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const message = await waitlistNoticeMessage(
      { payload: req.payload, transactionID: undefined },
      input as WaitlistNotice,
    )
    if (!message) return { output: { sent: false } } // cancelled, claimed or lapsed meanwhile: nothing to tell
    await req.payload.sendEmail(message)
    return { output: { sent: true } }
  },
}
