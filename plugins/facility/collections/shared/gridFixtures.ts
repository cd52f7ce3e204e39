import type { Payload } from 'payload'

const tag = () => Math.random().toString(36).slice(2, 10)

/** A fresh bay, for the isolation grid's fixtures. */
export const gridResource = async (payload: Payload, tenant: string) => {
  const resource = await payload.create({
    collection: 'facility-resources',
    data: {
      tenant,
      name: `Grid bay ${tag()}`,
      type: 'simulator_bay',
      capacity: 4,
      bookingRules: { slotMinutes: 60, minMinutes: 60, maxMinutes: 120 },
      pricing: { mode: 'per_bay_hour' },
    },
  })
  return String(resource.id)
}

/**
 * A fresh bay and a confirmed reservation of `member` on it a month ahead, for the fixtures of rows
 * that belong to a reservation (the reservations fixture itself makes only the bay: the grid counts its rows).
 */
export const gridReservation = async (payload: Payload, tenant: string, member: string) => {
  const resource = await gridResource(payload, tenant)
  const start = Date.now() + 30 * 86_400_000
  const reservation = await payload.create({
    collection: 'reservations',
    data: {
      tenant,
      resource,
      member,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3_600_000).toISOString(),
      status: 'confirmed',
    },
  })
  return { resource, reservation: String(reservation.id) }
}
