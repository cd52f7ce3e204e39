import type { PayloadRequest, TaskConfig } from 'payload'
import { guestConfirmationMessage } from '../operations/format/guestConfirmationMessage'
import type { GuestBookingCollection } from '../operations/guests/guestCancelToken'

export const SEND_GUEST_CONFIRMATION_TASK = 'sendGuestConfirmation'

/** Queues the confirmation mail of a guest booking in the request's transaction (sent after commit by the jobs runner). */
export const queueGuestConfirmation = async (
  req: PayloadRequest,
  collection: GuestBookingCollection,
  id: string,
): Promise<void> => {
  await req.payload.jobs.queue({ task: SEND_GUEST_CONFIRMATION_TASK, input: { collection, id }, req })
}

/**
 * Mails a guest (an e-mail-only RSVP or a guest appointment) its confirmation with the cancel
 * link. The input holds only the row: the link's token is derived again here, never stored.
 */
export const sendGuestConfirmationTask: TaskConfig = {
  slug: SEND_GUEST_CONFIRMATION_TASK,
  label: 'Mail a guest booking confirmation',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: GuestBookingCollection; id: string }
    const message = await guestConfirmationMessage({ payload: req.payload, transactionID: undefined }, collection, id)
    if (!message) return { output: { sent: false } } // cancelled meanwhile, or gone: nothing to confirm
    await req.payload.sendEmail(message)
    return { output: { sent: true } }
  },
}
