import { defineSqlTable } from '@/core'

/** `credit-lots` as the commerce plugin's raw SQL uses it. */
export const creditLotsTable = defineSqlTable('credit-lots', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  creditType: 'creditType',
  source: 'source',
  subscription: 'subscription',
  periodKey: 'periodKey',
  initialCredits: 'initialCredits',
  remainingCredits: 'remainingCredits',
  expiresAt: 'expiresAt',
  expiredAt: 'expiredAt',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})

/** `credit-ledger`: every credit movement, with what it was for (`refCollection`/`refId`). */
export const creditLedgerTable = defineSqlTable('credit-ledger', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  lot: 'lot',
  creditType: 'creditType',
  type: 'type',
  amount: 'amount',
  refCollection: 'refCollection',
  refId: 'refId',
  createdAt: 'createdAt',
})
