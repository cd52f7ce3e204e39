import { billingGroupsRelsTable, billingGroupsTable } from './billingGroupsTable'
import { invoicesTable } from './invoicesTable'
import { membershipPlansTable, planPricesTable } from './membershipPlansTable'
import { paymentRefundsTable, paymentsTable } from './paymentsTable'
import { planFeaturesTable } from './planFeaturesTable'
import { platformConfigTable, tenantFeeTable } from './platformFeeTables'
import { subscriptionsTable } from './subscriptionsTable'
import { usageRecordsTable } from './usageRecordsTable'

/** Every table the billing plugin's raw SQL uses (checked against the schema at start-up). */
export const billingSqlTables = [
  billingGroupsTable,
  billingGroupsRelsTable,
  invoicesTable,
  membershipPlansTable,
  paymentRefundsTable,
  paymentsTable,
  planFeaturesTable,
  planPricesTable,
  platformConfigTable,
  subscriptionsTable,
  tenantFeeTable,
  usageRecordsTable,
]
