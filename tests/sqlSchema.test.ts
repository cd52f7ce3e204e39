import { readdirSync } from 'node:fs'
import path from 'node:path'
import { buildConfig, type Field, type Payload, type Plugin } from 'payload'
import { describe, expect, it } from 'vitest'
import { assertSqlTables, declaredSqlTables, SqlSchemaError, sqlTablesOf, type SchemaSource } from '@/core'
import { atriumConfig } from '../payload.config'
import { bookingsTable } from '../plugins/bookings/operations/sql/bookingsTable'
import { bookingSettingsTable } from '../plugins/bookings/operations/sql/bookingSettingsTable'
import { commerceSqlTables } from '../plugins/commerce/operations/sql/commerceSqlTables'
import { orderPaymentsTable } from '../plugins/commerce/operations/sql/ordersTable'

const root = path.resolve(import.meta.dirname, '..')

/** Every module that declares raw-SQL tables: `sql/` folders of the plugins and the kernel's tables. */
const tableModules = (): string[] => {
  const found: string[] = [path.join(root, 'src/core/db/kernelTables.ts')]
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (path.basename(dir) === 'sql' && /Table\.ts$/.test(entry.name)) found.push(full)
    }
  }
  walk(path.join(root, 'plugins'))
  return found
}

/** The adapter's Drizzle schema for the app config plus `plugins`, built without a database. */
const schemaOf = async (plugins: Plugin[] = []): Promise<SchemaSource> => {
  const config = await buildConfig(atriumConfig(plugins))
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {} }
  const collections = Object.fromEntries(
    config.collections.map((collection) => [collection.slug, { config: collection }]),
  )
  const db = config.db.init({ payload: { config, collections, blocks: {}, logger: silent } as unknown as Payload })
  await db.init?.()
  return { db, config } as unknown as SchemaSource
}

/** A test plugin renaming the field at `fieldPath` (dot path through groups) of `slug` (and in its indexes). */
const renameField =
  (slug: string, fieldPath: string, to: string): Plugin =>
  (config) => {
    const rename = (fields: Field[], [head, ...rest]: string[]): Field[] =>
      fields.map((field) => {
        if (field.type === 'row' || field.type === 'collapsible')
          return { ...field, fields: rename(field.fields, [head, ...rest]) }
        if (!('name' in field) || field.name !== head) return field
        if (rest.length === 0) return { ...field, name: to } as Field
        return { ...field, fields: rename((field as { fields: Field[] }).fields, rest) } as Field
      })
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        collection.slug === slug
          ? {
              ...collection,
              fields: rename(collection.fields, fieldPath.split('.')),
              indexes: collection.indexes?.map((index) => ({
                ...index,
                fields: index.fields.map((name) => (name === fieldPath ? to : name)),
              })),
            }
          : collection,
      ),
    }
  }

describe('raw SQL tied to the schema', () => {
  it('every declared SQL table module resolves against the app config', async () => {
    const modules = tableModules()
    for (const file of modules) await import(file)
    const tables = declaredSqlTables()
    expect(tables.length).toBeGreaterThanOrEqual(modules.length)
    const schema = await schemaOf()
    expect(() => assertSqlTables(schema, tables)).not.toThrow()
    // Resolved names are the schema's: the booking status enum, a group column, a relationship column.
    const b = bookingsTable.resolve(schema)
    expect(b.$name).toBe('bookings')
    expect(b.$column.class).toBe('class_id')
    expect(bookingSettingsTable.resolve(schema).$column.lateCancelMinutes).toBe('bookings_late_cancel_minutes')
  })

  it("start-up checks the installed plugins' tables (commerce's too, orders.payment only with payments)", async () => {
    const schema = await schemaOf()
    const checked = sqlTablesOf(schema.config)
    for (const table of [...commerceSqlTables, orderPaymentsTable, bookingsTable]) expect(checked).toContain(table)
  })

  it('fails, naming the table and field, when a field raw SQL uses is renamed in a collection config', async () => {
    const schema = await schemaOf([renameField('bookings', 'status', 'state')])
    expect(() => bookingsTable.resolve(schema)).toThrow(SqlSchemaError)
    expect(() => bookingsTable.resolve(schema)).toThrow(/"bookings".*"status"/)
    expect(() => assertSqlTables(schema)).toThrow(/bookings.*status/)
  })

  it("fails when a group field of another collection is renamed (tenant-settings' bookings.lateCancelMinutes)", async () => {
    const schema = await schemaOf([renameField('tenant-settings', 'bookings.lateCancelMinutes', 'lateCancelMins')])
    expect(() => bookingSettingsTable.resolve(schema)).toThrow(/"tenant-settings".*"bookings\.lateCancelMinutes"/)
  })

  it('every declared table fails, naming itself, when a field its raw SQL uses is renamed', async () => {
    for (const file of tableModules()) await import(file)
    const app = await schemaOf()
    const checked: string[] = []
    const pinned: string[] = []
    for (const table of declaredSqlTables()) {
      const slug = table.ref.split('.')[0]
      const paths = fieldsToRename(app, table)
      if (paths.length) pinned.push(table.ref) // until one of its fields renames alone
      for (const path of paths) {
        // A field another part of the config points at (a join's `on`) cannot be renamed alone: try the next.
        const schema = await schemaOf([renameField(slug, path, `${path.split('.').pop()}Renamed`)]).catch(() => null)
        if (!schema) continue
        expect(() => table.resolve(schema), `${table.ref}: renaming ${path}`).toThrow(SqlSchemaError)
        expect(() => table.resolve(schema), `${table.ref}: renaming ${path}`).toThrow(`"${table.ref}"`)
        checked.push(table.ref)
        pinned.pop()
        break
      }
    }
    // Every plugin's tables are covered, not only the kernel's.
    for (const ref of [
      'orders',
      'orders.lines',
      'credit-lots',
      'coupons.appliesTo.kinds',
      'bookings',
      'appointment-services',
      'availability-rules',
      'payments',
      'payments.refunds',
      'membership-plans.prices',
      'integration-connections',
    ])
      expect(checked).toContain(ref)
    // Tables whose every field that raw SQL uses is also pointed at by another part of the config
    // (member-notes: `member`, which the membership's notes join names; `note` is its title).
    expect(pinned).toEqual(['member-notes'])
    const renameable = declaredSqlTables().filter((table) => fieldsToRename(app, table).length > 0)
    expect(checked).toEqual(renameable.map((table) => table.ref).filter((ref) => !pinned.includes(ref)))
  }, 300_000)
})

/** Fields resolution adds itself or that renaming would break the config rather than the SQL. */
const STRUCTURAL = new Set([
  'id',
  'tenant',
  'createdAt',
  'updatedAt',
  'deletedAt',
  '_parent',
  '_order',
  'parent',
  'value',
])

/**
 * The fields of `table` whose rename must fail its resolution: the field holding an array or
 * hasMany-select table, else the declared fields the collection defines itself (not its title
 * field). None for a `_rels` table (its columns are named after related collections), a `_texts`
 * table (every hasMany text field of the collection shares it) or one of
 * Payload's own collections (added while building: a plugin cannot rename their fields).
 */
const fieldsToRename = (schema: SchemaSource, table: { ref: string; fields: Record<string, string> }): string[] => {
  const [slug, ...path] = table.ref.split('.')
  if (path[0] === '_rels' || path[0] === '_texts' || slug.startsWith('payload-')) return []
  if (path.length > 0) return [path.join('.')]
  const title = schema.config.collections.find((c) => c.slug === slug)?.admin?.useAsTitle
  return Object.values(table.fields).filter((field) => !STRUCTURAL.has(field) && field !== title)
}
