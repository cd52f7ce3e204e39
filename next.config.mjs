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

/** lms_uploads: a size as src/core/env.ts reads it (1048576, 500kb, 25mb, 2gb) in bytes. */
const bytesOf = (value) => {
  const [, n = '0', unit = 'b'] = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim()) ?? []
  return Math.floor(Number(n) * ({ b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit.toLowerCase() || 'b'] ?? 1))
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Server actions (tenant site forms, Payload's admin server functions): Next counts the body
    // while reading it and answers 413 past this size. Same variable and default as src/core/env.ts.
    serverActions: { bodySizeLimit: process.env.JSON_BODY_LIMIT || '1mb' },
    // lms_uploads: the proxy passes on bodies up to this size (default 10 MB, cut beyond): the site's
    // assignment hand-in route takes a file of UPLOAD_FILE_LIMIT (25 MB by default) plus the form.
    proxyClientMaxBodySize: bytesOf(process.env.UPLOAD_FILE_LIMIT || '25mb') + 1024 ** 2,
    // end lms_uploads
  },
  // The bundled ffmpeg binary is found next to its package at runtime: keep the package unbundled.
  serverExternalPackages: ['@ffmpeg-installer/ffmpeg'],
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  turbopack: { root: commonAncestor(projectDir, modulesDir) },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
