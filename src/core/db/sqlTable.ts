import { sql } from '@payloadcms/db-postgres'
import { getTableColumns, getTableName, type Table } from 'drizzle-orm'
import type { Config, Field, Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'
import type { SQL } from './sqlFor'

/**
 * Raw SQL takes its names from the adapter's Drizzle schema, never from hand-typed strings.
 *
 * A plugin declares each table its raw SQL touches once, with the Payload fields it uses:
 *
 *     export const bookingsTable = defineSqlTable('bookings', { status: 'status', class: 'class' }, { enums: ['status'] })
 *
 * and a statement interpolates the resolved names (quoted identifiers):
 *
 *     const b = bookingsTable(req)
 *     sql`UPDATE ${b} SET ${b.status} = ${'cancelled'}::${b.$enum.status} WHERE ${b.class} = ${id}`
 *
 * Table refs: a collection or global slug (`'bookings'`); `'<slug>._rels'` for its relationships
 * table; `'<slug>._texts'` for the values of its hasMany text fields (`parent`, `path`, `text`); `'<slug>.<field path>'` for the table of an array (or hasMany select) field, e.g.
 * `'orders.lines'`. Field paths are Payload's (`'bookings.lateCancelMinutes'` inside a group,
 * `'class'` for a relationship, whose column is `class_id`); in a `_rels` table a related
 * collection's slug names its id column (`'tenant-memberships'` → `tenant_memberships_id`), and
 * `'_parent'`/`'_order'` name an array table's parent and order columns.
 *
 * Names are resolved once per database adapter (a WeakMap get per use afterwards), so the SQL text
 * of a statement is the same on every call (named prepared statements keep working). A declared
 * table or field the schema does not have throws a `SqlSchemaError` naming both, at start-up
 * (`assertSqlTables` in onInit) or, for a module first loaded later, at first use.
 */

type Fields = Record<string, string>

export type ResolvedSqlTable<F extends Fields, E extends keyof F> = { readonly [K in keyof F]: SQL } & {
  /** The table's quoted name (also what the object itself renders as inside `sql`). */
  readonly $table: SQL
  /** The table's name, unquoted. */
  readonly $name: string
  /** The declared fields' column names, unquoted. */
  readonly $column: { readonly [K in keyof F]: string }
  /** The quoted enum type of each field declared in `enums` (for casts: `${value}::${t.$enum.status}`). */
  readonly $enum: { readonly [K in E]: SQL }
  getSQL(): SQL
  /** Drizzle renders a wrapper in parentheses unless told otherwise: a table name must not be. */
  shouldOmitSQLParens(): boolean
}

export type SqlTableDef<F extends Fields, E extends keyof F> = {
  (from: { payload: SchemaSource } | SchemaSource): ResolvedSqlTable<F, E>
  readonly ref: string
  readonly fields: F
  readonly enums: readonly E[]
  /** Resolves against a schema (throws `SqlSchemaError` when a declared name is missing). */
  resolve(source: SchemaSource): ResolvedSqlTable<F, E>
}

/** What resolution reads: the adapter's Drizzle schema and the Payload config (for array tables). */
export type SchemaSource = Pick<Payload, 'db' | 'config'>

type DrizzleSchema = {
  tables: Record<string, Table>
  tableNameMap: Map<string, string>
}

export class SqlSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SqlSchemaError'
  }
}

const registry = new Set<SqlTableDef<Fields, string>>()

/** Every table declared so far (each module registers its tables when first imported). */
export const declaredSqlTables = (): ReadonlyArray<SqlTableDef<Fields, string>> => [...registry]

const toSnake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase()

const identifier = (name: string): SQL => sql`${sql.identifier(name)}`

type NamedField = Field & { name: string; dbName?: unknown; hasMany?: boolean }

/** The field at `name` among `fields`, looking through rows, collapsibles and unnamed tabs. */
const findField = (fields: Field[], name: string): NamedField | undefined => {
  for (const field of fields) {
    if ('name' in field && field.name === name) return field as NamedField
    if (field.type === 'row' || field.type === 'collapsible') {
      const found = findField(field.fields, name)
      if (found) return found
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.name === name) return { ...tab, type: 'group' } as unknown as NamedField
        } else {
          const found = findField(tab.fields, name)
          if (found) return found
        }
      }
    }
  }
  return undefined
}

/** The table of `ref` (see the module comment), or a `SqlSchemaError` saying what is missing. */
const tableOf = (source: SchemaSource, schema: DrizzleSchema, ref: string): Table => {
  const [slug, ...path] = ref.split('.')
  const entity =
    source.config.collections.find((c) => c.slug === slug) ?? source.config.globals.find((g) => g.slug === slug)
  const base = schema.tableNameMap.get(toSnake(slug))
  if (!entity || !base || !schema.tables[base])
    throw new SqlSchemaError(`Raw SQL table "${ref}": no collection or global "${slug}" in the config.`)
  let name = base
  if (path.length === 1 && (path[0] === '_rels' || path[0] === '_texts')) name = `${base}${path[0]}`
  else if (path.length > 0) {
    let fields = entity.fields
    for (const [index, segment] of path.entries()) {
      const field = findField(fields, segment)
      if (!field)
        throw new SqlSchemaError(
          `Raw SQL table "${ref}": "${slug}" has no field "${path.slice(0, index + 1).join('.')}".`,
        )
      const last = index === path.length - 1
      if (last && field.type !== 'array' && !(field.type === 'select' && field.hasMany))
        throw new SqlSchemaError(`Raw SQL table "${ref}": "${path.join('.')}" is not an array or hasMany select field.`)
      name = `${name}_${typeof field.dbName === 'string' ? field.dbName : toSnake(segment)}`
      if (!last) fields = (field as { fields?: Field[] }).fields ?? []
    }
  }
  const table = schema.tables[name]
  if (!table) throw new SqlSchemaError(`Raw SQL table "${ref}": the schema has no table "${name}".`)
  return table
}

const resolveTable = <F extends Fields, E extends keyof F>(
  source: SchemaSource,
  ref: string,
  fields: F,
  enums: readonly E[],
): ResolvedSqlTable<F, E> => {
  const schema: DrizzleSchema = postgresAdapterOf(source)
  const table = tableOf(source, schema, ref)
  const tableName = getTableName(table)
  const columns = getTableColumns(table) as Record<string, { name: string; enum?: { enumName: string } }>
  const resolved: Record<string, unknown> = {}
  const names: Record<string, string> = {}
  const enumTypes: Record<string, SQL> = {}
  for (const [alias, path] of Object.entries(fields)) {
    const key = path.replaceAll('.', '_')
    const column = columns[key] ?? columns[`${key}ID`]
    if (!column)
      throw new SqlSchemaError(
        `Raw SQL table "${ref}" (${tableName}): no column for field "${path}". Was the field renamed or removed in the collection config?`,
      )
    names[alias] = column.name
    resolved[alias] = identifier(column.name)
  }
  for (const alias of enums) {
    const column = columns[fields[alias].replaceAll('.', '_')]
    if (!column?.enum)
      throw new SqlSchemaError(
        `Raw SQL table "${ref}" (${tableName}): field "${fields[alias]}" is not a select (enum) field.`,
      )
    enumTypes[alias as string] = identifier(column.enum.enumName)
  }
  const tableSql = identifier(tableName)
  return Object.freeze({
    ...resolved,
    $table: tableSql,
    $name: tableName,
    $column: Object.freeze(names),
    $enum: Object.freeze(enumTypes),
    getSQL: () => tableSql,
    shouldOmitSQLParens: () => true,
  }) as unknown as ResolvedSqlTable<F, E>
}

/** Declares a table raw SQL uses, with the Payload fields it reads or writes (see the module comment). */
export const defineSqlTable = <const F extends Fields, const E extends keyof F & string = never>(
  ref: string,
  fields: F,
  options: { enums?: readonly E[] } = {},
): SqlTableDef<F, E> => {
  const enums = options.enums ?? []
  const cache = new WeakMap<object, ResolvedSqlTable<F, E>>()
  const resolve = (source: SchemaSource) => {
    let resolved = cache.get(source.db)
    if (!resolved) cache.set(source.db, (resolved = resolveTable(source, ref, fields, enums)))
    return resolved
  }
  const def = Object.assign(
    (from: { payload: SchemaSource } | SchemaSource) => {
      const source = 'payload' in from ? from.payload : from
      return cache.get(source.db) ?? resolve(source)
    },
    { ref, fields, enums, resolve },
  ) as SqlTableDef<F, E>
  registry.add(def as unknown as SqlTableDef<Fields, string>)
  return def
}

/** What start-up needs of a declared table: resolving it. */
export type CheckedSqlTable = { readonly ref: string; resolve(source: SchemaSource): unknown }

/**
 * Registers the tables a plugin's raw SQL uses (call it in the plugin), so start-up checks them
 * exactly when the plugin is installed: a removed plugin's tables are not expected in the schema.
 */
export const withSqlTables = (config: Config, tables: ReadonlyArray<CheckedSqlTable>): Config => ({
  ...config,
  custom: { ...config.custom, sqlTables: [...sqlTablesOf(config), ...tables] },
})

/** The tables the installed plugins registered with `withSqlTables`. */
export const sqlTablesOf = (config: Pick<Config, 'custom'>): CheckedSqlTable[] =>
  (config.custom?.sqlTables as CheckedSqlTable[] | undefined) ?? []

/**
 * Resolves tables (by default every declared one) against `payload`'s schema; throws one
 * `SqlSchemaError` listing every missing table and field. onInit runs it on the kernel's tables
 * and the installed plugins', so a renamed field stops start-up.
 */
export const assertSqlTables = (
  source: SchemaSource,
  tables: ReadonlyArray<CheckedSqlTable> = declaredSqlTables(),
): void => {
  const problems: string[] = []
  for (const table of tables) {
    try {
      table.resolve(source)
    } catch (error) {
      if (!(error instanceof SqlSchemaError)) throw error
      problems.push(error.message)
    }
  }
  if (problems.length > 0) throw new SqlSchemaError(problems.join('\n'))
}

/**
 * A fixed SQL fragment built from resolved tables (a column list, a join), built once per schema:
 * `const bookingColumns = sqlFragment((b: typeof resolvedBookings) => sql`...`)`, then
 * `bookingColumns(bookingsTable(req))`.
 */
export const sqlFragment = <T extends object>(build: (table: T) => SQL): ((table: T) => SQL) => {
  const cache = new WeakMap<T, SQL>()
  return (table) => {
    let fragment = cache.get(table)
    if (!fragment) cache.set(table, (fragment = build(table)))
    return fragment
  }
}
