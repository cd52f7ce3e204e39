import type { Config } from 'payload'
import { withSqlTables } from '@/core'
import { anonymiseEndpoints } from './endpoints/privacy/anonymiseEndpoints'
import { privacySqlTables } from './operations/privacy/privacySqlTables'

/**
 * mkt_rest: GDPR erasure (anonymise a member or a lead): the two staff endpoints and the columns
 * they rewrite. Composed last: it touches the collections of the other slices.
 */
export const withPrivacy = (config: Config): Config =>
  withSqlTables({ ...config, endpoints: [...(config.endpoints ?? []), ...anonymiseEndpoints] }, privacySqlTables)
