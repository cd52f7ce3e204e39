import { availabilityBlocksTable } from './availabilityBlocksTable'
import { dayPassesTable } from './dayPassesTable'
import { guestCheckInsTable } from './guestCheckInsTable'
import { closuresRelsTable, closuresTable } from './closuresTable'
import { facilityResourcesTable } from './facilityResourcesTable'
import { facilitySettingsTable } from './facilitySettingsTable'
import { facilityTiersTable, memberTiersTable } from './facilityTiersTable'
import { feeSnapshotsTable } from './feeSnapshotsTable'
import { guestsTable } from './guestsTable'
import { reservationParticipantsTable } from './reservationParticipantsTable'
import { reservationsTable } from './reservationsTable'
import { facilityImportRowsTable } from './facilityImportRowsTable'
import { facilityImportsTable } from './facilityImportsTable'
import { importMembershipsTable, importUsersTable } from './importPeopleTables'

/** Every table the facility plugin's raw SQL uses (checked against the schema at start-up). */
export const facilitySqlTables = [
  availabilityBlocksTable,
  dayPassesTable,
  guestCheckInsTable,
  closuresTable,
  closuresRelsTable,
  facilityResourcesTable,
  facilitySettingsTable,
  facilityTiersTable,
  memberTiersTable,
  feeSnapshotsTable,
  guestsTable,
  reservationParticipantsTable,
  reservationsTable,
]

/** The tables of the Trackman CSV import (registered with the import's collections). */
export const facilityImportSqlTables = [
  facilityImportsTable,
  facilityImportRowsTable,
  importMembershipsTable,
  importUsersTable,
]
