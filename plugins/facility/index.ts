import type { Plugin } from 'payload'
import { implementPort, withSqlTables } from '@/core'
// ---- shared rooms ----
import { roomReservationsPort } from '@plugins/bookings/contract'
import { sharedRoomField } from './fields/sharedRoomField'
import { roomReservations } from './operations/roomReservations'
import { resourceRoomsTable } from './operations/sql/resourceRoomsTable'
// ---- /shared rooms ----
import { withFacilityHome } from './admin/facilityHome'
import { withFacilityScreens } from './admin/facilityScreens'
import { AvailabilityBlocks } from './collections/AvailabilityBlocks'
import { Closures } from './collections/Closures'
import { DayPasses } from './collections/DayPasses'
import { FacilityResources } from './collections/FacilityResources'
import { FacilityTiers } from './collections/FacilityTiers'
import { FeeSnapshots } from './collections/FeeSnapshots'
import { GuestCheckIns } from './collections/GuestCheckIns'
import { Guests } from './collections/Guests'
import { ReservationParticipants } from './collections/ReservationParticipants'
import { Reservations } from './collections/Reservations'
import { defaultOptions } from './defaults'
import { accessCheckEndpoint } from './endpoints/accessCheckEndpoint'
import { applyClosureEndpoint } from './endpoints/applyClosureEndpoint'
import { approveEndpoint } from './endpoints/approveEndpoint'
import { availabilityEndpoint } from './endpoints/availabilityEndpoint'
import { bookEndpoint } from './endpoints/bookEndpoint'
import { cancelEndpoint } from './endpoints/cancelEndpoint'
import { checkInEndpoint } from './endpoints/checkInEndpoint'
import { dayPassCheckInEndpoint } from './endpoints/dayPassCheckInEndpoint'
import { declineEndpoint } from './endpoints/declineEndpoint'
import { moveEndpoint } from './endpoints/moveEndpoint'
import { payEndpoint } from './endpoints/payEndpoint'
import { quoteEndpoint } from './endpoints/quoteEndpoint'
import { walkInEndpoint } from './endpoints/walkInEndpoint'
import { withFacilityEvents } from './events'
import { facilitySettingsField } from './fields/facilitySettingsField'
import { facilityTierField } from './fields/facilityTierField'
import { facilitySqlTables } from './operations/sql/facilitySqlTables'
import type { FacilityOptions } from './types'
import { withTrackman } from './trackman/withTrackman'

export type { FacilityOptions } from './types'

/** Bays, courts and rooms; member tiers; closures and availability blocks; guest check-ins; reservations with participants, fees and door codes (see README.md). */
export const facilityPlugin =
  (options: FacilityOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    const group = o.adminGroup
    const codes = {
      leadMinutes: o.accessCodeLeadMinutes,
      graceMinutes: o.accessCodeGraceMinutes,
      digits: o.accessCodeDigits,
    }
    // ⊕ tenant-memberships: the member's tier.
    // ⊕ tenant-settings: the club's guest policy (a waiver recorded at the desk).
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-memberships'
        ? { ...collection, fields: [...collection.fields, facilityTierField()] }
        : collection.slug === 'tenant-settings'
          ? { ...collection, fields: [...collection.fields, facilitySettingsField()] }
          : collection,
    )
    // ⊕ bookings (when installed before this plugin): a resource of type room may be one of its rooms.
    const sharesRooms = (config.collections ?? []).some((collection) => collection.slug === 'rooms')
    const reservations = Reservations(group, codes)
    const closures = Closures(group)
    const next = withFacilityEvents({
      ...config,
      collections: [
        ...collections,
        {
          ...FacilityResources(group, sharesRooms ? [sharedRoomField()] : []),
          endpoints: [availabilityEndpoint],
        },
        FacilityTiers(group),
        { ...closures, endpoints: [applyClosureEndpoint] },
        {
          ...reservations,
          endpoints: [
            bookEndpoint(codes),
            quoteEndpoint,
            accessCheckEndpoint,
            cancelEndpoint,
            approveEndpoint(codes),
            checkInEndpoint,
            declineEndpoint,
            moveEndpoint(codes),
            payEndpoint({ holdMinutes: o.feeOrderHoldMinutes }),
            walkInEndpoint(codes, { holdMinutes: o.feeOrderHoldMinutes }),
          ],
        },
        ReservationParticipants(group),
        FeeSnapshots(group),
        Guests(group),
        AvailabilityBlocks(group),
        GuestCheckIns(group),
        { ...DayPasses(group), endpoints: [dayPassCheckInEndpoint] },
      ],
    })
    const withRooms = sharesRooms ? implementPort(next, roomReservationsPort, roomReservations) : next
    return withSqlTables(
      withFacilityScreens(withFacilityHome(withTrackman(withRooms, o.trackman, { group, codes })), {
        trackmanImport: o.trackman !== false,
      }),
      sharesRooms ? [...facilitySqlTables, resourceRoomsTable] : facilitySqlTables,
    )
  }
