import type { TaskConfig } from 'payload'
import { inTransaction } from '@/core'
import { sendDueAnnouncements } from '../../operations/crm/sendDueAnnouncements'

export const SEND_SCHEDULED_ANNOUNCEMENTS_TASK = 'sendScheduledAnnouncements'

/** On its cron (`announcementsCron`): sends the announcements whose scheduled time came, each once. */
export const sendScheduledAnnouncementsTask = (options: { cron: string }): TaskConfig => ({
  slug: SEND_SCHEDULED_ANNOUNCEMENTS_TASK,
  label: 'Send scheduled announcements',
  schedule: [{ cron: options.cron, queue: 'default' }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ req }) => ({
    output: { sent: (await inTransaction(req, () => sendDueAnnouncements(req))).length },
  }),
})
