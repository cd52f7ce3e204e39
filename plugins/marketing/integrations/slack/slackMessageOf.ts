import type { DomainEvent } from '@/core'

const scalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value)

/** A Slack message for one event: a short text (notifications) and blocks (the event and its main fields). */
export const slackMessageOf = (event: DomainEvent<unknown>, tenantName?: string) => {
  const title = event.type.replace(/[._]/g, ' ')
  const text = `${tenantName ? `${tenantName}: ` : ''}${title}`
  const data = event.data && typeof event.data === 'object' ? Object.entries(event.data) : []
  const fields = data
    .filter(([, value]) => scalar(value))
    .slice(0, 8)
    .map(([key, value]) => ({ type: 'mrkdwn', text: `*${key}*\n${String(value).slice(0, 200)}` }))
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
      ...(fields.length ? [{ type: 'section', fields }] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${event.type} · ${event.occurredAt}` }] },
    ],
  }
}
