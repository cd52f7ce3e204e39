import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Server actions (tenant site forms, Payload's admin server functions): Next counts the body
    // while reading it and answers 413 past this size. Same variable and default as src/core/env.ts.
    serverActions: { bodySizeLimit: process.env.JSON_BODY_LIMIT || '1mb' },
  },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
