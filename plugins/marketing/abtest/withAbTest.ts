import type { ArrayField, CollectionConfig, Config, Field } from 'payload'
import { MANAGER_ROLES, withAdminScreens, withSqlTables } from '@/core'
import { AutomationAssignments } from '../collections/AutomationAssignments'
import type { defaultOptions } from '../defaults'
import { automationAssignmentsTable, enrolmentStepsTable, goalBookingsTable, goalOrdersTable } from './abTables'
import { automationReportEndpoint } from './automationReportEndpoint'
import { experimentFields, withBranchingSteps } from './experimentFields'

const isStepsArray = (f: Field): f is ArrayField => f.type === 'array' && 'name' in f && f.name === 'steps'

/** automations ⊕ branching steps, variants, holdout and goal, the report endpoint and the builder field. */
const extendAutomations = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  endpoints: [...(Array.isArray(c.endpoints) ? c.endpoints : []), automationReportEndpoint],
  fields: [...c.fields.map((f) => (isStepsArray(f) ? withBranchingSteps(f) : f)), ...experimentFields()],
})

/** automation-logs ⊕ `currentStep` (the last step run; each run is appended to `metadata.runs`). */
const extendLogs = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  fields: [
    ...c.fields,
    {
      name: 'currentStep',
      type: 'number',
      admin: { readOnly: true, description: 'The last step run (0-based); every run is in metadata.runs.' },
    },
  ],
})

/**
 * The branching and A/B slice: branches on steps (validated forward jumps), variants with weights
 * and a holdout, one assignment per (automation, member), the conversion report, the
 * automation builder screen. Goals read bookings and orders only when those plugins are installed.
 */
export const withAbTest = (config: Config, o: typeof defaultOptions): Config => {
  const slugs = new Set((config.collections ?? []).map((c) => c.slug))
  const next: Config = {
    ...config,
    collections: [
      ...(config.collections ?? []).map((c) =>
        c.slug === 'automations' ? extendAutomations(c) : c.slug === 'automation-logs' ? extendLogs(c) : c,
      ),
      AutomationAssignments(o.adminGroup),
    ],
  }
  const withScreens = withAdminScreens(next, [
    {
      key: 'marketingAutomationBuilder',
      Component: '@plugins/marketing/admin/AutomationBuilder/AutomationBuilderView#AutomationBuilderView',
      path: '/automation-builder',
      title: 'Automation builder',
      nav: { label: 'Automation builder', id: 'nav-automation-builder', roles: MANAGER_ROLES },
    },
  ])
  return withSqlTables(withScreens, [
    automationAssignmentsTable,
    enrolmentStepsTable,
    ...(slugs.has('bookings') ? [goalBookingsTable] : []),
    ...(slugs.has('orders') ? [goalOrdersTable] : []),
  ])
}
