import type { WidgetServerProps } from 'payload'
import { DESK_ROLES } from '../../access/roles'
import { HomeCard, HomeNote } from './HomeCard'
import { readNewMembers } from './readNewMembers'
import { widgetTenant } from './widgetTenant'

const date = (iso: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(new Date(iso))

/** The staff home's "New members": sign-ups of the last 7 days. */
export const NewMembersWidget = async (props: WidgetServerProps) => {
  const { tenant } = widgetTenant(props, DESK_ROLES)
  if (!tenant) return null
  const { count, members } = await readNewMembers(props.req, { tenant })
  return (
    <HomeCard title="New members" testId="home-new-members" figures={[{ label: 'joined in 7 days', value: count }]}>
      {members.length === 0 ? (
        <HomeNote>No sign-ups this week.</HomeNote>
      ) : (
        <ul>
          {members.map((member) => (
            <li key={member.id}>
              <a href={`/admin/collections/tenant-memberships/${member.id}`}>{member.name}</a>
              <span>
                {date(member.joinedAt)}
                {member.status !== 'active' ? ` · ${member.status}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  )
}
