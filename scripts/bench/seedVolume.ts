/**
 * Realistic volume for `npm run bench`, written straight in SQL (minutes of Local API calls
 * otherwise): `tenants` businesses in four time zones, two locations each, instructors and
 * members, a year of classes (half past and completed with attended bookings, half ahead).
 * Every bench user shares one password hash made by Payload, so they can log in for real.
 */
import type pg from 'pg'

export type VolumeOptions = {
  tenants: number
  membersPerTenant: number
  hotTenantMembers: number
  days: number
  classesPerLocationPerDay: number
}

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'America/Los_Angeles']

export const seedVolume = async (db: pg.Pool, opts: VolumeOptions, password: { salt: string; hash: string }) => {
  const half = Math.floor(opts.days / 2)
  const step = async (label: string, text: string, values: unknown[] = []) => {
    const t0 = Date.now()
    const res = await db.query(text, values)
    console.log(`  seed: ${label} (${res.rowCount ?? 0} rows, ${((Date.now() - t0) / 1000).toFixed(1)}s)`)
  }
  await step(
    'tenants',
    `INSERT INTO tenants (name, slug, status, currency, timezone)
     SELECT 'Bench Studio ' || g, 'bench-' || lpad(g::text, 3, '0'), 'active', 'USD', ($2::text[])[1 + (g % 4)]
     FROM generate_series(1, $1::int) g`,
    [opts.tenants, ZONES],
  )
  await step(
    'locations',
    `INSERT INTO locations (tenant_id, name, slug, timezone, address_city)
     SELECT t.id, 'Room ' || l, 'room-' || l, t.timezone, 'Bench City' FROM tenants t, generate_series(1, 2) l WHERE t.slug LIKE 'bench-%'`,
  )
  // Members: bench-001 (the hot tenant) gets more, so 200 distinct members can race for one class.
  await step(
    'users',
    `INSERT INTO users (email, name, salt, hash)
     SELECT 'm' || g || '@' || t.slug || '.bench', 'Member ' || g, $3, $4
     FROM tenants t, generate_series(1, greatest($1::int, $2::int)) g
     WHERE t.slug LIKE 'bench-%' AND (g <= $1::int OR t.slug = 'bench-001')`,
    [opts.membersPerTenant, opts.hotTenantMembers, password.salt, password.hash],
  )
  await step(
    'memberships',
    `INSERT INTO tenant_memberships (tenant_id, user_id, status, profile_display_name, joined_at)
     SELECT t.id, u.id, 'active', u.name, now() FROM users u JOIN tenants t ON u.email LIKE '%@' || t.slug || '.bench'`,
  )
  await step(
    'users.tenants mirror',
    `INSERT INTO users_tenants (_order, _parent_id, id, tenant_id)
     SELECT 1, m.user_id, md5(m.id::text), m.tenant_id FROM tenant_memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug LIKE 'bench-%'`,
  )
  await step(
    'instructor roles',
    `INSERT INTO tenant_memberships_roles ("order", parent_id, value)
     SELECT 1, m.id, 'instructor' FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE u.email ~ '^m[1-3]@bench-'`,
  )
  await step(
    'classes (a year)',
    `INSERT INTO classes (tenant_id, title, location_id, instructor_id, start_time, duration_minutes, end_time, timezone, status,
                          capacity, waitlist_capacity, booked_count, waitlist_count)
     SELECT l.tenant_id, 'Flow ' || s, l.id, i.id, st, 60, st + interval '60 minutes', l.timezone,
            CASE WHEN st < now() THEN 'completed' ELSE 'scheduled' END::enum_classes_status, 20, 10, 0, 0
     FROM locations l
     JOIN tenants t ON t.id = l.tenant_id AND t.slug LIKE 'bench-%'
     JOIN LATERAL (SELECT m.id FROM tenant_memberships m JOIN users u ON u.id = m.user_id
                   WHERE m.tenant_id = l.tenant_id AND u.email LIKE 'm1@%' LIMIT 1) i ON true
     CROSS JOIN generate_series(-$1::int, $2::int - $1::int - 1) d
     CROSS JOIN generate_series(1, $3::int) s
     CROSS JOIN LATERAL (SELECT ((date_trunc('day', now() AT TIME ZONE l.timezone) + d * interval '1 day'
                                  + make_interval(hours => 6 + s * 3 + (l.slug = 'room-2')::int)) AT TIME ZONE l.timezone) AS st) x`,
    [half, opts.days, opts.classesPerLocationPerDay],
  )
  await step(
    'bookings of past classes (8 each, attended)',
    `WITH numbered AS (SELECT id, tenant_id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS rn FROM tenant_memberships)
     INSERT INTO bookings (tenant_id, class_id, member_id, start_time, status, payment_method, source, checked_in_at)
     SELECT c.tenant_id, c.id, n.id, c.start_time, 'checked_in', 'free', 'member', c.start_time
     FROM classes c
     JOIN numbered n ON n.tenant_id = c.tenant_id AND n.rn BETWEEN 4 + abs(hashtext(c.id::text)) % 30 AND 11 + abs(hashtext(c.id::text)) % 30
     WHERE c.status = 'completed' AND c.title LIKE 'Flow %'`,
  )
  await step(
    'past class counters',
    `UPDATE classes c SET booked_count = 8 WHERE c.status = 'completed' AND c.title LIKE 'Flow %'`,
  )
  // What the staff home reads (issue 13): a plan per tenant, a subscription per member (3 % past
  // due), a payment per member and week over the past half year (2 % failed, some refunded),
  // and a spread of join dates so "new members" and "members at risk" have something to find.
  await step(
    'membership plans',
    `INSERT INTO membership_plans (tenant_id, name) SELECT t.id, 'Unlimited' FROM tenants t WHERE t.slug LIKE 'bench-%'`,
  )
  await step(
    'subscriptions (3 % past due)',
    `INSERT INTO subscriptions (tenant_id, member_id, plan_id, price_key, status, provider)
     SELECT m.tenant_id, m.id, p.id, 'monthly', CASE WHEN abs(hashtext(m.id::text)) % 100 < 3 THEN 'past_due' ELSE 'active' END::enum_subscriptions_status, 'manual'
     FROM tenant_memberships m JOIN membership_plans p ON p.tenant_id = m.tenant_id`,
  )
  await step(
    'payments (weekly, half a year, 2 % failed)',
    `INSERT INTO payments (tenant_id, member_id, purpose, provider, amount_amount, amount_currency, amount_refunded, status, created_at, updated_at)
     SELECT m.tenant_id, m.id, 'subscription', 'manual', 4900, 'USD',
            CASE WHEN x.h < 1 THEN 4900 ELSE 0 END,
            CASE WHEN x.h < 2 THEN 'failed' WHEN x.h < 3 THEN 'refunded' ELSE 'succeeded' END::enum_payments_status, x.at, x.at
     FROM tenant_memberships m
     CROSS JOIN generate_series(0, $1::int / 7) w
     CROSS JOIN LATERAL (SELECT abs(hashtext(m.id::text || w)) % 100 AS h,
                                now() - w * interval '7 days' - (abs(hashtext(m.id::text)) % 10080) * interval '1 minute' AS at) x`,
    [half],
  )
  await step(
    'join dates (spread over two years)',
    `UPDATE tenant_memberships SET joined_at = now() - (abs(hashtext(id::text)) % 730) * interval '1 day'`,
  )
  await step(
    'member roles',
    `INSERT INTO tenant_memberships_roles ("order", parent_id, value)
     SELECT 1, m.id, 'member' FROM tenant_memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug LIKE 'bench-%'
       AND NOT EXISTS (SELECT 1 FROM tenant_memberships_roles r WHERE r.parent_id = m.id)`,
  )
  await db.query('ANALYZE')
}
