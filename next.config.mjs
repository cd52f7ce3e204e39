import { realpathSync } from 'node:fs'
import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Turbopack compiles only files under its root. In a git worktree whose node_modules is a symlink
 * to another checkout's, the root must contain both; in a plain clone this is the project itself.
 */
const commonAncestor = (a, b) => {
  const [x, y] = [a.split(path.sep), b.split(path.sep)]
  let i = 0
  while (i < x.length && x[i] === y[i]) i++
  return x.slice(0, i).join(path.sep) || path.sep
}
const projectDir = path.dirname(new URL(import.meta.url).pathname)
const modulesDir = path.dirname(realpathSync(path.join(projectDir, 'node_modules')))

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Server actions (tenant site forms, Payload's admin server functions): Next counts the body
    // while reading it and answers 413 past this size. Same variable and default as src/core/env.ts.
    serverActions: { bodySizeLimit: process.env.JSON_BODY_LIMIT || '1mb' },
  },
  // The bundled ffmpeg binary is found next to its package at runtime: keep the package unbundled.
  serverExternalPackages: ['@ffmpeg-installer/ffmpeg'],
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  turbopack: { root: commonAncestor(projectDir, modulesDir) },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
