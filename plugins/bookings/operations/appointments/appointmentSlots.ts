import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import type { Slot, SlotsReply } from '../../contract'
import { availabilityWindows, freeSlots, insideWindows } from './availabilityWindows'
import { loadAppointmentService } from './loadAppointmentService'
import { providerCommitments, providerRules, roomCommitments } from './providerCommitments'

export type SlotsInput = { serviceId: string; from: Date; to: Date; provider?: string }

/**
 * Free windows of a service: each provider's availability (rules expanded on the wall clock of
 * their zone) minus their classes and booked appointments (buffers included), nothing before
 * now + minimum notice nor after the booking window; with a room, minus the room's bookings too.
 * A group service (capacity > 1) also lists its partly booked slots, with the places left.
 * Three or four SQL statements.
 */
export const appointmentSlots = async (req: PayloadRequest, input: SlotsInput): Promise<SlotsReply> => {
  const service = await loadAppointmentService(req, input.serviceId)
  if (!service || !service.isActive) throw new OperationError(404, 'not_found', 'No such appointment service.')
  if (input.provider && !service.providers.includes(input.provider)) {
    throw new OperationError(404, 'provider_not_found', 'This provider does not offer this service.')
  }
  const providers = input.provider ? [input.provider] : service.providers
  const pad = (service.bufferBeforeMinutes + service.bufferAfterMinutes + service.durationMinutes) * 60_000
  const rules = await providerRules(req, providers)
  const busy = await providerCommitments(
    req,
    providers,
    new Date(input.from.getTime() - pad),
    new Date(input.to.getTime() + pad),
  )
  const roomBusy = service.room
    ? await roomCommitments(req, service.room, new Date(input.from.getTime() - pad), new Date(input.to.getTime() + pad))
    : []
  const now = Date.now()
  const earliest = Math.max(now + service.minNoticeMinutes * 60_000, input.from.getTime())
  const latest = Math.min(now + service.bookingWindowDays * 86_400_000, input.to.getTime() - 1)
  const slots: Slot[] = []
  const duration = service.durationMinutes * 60_000
  for (const provider of providers) {
    const windows = availabilityWindows(rules.get(provider) ?? [], input.from, input.to)
    const commitments = busy.get(provider) ?? []
    for (const slot of freeSlots(windows, [...commitments, ...roomBusy], service, earliest, latest)) {
      slots.push({
        provider,
        startTime: new Date(slot.start).toISOString(),
        endTime: new Date(slot.end).toISOString(),
        placesLeft: service.capacity,
      })
    }
    if (service.capacity <= 1) continue
    // Group slots already started by someone: bookable while places are left and nothing else overlaps them.
    const taken = new Map<number, number>()
    for (const c of commitments)
      if (c.kind === 'appointment' && c.service === service.id) taken.set(c.at, (taken.get(c.at) ?? 0) + 1)
    for (const [at, count] of taken) {
      if (
        count >= service.capacity ||
        at < earliest ||
        at > latest ||
        at < input.from.getTime() ||
        at >= input.to.getTime()
      )
        continue
      if (!insideWindows(windows, at, at + duration)) continue
      const others = [...commitments, ...roomBusy].filter((c) => !(c.service === service.id && c.at === at))
      if (!freeSlots([{ start: at, end: at + duration }], others, service, at, at).length) continue
      slots.push({
        provider,
        startTime: new Date(at).toISOString(),
        endTime: new Date(at + duration).toISOString(),
        placesLeft: service.capacity - count,
      })
    }
  }
  slots.sort((a, b) => a.startTime.localeCompare(b.startTime) || a.provider.localeCompare(b.provider))
  return { service: service.id, from: input.from.toISOString(), to: input.to.toISOString(), slots }
}
