import type { PayloadRequest } from 'payload'
import { escapeHtml } from '@/core'
import { trackedHtml } from '../operations/tracking/trackingLinks' // Open and click tracking

/**
 * Mails one message through Payload's configured adapter (nodemailer over SMTP, or the file
 * adapter writing DATA_DIR/mail). Marketing mail carries RFC 8058 one-click unsubscribe headers
 * and the same link in the body.
 */
export const sendEmailMessage = async (
  req: PayloadRequest,
  message: {
    to: string
    subject: string
    text: string
    unsubscribeUrl?: string
    /** The message log to track opens and clicks as (Open and click tracking). */
    trackAs?: string
  },
): Promise<{ providerMessageId: string | null }> => {
  const footer = message.unsubscribeUrl ? `\n\n--\nUnsubscribe: ${message.unsubscribeUrl}` : ''
  const body = message.trackAs
    ? trackedHtml(message.trackAs, message.text)
    : `<p>${escapeHtml(message.text).replace(/\n/g, '<br>')}</p>`
  const html = `${body}${
    message.unsubscribeUrl ? `<p><a href="${escapeHtml(message.unsubscribeUrl)}">Unsubscribe</a></p>` : ''
  }`
  const result: unknown = await req.payload.sendEmail({
    to: message.to,
    subject: message.subject,
    text: `${message.text}${footer}`,
    html,
    headers: message.unsubscribeUrl
      ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : undefined,
  })
  const id =
    result && typeof result === 'object'
      ? 'messageId' in result && typeof result.messageId === 'string'
        ? result.messageId
        : 'id' in result && typeof result.id === 'string'
          ? result.id
          : null
      : null
  return { providerMessageId: id }
}
