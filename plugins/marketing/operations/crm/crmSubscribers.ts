import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantsTable, type Subscriber } from '@/core'
import { announceClosure } from './announceClosure'
import { convertLeadsOfMember } from './convertLeadsOfMember'
import { leadFromForm } from './leadFromForm'
import { upsertLead } from './upsertLead'

/** A form submission with an e-mail (website) upserts the tenant's lead for that address. */
export const leadFromFormSubscriber: Subscriber<'form.submitted'> = {
  name: 'marketing.leadFromForm',
  event: 'form.submitted',
  handler: async (event, { req }) => {
    const lead = event.tenant ? leadFromForm(event.data) : null
    if (!lead || !event.tenant) return
    await upsertLead(req, { tenant: event.tenant, ...lead, formSubmission: event.data.submission })
  },
}

/** A person joined a tenant: the lead with their e-mail converts. */
export const convertLeadSubscriber: Subscriber<'member.created'> = {
  name: 'marketing.convertLead',
  event: 'member.created',
  handler: async (event, { req }) => {
    if (!event.tenant || !event.subject) return
    await convertLeadsOfMember(req, { tenant: event.tenant, member: event.subject.id, user: event.data.user })
  },
}

/** A closure (facility) is announced with a banner until it ends. */
export const closureBannerSubscriber: Subscriber<'closure.created'> = {
  name: 'marketing.closureBanner',
  event: 'closure.created',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    const t = tenantsTable(req)
    const [tenant] = await runSql<{ timezone: string | null }>(
      req,
      sql`SELECT ${t.timezone} AS timezone FROM ${t.$table} WHERE ${t.id} = ${event.tenant}`,
    )
    if (new Date(event.data.endAt).getTime() <= Date.now()) return
    await announceClosure(req, {
      tenant: event.tenant,
      closure: event.data.closure,
      startAt: event.data.startAt,
      endAt: event.data.endAt,
      zone: tenant?.timezone || 'UTC',
    })
  },
}

export const crmSubscribers = [leadFromFormSubscriber, convertLeadSubscriber, closureBannerSubscriber]
