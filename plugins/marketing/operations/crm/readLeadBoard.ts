import type { PayloadRequest } from 'payload'
import { LEAD_STATUSES, type LeadStatus } from '../../contract'

export type BoardLead = {
  id: string
  email: string
  name: string | null
  source: string | null
  owner: string | null
  lastContactedAt: string | null
}
export type LeadBoardData = { columns: { status: LeadStatus; count: number; leads: BoardLead[] }[] }

const PER_COLUMN = 50

/**
 * The tenant's leads by status for the board, read with the viewer's access: each column's total
 * and its 50 most recently updated leads.
 */
export const readLeadBoard = async (req: PayloadRequest, tenant: string): Promise<LeadBoardData> => {
  const columns = await Promise.all(
    LEAD_STATUSES.map(async (status) => {
      const found = await req.payload.find({
        collection: 'leads',
        where: { and: [{ tenant: { equals: tenant } }, { status: { equals: status } }] },
        sort: '-updatedAt',
        limit: PER_COLUMN,
        depth: 1,
        overrideAccess: false,
        req,
        select: { email: true, name: true, source: true, owner: true, lastContactedAt: true },
        populate: { 'tenant-memberships': { email: true, profile: true } },
      })
      return {
        status,
        count: found.totalDocs,
        leads: found.docs.map((lead) => ({
          id: String(lead.id),
          email: lead.email,
          name: lead.name ?? null,
          source: lead.source ?? null,
          owner:
            lead.owner && typeof lead.owner === 'object'
              ? (lead.owner.profile?.displayName ?? lead.owner.email ?? null)
              : null,
          lastContactedAt: lead.lastContactedAt ?? null,
        })),
      }
    }),
  )
  return { columns }
}
