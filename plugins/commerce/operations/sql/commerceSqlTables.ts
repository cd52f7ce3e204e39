import { commerceSettingsTable } from './commerceSettingsTable'
import { couponKindsTable, couponRedemptionsTable, couponsRelsTable, couponsTable } from './couponsTable'
import { creditLedgerTable, creditLotsTable } from './creditLotsTable'
import { giftCardsTable, giftCardTransactionsTable } from './giftCardsTable'
import { orderLinesTable, ordersTable } from './ordersTable'
import { productsTable } from './productsTable'
import { taxRateKindsTable, taxRatesTable } from './taxRatesTable'

/**
 * Every table the commerce plugin's raw SQL uses (checked against the schema at start-up);
 * `orderPaymentsTable` is added only when a payments plugin gives orders their `payment` field.
 */
export const commerceSqlTables = [
  commerceSettingsTable,
  couponKindsTable,
  couponRedemptionsTable,
  couponsRelsTable,
  couponsTable,
  creditLedgerTable,
  creditLotsTable,
  giftCardsTable,
  giftCardTransactionsTable,
  orderLinesTable,
  ordersTable,
  productsTable,
  taxRateKindsTable,
  taxRatesTable,
]
