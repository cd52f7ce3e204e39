import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, lockKey, runSql } from '@/core'
import type { DebitCreditsInput, DebitCreditsResult } from '@plugins/bookings/contract'
import { creditBalance } from './creditBalance'
import { creditLedgerTable, creditLotsTable } from './sql/creditLotsTable'

type Lot = { id: string; remaining_credits: number }

/**
 * The `credits.debit` port: spends `credits` of a member's unexpired lots, soonest-expiring
 * first, inside the caller's transaction (one is opened when there is none). Serialised per
 * member with an advisory lock; each lot moves by a conditional UPDATE. Idempotent per `ref`:
 * a second debit for the same ref returns the first spend.
 */
export const debitCredits = async (
  req: PayloadRequest,
  input: DebitCreditsInput & { creditType?: string },
): Promise<DebitCreditsResult> =>
  inTransaction(req, async () => {
    const creditType = input.creditType ?? 'class'
    if (!Number.isSafeInteger(input.credits) || input.credits <= 0)
      return { ok: false, code: 'invalid_credits', reason: 'credits must be a whole number greater than 0.' }
    await lockKey(req, `credits:${input.member}`)
    const l = creditLedgerTable(req)
    const c = creditLotsTable(req)
    const previous = await runSql<{ id: string; lot_id: string; type: string }>(
      req,
      sql`SELECT ${l.id} AS id, ${l.lot} AS lot_id, ${l.type} AS type FROM ${l.$table}
          WHERE ${l.tenant} = ${input.tenant} AND ${l.refCollection} = ${input.ref.collection} AND ${l.refId} = ${input.ref.id}
            AND ${l.type} IN ('spent_booking', 'refund') ORDER BY ${l.createdAt}`,
    )
    if (previous.some((row) => row.type === 'refund'))
      return { ok: false, code: 'already_refunded', reason: 'The credits for this booking were already given back.' }
    if (previous.length > 0) return { ok: true, ledgerEntryId: previous[0].id, lotId: previous[0].lot_id }

    const lots = await runSql<Lot>(
      req,
      sql`SELECT ${c.id} AS id, ${c.remainingCredits} AS remaining_credits FROM ${c.$table}
          WHERE ${c.tenant} = ${input.tenant} AND ${c.member} = ${input.member} AND ${c.creditType} = ${creditType}
            AND ${c.remainingCredits} > 0 AND (${c.expiresAt} IS NULL OR ${c.expiresAt} > now())
          ORDER BY ${c.expiresAt} ASC NULLS LAST, ${c.createdAt} ASC
          FOR UPDATE`,
    )
    const available = lots.reduce((sum, lot) => sum + Number(lot.remaining_credits), 0)
    if (available < input.credits) {
      return {
        ok: false,
        code: 'insufficient_credits',
        reason: `Not enough credits: ${available} available, ${input.credits} needed.`,
      }
    }
    let balance = await creditBalance(req, input.member, creditType)
    let needed = input.credits
    let first: { id: string; lot: string } | undefined
    for (const lot of lots) {
      if (needed === 0) break
      const take = Math.min(needed, Number(lot.remaining_credits))
      const updated = await runSql<{ id: string }>(
        req,
        sql`UPDATE ${c.$table} SET ${c.remainingCredits} = ${c.remainingCredits} - ${take}, ${c.updatedAt} = now()
            WHERE ${c.id} = ${lot.id} AND ${c.remainingCredits} >= ${take} RETURNING ${c.id} AS id`,
      )
      if (updated.length === 0) throw new Error(`Credit lot ${lot.id} changed under its lock`)
      balance -= take
      needed -= take
      const entry = (await req.payload.db.create({
        collection: 'credit-ledger' as CollectionSlug,
        data: {
          tenant: input.tenant,
          member: input.member,
          lot: lot.id,
          creditType,
          type: 'spent_booking',
          amount: -take,
          balanceAfter: balance,
          refCollection: input.ref.collection,
          refId: input.ref.id,
          description: input.reason,
          createdBy: req.user?.collection === 'users' ? req.user.id : null,
        },
        req,
      })) as { id: string }
      first ??= { id: entry.id, lot: lot.id }
    }
    return { ok: true, ledgerEntryId: first!.id, lotId: first!.lot }
  })
