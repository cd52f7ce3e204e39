import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, OperationError, runSql } from '@/core'
import { guestWaiverPort } from '../contract'
import { facilitySettingsTable } from './sql/facilitySettingsTable'
import { guestsTable } from './sql/guestsTable'

/**
 * Before guests are checked in: each must have signed the waiver (`guards.guestWaiver`: a waivers
 * plugin's signatures, else the desk's `waiverSignedAt` when the club requires it). The first
 * refusal answers 409 `waiver_required` naming the guest, before anything is written or spent.
 */
export const assertGuestWaivers = async (req: PayloadRequest, tenant: string, guests: string[]): Promise<void> => {
  if (guests.length === 0) return
  const g = guestsTable(req)
  const s = facilitySettingsTable(req)
  const [settings] = await runSql<{ required: boolean | null }>(
    req,
    sql`SELECT ${s.guestWaiverAtDesk} AS required FROM ${s.$table} WHERE ${s.tenant} = ${tenant} LIMIT 1`,
  )
  const rows = await runSql<{ id: string; name: string; email: string | null; signed_at: Date | null }>(
    req,
    sql`SELECT ${g.id} AS id, ${g.name} AS name, ${g.email} AS email, ${g.waiverSignedAt} AS signed_at FROM ${g.$table}
        WHERE ${g.tenant} = ${tenant} AND ${g.id} = ANY(${`{${guests.join(',')}}`}::uuid[]) ORDER BY ${g.name}`,
  )
  for (const row of rows) {
    const result = await callPort(req, guestWaiverPort, {
      tenant,
      guest: { id: String(row.id), name: row.name, email: row.email },
      waiverSignedAt: row.signed_at ? new Date(row.signed_at).toISOString() : null,
      requiredAtDesk: settings?.required === true,
    })
    if (!result.ok) throw new OperationError(409, 'waiver_required', result.reason)
  }
}
