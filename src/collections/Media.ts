import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { or, tenantRole } from '@/core/access/builders'
import { MANAGER_ROLES, STAFF_ROLES } from '@/core/access/roles'
import { getEnv } from '@/core/env'
import { OperationError } from '@/core/http/OperationError'
import { tenantScoped } from '@/core/tenancy/tenantScoped'

const publicFiles = () => ({ visibility: { equals: 'public' } })

/** Uploaded images, video, audio and documents of a tenant; resized with sharp. */
export const Media: CollectionConfig = tenantScoped(
  {
    slug: 'media',
    trash: true,
    admin: { useAsTitle: 'title', defaultColumns: ['filename', 'title', 'kind', 'visibility'], group: 'Content' },
    access: {
      read: or(publicFiles, tenantRole(STAFF_ROLES)),
      create: tenantRole(STAFF_ROLES),
      update: tenantRole(STAFF_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    upload: {
      staticDir: path.join(getEnv().dataDir, 'media'),
      mimeTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
      imageSizes: [
        { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
        { name: 'card', width: 768, height: undefined },
      ],
      adminThumbnail: 'thumbnail',
      focalPoint: true,
    },
    indexes: [{ fields: ['tenant', 'owner', 'status'] }, { fields: ['tenant', 'owner', 'kind'] }],
    hooks: {
      // Each kind's own size limit, checked before the file is processed (the request itself is
      // limited to the largest of them while it streams to a temporary file).
      beforeOperation: [
        ({ operation, req }) => {
          if ((operation !== 'create' && operation !== 'update') || !req.file) return
          const video = String(req.file.mimetype ?? '').startsWith('video/')
          const limit = video ? getEnv().VIDEO_FILE_LIMIT : getEnv().UPLOAD_FILE_LIMIT
          if (req.file.size > limit)
            throw new OperationError(
              413,
              'file_too_large',
              `${video ? 'Videos' : 'Files other than video'} may be at most ${Math.round(limit / 1024 ** 2)} MB; this one is ${Math.ceil(req.file.size / 1024 ** 2)} MB.`,
            )
        },
      ],
      beforeChange: [
        ({ data, operation }) => {
          if (operation === 'create') {
            const mime = String(data.mimeType ?? '')
            data.kind ??= mime.startsWith('image/')
              ? 'image'
              : mime.startsWith('video/')
                ? 'video'
                : mime.startsWith('audio/')
                  ? 'audio'
                  : 'document'
            data.uploadedAt ??= new Date().toISOString()
          }
          return data
        },
      ],
    },
    fields: [
      { name: 'title', type: 'text' },
      { name: 'alt', type: 'text', admin: { description: 'Describe the image for people using screen readers.' } },
      { name: 'description', type: 'textarea' },
      { name: 'kind', type: 'select', options: ['image', 'video', 'audio', 'document'] },
      { name: 'tags', type: 'text', hasMany: true },
      { name: 'owner', type: 'relationship', relationTo: 'tenant-memberships' },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'ready',
        options: ['uploading', 'uploaded', 'transcoding', 'ready', 'failed'],
      },
      { name: 'visibility', type: 'select', defaultValue: 'public', options: ['public', 'private'], required: true },
      { name: 'durationSeconds', type: 'number', min: 0 },
      { name: 'streamId', type: 'text' },
      { name: 'hlsMasterPlaylistKey', type: 'text' },
      { name: 'uploadedAt', type: 'date', admin: { readOnly: true } },
    ],
  },
  { isolationFixture: () => ({ title: 'Grid file', alt: 'grid', visibility: 'private' }) },
)
