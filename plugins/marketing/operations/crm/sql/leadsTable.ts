import { defineSqlTable } from '@/core'

/** `leads` as the CRM's raw SQL uses it. */
export const leadsTable = defineSqlTable(
  'leads',
  {
    id: 'id',
    tenant: 'tenant',
    email: 'email',
    name: 'name',
    phone: 'phone',
    status: 'status',
    source: 'source',
    convertedMember: 'convertedMember',
    convertedAt: 'convertedAt',
    formSubmission: 'formSubmission',
    lastContactedAt: 'lastContactedAt',
    marketingConsentAt: 'marketingConsentAt', // Lead recipients
    unsubscribedAt: 'unsubscribedAt', // Lead recipients
    anonymisedAt: 'anonymisedAt', // mkt_rest: GDPR erasure
    updatedAt: 'updatedAt',
    createdAt: 'createdAt',
  },
  { enums: ['status', 'source'] },
)
