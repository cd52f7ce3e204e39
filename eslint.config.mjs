import nextPlugin from '@next/eslint-plugin-next'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { boundaries } from './eslint/boundaries.mjs'

/**
 * TypeScript's recommended rules, Next.js' core-web-vitals rules, React hooks and accessibility
 * checks, and Atrium's import boundaries (eslint/boundaries.mjs: plugins import @/core, their own
 * files and other plugins' contracts; the kernel imports no plugin and no app config; the site and
 * the seed use plugins through their contracts). Generated Payload files are left as generated.
 */
export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'test-results/**',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/migrations/**',
      'src/app/(payload)/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Payload admin and API routes are not Next pages; plain <a> is right there.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { atrium: boundaries },
    rules: { 'atrium/boundaries': 'error' },
  },
  {
    // React lives in .tsx files; elsewhere a `use…` name is not a hook.
    files: ['**/*.tsx'],
    rules: reactHooks.configs.recommended.rules,
  },
)
