/**
 * Counts the casts that switch type checking off (`as never`, `as unknown as`, `as any`) in the
 * app's own code: every .ts/.tsx file except tests (`*.test.ts(x)`, `tests/`), test helpers
 * (`testing/` folders, `*TestKit.ts`), generated files (`payload-types.ts`, migrations) and
 * dependencies (and this file, which names them). `npx tsx scripts/countCasts.ts` prints the counts and where they are;
 * tests/castBudget.test.ts fails when a count exceeds the budget in tests/castBudget.json.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const CASTS = {
  'as never': /\bas\s+never\b/g,
  'as unknown as': /\bas\s+unknown\s+as\b/g,
  'as any': /\bas\s+any\b/g,
} as const

export type Cast = keyof typeof CASTS
export type CastCounts = Record<Cast, number>

const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.next',
  '.data',
  'test-results',
  'tests',
  'testing',
  'migrations',
])
const counted = (name: string) =>
  /\.tsx?$/.test(name) &&
  !/\.test\.tsx?$/.test(name) &&
  !name.endsWith('.d.ts') &&
  !/TestKit\.tsx?$/.test(name) &&
  name !== 'payload-types.ts' &&
  name !== 'countCasts.ts'

const sourceFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(full)
      return entry.isFile() && counted(entry.name) ? [full] : []
    }),
  )
  return nested.flat()
}

const zero = (): CastCounts => ({ 'as never': 0, 'as unknown as': 0, 'as any': 0 })

/** Totals over the repository at `root`, and the counts of each file that has any (paths relative to `root`). */
export const countCasts = async (root: string): Promise<{ totals: CastCounts; files: Record<string, CastCounts> }> => {
  const totals = zero()
  const files: Record<string, CastCounts> = {}
  for (const file of (await sourceFiles(root)).sort()) {
    const text = await readFile(file, 'utf8')
    const counts = zero()
    for (const cast of Object.keys(CASTS) as Cast[]) counts[cast] = text.match(CASTS[cast])?.length ?? 0
    if (Object.values(counts).some(Boolean)) {
      files[path.relative(root, file).split(path.sep).join('/')] = counts
      for (const cast of Object.keys(CASTS) as Cast[]) totals[cast] += counts[cast]
    }
  }
  return { totals, files }
}

/** One line per cast kind: its total and the files that have it. */
export const describeCasts = ({ totals, files }: Awaited<ReturnType<typeof countCasts>>): string =>
  (Object.keys(CASTS) as Cast[])
    .map((cast) => {
      const where = Object.entries(files)
        .filter(([, counts]) => counts[cast] > 0)
        .map(([file, counts]) => `    ${file}: ${counts[cast]}`)
      return [`${cast}: ${totals[cast]}`, ...where].join('\n')
    })
    .join('\n')

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeCasts(await countCasts(path.resolve(import.meta.dirname, '..'))))
}
