import type { WidgetServerProps } from 'payload'
import { isPlatformAdmin, type AccessUser } from '../../access/userTenants'
import { HomeCard, HomeNote } from './HomeCard'
import { readPlatformHealth } from './readPlatformHealth'

const ago = (iso: string | null) => {
  if (!iso) return null
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000)
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`
}

/** The platform admin's home: tenants, the jobs queue and the webhook backlog. */
export const PlatformHealthWidget = async (props: WidgetServerProps) => {
  if (!isPlatformAdmin(props.req.user as AccessUser)) return null
  const health = await readPlatformHealth(props.req)
  const tenantCount = Object.values(health.tenants).reduce((n, v) => n + v, 0)
  return (
    <HomeCard
      title="Platform health"
      testId="home-platform"
      figures={[
        { label: 'tenants', value: tenantCount },
        { label: 'jobs queued', value: health.jobs.queued },
        { label: 'jobs failed', value: health.jobs.failed },
        { label: 'webhooks waiting', value: health.webhooks.backlog },
      ]}
    >
      <ul>
        <li>
          <span>Tenants by status</span>
          <span>
            {Object.entries(health.tenants)
              .map(([status, n]) => `${n} ${status}`)
              .join(' · ') || 'none'}
          </span>
        </li>
        <li>
          <span>Jobs running</span>
          <span>
            {health.jobs.running}
            {health.jobs.oldestQueuedAt ? ` · oldest queued ${ago(health.jobs.oldestQueuedAt)} ago` : ''}
          </span>
        </li>
        <li>
          <span>Inbound webhooks failed</span>
          <span>
            {health.webhooks.failed}
            {health.webhooks.oldestBacklogAt ? ` · oldest waiting ${ago(health.webhooks.oldestBacklogAt)}` : ''}
          </span>
        </li>
      </ul>
      {health.jobs.failed > 0 ? <HomeNote>Failed jobs are not retried; look at them in the jobs log.</HomeNote> : null}
    </HomeCard>
  )
}
