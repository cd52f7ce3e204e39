/** `npm run seed`: demo tenants and logins (idempotent). With --if-empty it does nothing once any tenant exists. */
import { pathToFileURL } from 'node:url'
import type { Payload } from 'payload'
import { seedDemo } from '../seed/seedDemo'
import { ensureDatabase } from './ensureDatabase'
import { withPayload } from './migrate'

export const seedDatabase = async (payload: Payload, { ifEmpty = false } = {}) => {
  const { totalDocs } = await payload.count({ collection: 'tenants' })
  if (ifEmpty && totalDocs > 0) return console.log('Demo data already present.')
  const { created } = await seedDemo(payload)
  console.log(created ? `Seeded ${created} demo records.` : 'Demo data already complete.')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const db = await ensureDatabase()
  try {
    await withPayload((payload) => seedDatabase(payload, { ifEmpty: process.argv.includes('--if-empty') }))
  } finally {
    await db?.stop()
  }
  process.exit(0)
}
