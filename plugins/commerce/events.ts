import type { Subscriber } from '@/core'
import { receiptMessage } from './operations/receiptMessage'

/** Sends the receipt asked for with `POST /api/orders/:id/receipt` through Payload's e-mail adapter. */
export const sendReceiptSubscriber: Subscriber = {
  name: 'commerce.sendReceipt',
  event: 'order.receipt_requested',
  handler: async (event, { req }) => {
    const { order, to } = event.data as { order: string; to: string }
    const message = await receiptMessage(req, order)
    if (!message) return // the order no longer exists: nothing to send
    await req.payload.sendEmail({ to, ...message })
  },
}
