import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { or, tenantRole } from '@/core/access/builders'
import { MANAGER_ROLES, STAFF_ROLES } from '@/core/access/roles'
import { getEnv } from '@/core/env'
import { OperationError } from '@/core/http/OperationError'
import { queueHlsRemoval } from '@/core/media/queueHlsRemoval'
import { queueTranscode } from '@/core/media/queueTranscode'
import { videoUploadStatus } from '@/core/media/videoUploadStatus'
import { tenantScoped } from '@/core/tenancy/tenantScoped'
import { mediaHlsEndpoint } from './endpoints/mediaHlsEndpoint'

const publicFiles = () => ({ visibility: { equals: 'public' } })

/**
 * Uploaded images, video, audio and documents of a tenant; images resized with sharp, videos
 * transcoded to HLS by the `transcodeMedia` job and streamed with a signed token (docs/kernel.md#video).
 * Built when the config is (its folder is under DATA_DIR).
 */
export const Media = (): CollectionConfig =>
  tenantScoped(
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
      endpoints: [mediaHlsEndpoint],
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
          videoUploadStatus,
        ],
        afterChange: [queueTranscode],
        afterDelete: [queueHlsRemoval],
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
          admin: { readOnly: true, description: 'Videos: uploaded → transcoding → ready or failed.' },
          // A video is ready only once something can stream it.
          validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
            const sibling = siblingData as { kind?: string; hlsMasterPlaylistKey?: string; streamId?: string }
            return value === 'ready' && sibling.kind === 'video' && !sibling.hlsMasterPlaylistKey && !sibling.streamId
              ? 'A video is ready only with an HLS playlist or a stream id.'
              : true
          },
        },
        { name: 'visibility', type: 'select', defaultValue: 'public', options: ['public', 'private'], required: true },
        { name: 'durationSeconds', type: 'number', min: 0, admin: { readOnly: true } },
        { name: 'streamId', type: 'text', admin: { readOnly: true } },
        { name: 'hlsMasterPlaylistKey', type: 'text', admin: { readOnly: true } },
        { name: 'posterKey', type: 'text', admin: { readOnly: true } },
        {
          name: 'transcodeError',
          type: 'textarea',
          admin: { readOnly: true, condition: (data) => Boolean(data?.transcodeError) },
        },
        { name: 'uploadedAt', type: 'date', admin: { readOnly: true } },
      ],
    },
    { isolationFixture: () => ({ title: 'Grid file', alt: 'grid', visibility: 'private' }) },
  )
