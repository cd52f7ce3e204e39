import type { Config } from 'payload'
import { withSqlTables } from '@/core'
import { AutomationLogs } from '../collections/AutomationLogs'
import { Automations } from '../collections/Automations'
import { AutomationTemplates } from '../collections/AutomationTemplates'
import { MessageLogs } from '../collections/MessageLogs'
import { Notifications } from '../collections/Notifications'
import type { defaultOptions } from '../defaults'
import { withAutomationSubscribers } from '../events'
import { marketingSettingsField } from '../fields/marketingSettingsField'
import { enrolTimeTriggeredTask } from '../jobs/enrolTimeTriggeredTask'
import { sendAutomationStepTask } from '../jobs/sendAutomationStepTask'
import {
  automationLogsTable,
  automationsTable,
  consentsTable,
  marketingSettingsTable,
  memberFactsTable,
  memberTextsTable,
  messageLogsTable,
  notificationsTable,
} from '../operations/sql/automationsTable'
import { trackedMessageLogsTable } from '../operations/tracking/trackingTable' // Open and click tracking

/**
 * The automations and messaging slice: automations (and the platform's templates), enrolments,
 * message logs and in-app notifications; tenant-settings ⊕ `marketing` (quiet hours, cap); the
 * trigger subscribers; the step-sending and time-trigger jobs.
 */
export const withAutomations = (config: Config, o: typeof defaultOptions): Config => {
  const group = o.adminGroup
  const collections = (config.collections ?? []).map((collection) =>
    collection.slug === 'tenant-settings'
      ? { ...collection, fields: [...collection.fields, marketingSettingsField(o)] }
      : collection,
  )
  const withCollections: Config = {
    ...config,
    collections: [
      ...collections,
      AutomationTemplates(group),
      Automations(group),
      AutomationLogs(group),
      MessageLogs(group),
      Notifications(group),
    ],
    jobs: {
      ...config.jobs,
      tasks: [
        ...(config.jobs?.tasks ?? []),
        sendAutomationStepTask({
          quietHours: o.quietHours,
          frequencyCap: o.frequencyCap,
          smsAdapter: o.smsAdapter,
          emailTracking: o.emailTracking, // Open and click tracking
        }),
        enrolTimeTriggeredTask(o.timeTriggersCron),
      ],
    },
  }
  return withSqlTables(withAutomationSubscribers(withCollections), [
    automationsTable,
    automationLogsTable,
    messageLogsTable,
    notificationsTable,
    consentsTable,
    memberFactsTable,
    marketingSettingsTable,
    memberTextsTable, // tag rules in the audience SQL
    trackedMessageLogsTable, // Open and click tracking
  ])
}
