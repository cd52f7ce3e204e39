import type { WidgetServerProps } from 'payload'
import { DESK_ROLES } from '@/core'
import { HomeCard, HomeNote } from '@/core/admin/home/HomeCard'
import { widgetTenant } from '@/core/admin/home/widgetTenant'
import { readMembersAtRisk } from '../operations/staff/readMembersAtRisk'

const date = (iso: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(new Date(iso))

/** The staff home's "Members at risk": active members with no visit in 30 days. */
export const MembersAtRiskWidget = async (props: WidgetServerProps) => {
  const { tenant } = widgetTenant(props, DESK_ROLES)
  if (!tenant) return null
  const { count, members } = await readMembersAtRisk(props.req, { tenant })
  return (
    <HomeCard title="Members at risk" testId="home-at-risk" figures={[{ label: 'no visit in 30 days', value: count }]}>
      {members.length === 0 ? (
        <HomeNote>Every member has visited in the last 30 days.</HomeNote>
      ) : (
        <ul>
          {members.map((member) => (
            <li key={member.id}>
              <a href={`/admin/collections/tenant-memberships/${member.id}`}>{member.name}</a>
              <span>{member.lastVisit ? `last visit ${date(member.lastVisit)}` : 'never visited'}</span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  )
}
