import { announcementsTable } from './announcementsTable'
import { leadsTable } from './leadsTable'
import { noticeDismissalsTable } from './noticeDismissalsTable'

/** Every table the CRM's raw SQL uses (checked against the schema at start-up). */
export const crmSqlTables = [leadsTable, announcementsTable, noticeDismissalsTable]
