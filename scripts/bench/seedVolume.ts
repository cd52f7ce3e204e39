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
  await db.query('ANALYZE')
}
