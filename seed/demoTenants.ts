import type { Role } from '../src/core/access/roles'

export const DEMO_PASSWORD = 'atrium-demo'

type DemoPerson = { key: string; name: string; roles: Role[] }
export type DemoTenant = {
  slug: string
  name: string
  source: string
  timezone: string
  currency: string
  primaryColor: string
  heroTitle: string
  /** Titles of the demo class series: [morning, evening] (distinct across tenants). */
  classTitles: [string, string]
  locations: { slug: string; name: string; timezone: string; city: string; region: string; country: string }[]
  people: DemoPerson[]
}

const staff = (instructorRole: Role, instructorName: string): DemoPerson[] => [
  { key: 'owner', name: 'Olivia Owner', roles: ['owner'] },
  { key: 'frontdesk', name: 'Frank Desk', roles: ['front_desk'] },
  { key: 'instructor', name: instructorName, roles: [instructorRole] },
  { key: 'member1', name: 'Maya Member', roles: ['member'] },
  { key: 'member2', name: 'Noah Member', roles: ['member'] },
  { key: 'member3', name: 'Iris Member', roles: ['member'] },
]

/** One demo tenant for each seed system (000, 002, 003, 004). */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'sunrise-yoga',
    name: 'Sunrise Yoga & Fitness',
    source: '000 multi-tenant studio platform',
    timezone: 'America/New_York',
    currency: 'USD',
    primaryColor: '#d9480f',
    heroTitle: 'Move, breathe, belong.',
    classTitles: ['Vinyasa Flow', 'Power Yoga'],
    locations: [
      {
        slug: 'downtown',
        name: 'Downtown Studio',
        timezone: 'America/New_York',
        city: 'Brooklyn',
        region: 'NY',
        country: 'US',
      },
      {
        slug: 'riverside',
        name: 'Riverside Loft',
        timezone: 'America/New_York',
        city: 'Hoboken',
        region: 'NJ',
        country: 'US',
      },
    ],
    people: staff('instructor', 'Ines Instructor'),
  },
  {
    slug: 'fairway-club',
    name: 'Fairway Golf & Wellness Club',
    source: '002 golf and wellness club',
    timezone: 'America/Chicago',
    currency: 'USD',
    primaryColor: '#2b8a3e',
    heroTitle: 'Play all year on Trackman bays.',
    classTitles: ['Swing Clinic', 'Short Game Lab'],
    locations: [
      {
        slug: 'clubhouse',
        name: 'Clubhouse',
        timezone: 'America/Chicago',
        city: 'Austin',
        region: 'TX',
        country: 'US',
      },
    ],
    people: staff('instructor', 'Gary Golf Pro'),
  },
  {
    slug: 'peak-coaching',
    name: 'Peak Performance Coaching',
    source: '003 coaching business',
    timezone: 'Europe/London',
    currency: 'GBP',
    primaryColor: '#1864ab',
    heroTitle: 'Coaching that fits your life.',
    classTitles: ['Group Coaching Circle', 'Mindset Workshop'],
    locations: [
      {
        slug: 'online',
        name: 'Online & London Studio',
        timezone: 'Europe/London',
        city: 'London',
        region: 'LDN',
        country: 'GB',
      },
    ],
    people: staff('coach', 'Chloe Coach'),
  },
  {
    slug: 'lumen-creator',
    name: 'Lumen Movement (creator)',
    source: '004 creator media platform',
    timezone: 'America/Los_Angeles',
    currency: 'USD',
    primaryColor: '#862e9c',
    heroTitle: 'Classes on demand, live sessions every week.',
    classTitles: ['Live Mobility Session', 'Live Core Burn'],
    locations: [
      {
        slug: 'studio',
        name: 'Recording Studio',
        timezone: 'America/Los_Angeles',
        city: 'Los Angeles',
        region: 'CA',
        country: 'US',
      },
    ],
    people: staff('creator', 'Leo Creator'),
  },
]

export const demoEmail = (tenantSlug: string, key: string) => `${key}@${tenantSlug}.demo`
export const PLATFORM_ADMIN_EMAIL = 'admin@atrium.demo'
