/** `npm run seed`: demo tenants and logins (idempotent). With --if-empty it does nothing once any tenant exists. */
import config from '@payload-config'
import { getPayload } from 'payload'
import { seedDemo } from '../seed/seedDemo'
import { ensureDatabase } from './ensureDatabase'

const db = await ensureDatabase()
const payload = await getPayload({ config, cron: false })
try {
  const { totalDocs } = await payload.count({ collection: 'tenants' })
  if (process.argv.includes('--if-empty') && totalDocs > 0) {
    console.log('Demo data already present.')
  } else {
    const { created } = await seedDemo(payload)
    console.log(created ? `Seeded ${created} demo records.` : 'Demo data already complete.')
  }
} finally {
  await payload.destroy()
  await db?.stop()
}
process.exit(0)
