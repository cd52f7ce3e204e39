import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'

/**
 * Only the send job marks an announcement sent: through the API a draft is scheduled (now when
 * `scheduledAt` is empty) or cancelled; a sent one stays sent (its texts and dates may be edited).
 */
export const scheduleAnnouncement: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  if (context.announcementSystem) return data
  const before = operation === 'update' ? originalDoc?.status : undefined
  if (data.status === 'sent' && before !== 'sent')
    throw new OperationError(400, 'invalid_input', 'Schedule the announcement to send it; the queue marks it sent.')
  if (before === 'sent' && data.status && data.status !== 'sent')
    throw new OperationError(409, 'already_sent', 'This announcement was already sent.')
  if (operation === 'update' && data.sentAt !== undefined) data.sentAt = originalDoc?.sentAt ?? null
  if (operation === 'create' && req.user) data.sentAt = null
  if (data.status === 'scheduled' && !data.scheduledAt) data.scheduledAt = new Date().toISOString()
  return data
}
