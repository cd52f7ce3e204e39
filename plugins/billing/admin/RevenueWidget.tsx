import type { WidgetServerProps } from 'payload'
import { formatMoney, MANAGER_ROLES } from '@/core'
import { HomeCard } from '@/core/admin/home/HomeCard'
import { widgetTenant } from '@/core/admin/home/widgetTenant'
import { readRevenue } from '../operations/readRevenue'

/** The staff home's "Revenue": money taken today and this week, net of refunds (owners and managers). */
export const RevenueWidget = async (props: WidgetServerProps) => {
  const { tenant } = widgetTenant(props, MANAGER_ROLES)
  if (!tenant) return null
  const revenue = await readRevenue(props.req, { tenant })
  return (
    <HomeCard
      title="Revenue"
      testId="home-revenue"
      figures={[
        { label: `today · ${revenue.paymentsToday} payments`, value: formatMoney(revenue.today) },
        { label: `this week · ${revenue.paymentsThisWeek} payments`, value: formatMoney(revenue.week) },
      ]}
    >
      <a href="/admin/collections/payments?sort=-createdAt">All payments</a>
    </HomeCard>
  )
}
