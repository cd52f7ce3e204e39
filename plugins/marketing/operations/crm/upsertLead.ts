import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { leadsTable } from './sql/leadsTable'

export type LeadCapture = {
  tenant: string
  email: string
  name?: string | null
  phone?: string | null
  source: string
  formSubmission?: string | null
  /** The capture carried an explicit marketing consent (a form's ticked box): `marketingConsentAt` = now (Lead recipients). */
  marketingConsent?: boolean
}

export type UpsertedLead = { id: string; created: boolean }

/**
 * Captures a lead by e-mail (case-insensitive): one `INSERT … ON CONFLICT (tenant, lower(email))
 * DO UPDATE` in the request's transaction, so concurrent captures of one address make one lead.
 * A repeat fills the name and phone it lacked and never changes the status or the source; a
 * capture with an explicit marketing consent stamps `marketingConsentAt` (a later consent renews one
 * given up by an unsubscribe).
 * The first capture emits `lead.created`.
 */
export const upsertLead = async (req: PayloadRequest, input: LeadCapture): Promise<UpsertedLead> => {
  const l = leadsTable(req)
  const email = input.email.trim().toLowerCase()
  const [row] = await runSql<{ id: string; created: boolean }>(
    req,
    sql`INSERT INTO ${l.$table} (${l.tenant}, ${l.email}, ${l.name}, ${l.phone}, ${l.status}, ${l.source}, ${l.formSubmission}, ${l.marketingConsentAt}, ${l.createdAt}, ${l.updatedAt})
        VALUES (${input.tenant}, ${email}, ${input.name ?? null}, ${input.phone ?? null}, 'new'::${l.$enum.status},
                ${input.source}::${l.$enum.source}, ${input.formSubmission ?? null},
                ${input.marketingConsent ? sql`now()` : sql`NULL`}, now(), now())
        ON CONFLICT (${l.tenant}, lower(${l.email}))
        DO UPDATE SET ${l.name} = COALESCE(${l.$table}.${l.name}, EXCLUDED.${l.name}),
                      ${l.phone} = COALESCE(${l.$table}.${l.phone}, EXCLUDED.${l.phone}),
                      ${l.marketingConsentAt} = COALESCE(EXCLUDED.${l.marketingConsentAt}, ${l.$table}.${l.marketingConsentAt}),
                      ${l.updatedAt} = now()
        RETURNING ${l.id} AS id, (xmax = 0) AS created`,
  )
  if (row.created)
    await emit(req, {
      type: 'lead.created',
      tenant: input.tenant,
      subject: { collection: 'leads', id: row.id },
      data: { lead: String(row.id), email, source: input.source },
    })
  return { id: String(row.id), created: Boolean(row.created) }
}
