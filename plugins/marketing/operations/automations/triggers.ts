import type { PayloadRequest } from 'payload'
import type { DomainEvent, EventOf, EventType, Subscriber } from '@/core'

/** What a trigger event enrols: the member and the occurrence key (one enrolment per key). */
export type TriggerHit = {
  member: string
  occurrenceKey: string
  facts: Record<string, unknown>
  /** The automations' `triggerEvent` value when it is not the event's type (More triggers). */
  trigger?: string
  /** The lead to enrol instead of a member (the New lead trigger; `member` is then ''). */
  lead?: string
}

type OnHit = (event: DomainEvent<unknown>, hit: TriggerHit, req: PayloadRequest) => Promise<void>

const once = (member: string | null | undefined, facts: Record<string, unknown>): TriggerHit | null =>
  member ? { member, occurrenceKey: 'once', facts } : null
const each = (member: string | null | undefined, key: string, facts: Record<string, unknown>): TriggerHit | null =>
  member ? { member, occurrenceKey: key, facts } : null

/** A trigger: the event, its label, and what it enrols (`hit`), with the subscriber that hands hits on. */
const trigger = <K extends EventType, V extends string = K>(t: {
  event: K
  /** The automations' `triggerEvent` value; the event's type unless two triggers share an event. */
  value?: V
  label: string
  /** The member and occurrence the event is about, or null when it does not apply (a guest, an early cancel). */
  hit: (event: EventOf<K>) => TriggerHit | null
}) => ({
  ...t,
  subscriber: (onHit: OnHit) => ({
    name: `marketing.automations.${t.value ?? t.event}`,
    event: t.event,
    handler: async (event: EventOf<K>, { req }: { req: PayloadRequest }) => {
      const hit = t.hit(event)
      if (hit) await onHit(event, t.value ? { ...hit, trigger: t.value } : hit, req)
    },
  }),
})

/**
 * The domain events an automation can start on. "First" triggers enrol a member once ever per
 * automation (occurrence `once`); the others once per event (its id), so a redelivered event
 * never enrols twice.
 */
export const EVENT_TRIGGERS = [
  trigger({
    event: 'member.created',
    label: 'New member',
    hit: (e) => once(e.subject?.id, { ...e.data }),
  }),
  trigger({ event: 'booking.created', label: 'First booking', hit: (e) => once(e.data.member, { ...e.data }) }),
  trigger({ event: 'booking.checked_in', label: 'First visit', hit: (e) => once(e.data.member, { ...e.data }) }),
  trigger({
    event: 'booking.cancelled',
    label: 'Late cancel',
    hit: (e) => (e.data.late ? each(e.data.member, e.id, { ...e.data, fee: undefined }) : null),
  }),
  trigger({
    event: 'booking.no_show',
    label: 'No-show (class)',
    hit: (e) => each(e.data.member, e.id, { ...e.data }),
  }),
  trigger({
    event: 'appointment.no_show',
    label: 'No-show (appointment)',
    hit: (e) => each(e.data.member, e.id, { ...e.data }),
  }),
  trigger({
    event: 'booking.promoted',
    label: 'Waitlist promotion',
    hit: (e) => each(e.data.member, e.id, { ...e.data }),
  }),
  trigger({
    event: 'subscription.past_due',
    label: 'Failed payment',
    hit: (e) => each(e.data.member, e.id, { ...e.data }),
  }),
  trigger({
    event: 'order.paid',
    label: 'Purchase',
    hit: (e) => each(e.data.member, e.id, { total: e.data.total, currency: e.data.currency, number: e.data.number }),
  }),
  trigger({
    event: 'course.completed',
    label: 'Course completed',
    hit: (e) => each(e.data.member, e.id, { course: e.data.course }),
  }),
  trigger({
    event: 'form.submitted',
    label: 'Form submitted (member with that email)',
    // Resolved to a member by email in `handleTriggerEvent`.
    hit: (e) =>
      e.data.email
        ? { member: '', occurrenceKey: e.id, facts: { email: e.data.email, formType: e.data.formType } }
        : null,
  }),
  // ---- More triggers ----
  trigger({
    event: 'booking.checked_in',
    value: 'visit.milestone',
    label: 'Nth visit (N = threshold)',
    // The key is per N (`visits:<N>`), set in `handleTriggerEvent` once the check-in is counted.
    hit: (e) => each(e.data.member, 'visits', { ...e.data }),
  }),
  trigger({
    event: 'order.canceled',
    value: 'order.abandoned',
    label: 'Abandoned checkout (order expired unpaid)',
    hit: (e) =>
      e.data.reason === 'expired'
        ? each(e.data.member, `order:${e.data.order}`, { order: e.data.order, number: e.data.number })
        : null,
  }),
  trigger({
    event: 'booking.offer_expired',
    value: 'booking.abandoned',
    label: 'Abandoned booking (waitlist place offered, not claimed in time)',
    hit: (e) => each(e.data.member, `offer:${e.subject?.id ?? e.id}`, { class: e.data.class }),
  }),
  // ---- /More triggers ----
  // ---- Lead recipients ----
  trigger({
    event: 'lead.created',
    label: 'New lead (e-mail steps only)',
    // A lead enters once ever per automation; enrolled by `enrolLead` (e-mail only, see README).
    hit: (e) => ({
      member: '',
      lead: e.data.lead,
      occurrenceKey: 'once',
      facts: { email: e.data.email, source: e.data.source },
    }),
  }),
  // ---- /Lead recipients ----
] as const

/** Triggers evaluated by the hourly job rather than by an event (`triggerDays` is their N). */
export const TIME_TRIGGERS = [
  { value: 'time.no_visit', label: 'No visit in N days' },
  { value: 'time.birthday', label: 'Birthday' },
  // ---- Holdings triggers ----
  { value: 'time.intro_ending', label: 'Intro offer (trial) ends in N days' },
  { value: 'time.low_credits', label: 'Credits at or below N' },
  { value: 'time.pack_expiring', label: 'Credit pack expires in N days' },
  { value: 'time.membership_expiring', label: 'Membership ends in N days' },
  // ---- /Holdings triggers ----
] as const

export type TimeTrigger = (typeof TIME_TRIGGERS)[number]['value']
export type TriggerEvent =
  | (typeof EVENT_TRIGGERS)[number]['event']
  | TimeTrigger
  | 'visit.milestone'
  | 'order.abandoned'
  | 'booking.abandoned'

export const TRIGGER_OPTIONS: { label: string; value: string }[] = [
  ...EVENT_TRIGGERS.map((t) => ({ label: `${t.label} (${t.event})`, value: t.value ?? t.event })),
  ...TIME_TRIGGERS.map((t) => ({ label: t.label, value: t.value })),
]

/** The New lead trigger (Lead recipients): its automations enrol leads, by e-mail only. */
export const LEAD_TRIGGER = 'lead.created'

export const isTimeTrigger = (value: string): value is TimeTrigger => TIME_TRIGGERS.some((t) => t.value === value)

/** One subscriber per event trigger, each handing its hit to `onHit`. */
export const triggerSubscribers = (onHit: OnHit): Subscriber[] => EVENT_TRIGGERS.map((t) => t.subscriber(onHit))
