import path from 'node:path'

/**
 * `atrium/boundaries`: who may import whom (ARCHITECTURE.md, rule 1; plugins/README.md).
 *
 * - A file in `plugins/<p>/` imports `@/core` (and `@/core/*`), its own plugin's files, and other
 *   plugins' `contract.ts` only: no other plugin's internals, no app config (`@payload-config`,
 *   payload.config.ts), no core collections, site, seed or tests.
 * - A file in `src/core/` (the kernel) imports only the kernel: no plugin, no app config, no
 *   `@/collections`, `@/plugins` or `@/app`.
 * - The site (`src/app/(site)/`) and the seed (`seed/`) use plugins through their contracts only.
 *
 * Every import form is checked (`import`, `export … from`, `import()`, `import type`), and relative
 * specifiers are resolved against the importing file, so `../../billing/operations/x` is caught like
 * `@plugins/billing/operations/x`. Package imports (`payload`, `zod`, …) are not this rule's concern.
 * The generated `src/payload-types.ts` may be imported from anywhere. Tests get no allowance.
 */

const root = path.resolve(import.meta.dirname, '..')

/** Repo-relative POSIX path of what `specifier` names, without extension; null for a package. */
const resolveTarget = (specifier, fromFile) => {
  let absolute
  if (specifier === '@payload-config') absolute = path.join(root, 'payload.config')
  else if (specifier === '@/core' || specifier.startsWith('@/core/'))
    absolute = path.join(root, 'src', specifier.slice(2))
  else if (specifier.startsWith('@/')) absolute = path.join(root, 'src', specifier.slice(2))
  else if (specifier === '@plugins' || specifier.startsWith('@plugins/'))
    absolute = path.join(root, 'plugins', specifier.slice('@plugins/'.length))
  else if (specifier.startsWith('.')) absolute = path.resolve(path.dirname(fromFile), specifier)
  else return null
  return path
    .relative(root, absolute)
    .split(path.sep)
    .join('/')
    .replace(/\.(ts|tsx|mts|mjs|js|jsx)$/, '')
    .replace(/\/index$/, '')
}

const under = (target, folder) => target === folder || target.startsWith(`${folder}/`)
const pluginOf = (target) => (under(target, 'plugins') ? (target.split('/')[1] ?? '') : null)
const isContract = (target) => /^plugins\/[^/]+\/contract$/.test(target)
const isGeneratedTypes = (target) => target === 'src/payload-types'

/** Which boundary the importing file sits in, or null when it is free to import the app. */
const zoneOf = (file) => {
  if (under(file, 'plugins')) {
    const plugin = file.split('/')[1]
    return plugin && file.split('/').length > 2 ? { kind: 'plugin', plugin } : null
  }
  if (under(file, 'src/core')) return { kind: 'core' }
  if (under(file, 'src/app/(site)')) return { kind: 'site' }
  if (under(file, 'seed')) return { kind: 'seed' }
  return null
}

/** Why `target` may not be imported from `zone`, or null when it may. */
const violation = (zone, target) => {
  if (target.startsWith('..') || isGeneratedTypes(target)) return null
  const plugin = pluginOf(target)
  if (zone.kind === 'plugin') {
    if (plugin === zone.plugin || under(target, 'src/core') || isContract(target)) return null
    if (plugin)
      return `plugin "${zone.plugin}" may import another plugin only through its contract (@plugins/${plugin}/contract), not ${target}`
    return `plugin "${zone.plugin}" may import @/core, its own files and other plugins' contracts only, not ${target}`
  }
  if (zone.kind === 'core') {
    if (under(target, 'src/core')) return null
    return `the kernel (src/core) imports no plugin, no app config and nothing of the app: not ${target}`
  }
  if (plugin && !isContract(target))
    return `the ${zone.kind === 'site' ? 'site' : 'seed'} may import a plugin only through its contract (@plugins/${plugin}/contract), not ${target}`
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Plugins, the kernel, the site and the seed import only across their allowed boundaries.' },
    messages: { crossed: 'Boundary crossed: {{why}} (import "{{specifier}}").' },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/')
    const zone = zoneOf(file)
    if (!zone) return {}
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return
      const target = resolveTarget(source.value, context.filename)
      if (target === null) return
      const why = violation(zone, target)
      if (why) context.report({ node, messageId: 'crossed', data: { why, specifier: source.value } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    }
  },
}

export const boundaries = { rules: { boundaries: rule } }
