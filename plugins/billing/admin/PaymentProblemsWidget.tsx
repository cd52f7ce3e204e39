import type { WidgetServerProps } from 'payload'
import { DESK_ROLES, formatMoney } from '@/core'
import { HomeCard, HomeNote } from '@/core/admin/home/HomeCard'
import { widgetTenant } from '@/core/admin/home/widgetTenant'
import { readPaymentProblems } from '../operations/readPaymentProblems'

const date = (iso: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(new Date(iso))

/** The staff home's "Payments to chase": failed payments (30 days) and past-due subscriptions. */
export const PaymentProblemsWidget = async (props: WidgetServerProps) => {
  const { tenant } = widgetTenant(props, DESK_ROLES)
  if (!tenant) return null
  const { failed, pastDue } = await readPaymentProblems(props.req, { tenant })
  return (
    <HomeCard
      title="Payments to chase"
      testId="home-payment-problems"
      figures={[
        { label: 'failed payments (30 days)', value: failed.count },
        { label: 'past-due subscriptions', value: pastDue.count },
      ]}
    >
      {failed.count + pastDue.count === 0 ? (
        <HomeNote>No failed payments and nothing past due.</HomeNote>
      ) : (
        <ul>
          {failed.items.map((item) => (
            <li key={item.id}>
              <a href={`/admin/collections/payments/${item.id}`}>{item.who}</a>
              <span>
                {formatMoney(item.amount)} failed {date(item.at)}
                {item.reason ? ` · ${item.reason}` : ''}
              </span>
            </li>
          ))}
          {pastDue.items.map((item) => (
            <li key={item.id}>
              <a href={`/admin/collections/subscriptions/${item.id}`}>{item.who}</a>
              <span>
                {item.plan ?? 'Subscription'} past due since {date(item.since)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  )
}
