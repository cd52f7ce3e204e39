import { randomBytes } from 'node:crypto'
import { access, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest, Where } from 'payload'
import { idOf } from '../../access/idOf'
import { hlsDirOf, hlsRootOf } from '../hlsDirOf'
import { videoTranscoderOf } from '../videoTranscoderOf'

export type TranscodeMediaInput = { media: string; filename: string }
export type TranscodeMediaOutcome = 'ready' | 'failed' | 'skipped'

const PENDING = ['uploading', 'uploaded', 'transcoding']
const ERROR_LIMIT = 2000

/**
 * The `transcodeMedia` job's work for one upload: marks the media `transcoding`, hands the file to
 * the transcoder, and records the outcome (`ready` with duration, size, playlist and poster keys or
 * stream id; `failed` with the error kept in `transcodeError`). Safe to run again: a media already
 * finished, gone, or whose file was replaced since (`filename` differs) is skipped; output is built
 * in a scratch folder and renamed into place, so a crash leaves the media `transcoding` and the
 * rerun starts clean. Every write is conditional on the media still being this upload, in progress.
 */
export const transcodeMedia = async (
  req: PayloadRequest,
  input: TranscodeMediaInput,
): Promise<TranscodeMediaOutcome> => {
  const { payload } = req
  const thisUpload: Where = {
    and: [{ id: { equals: input.media } }, { filename: { equals: input.filename } }, { status: { in: PENDING } }],
  }
  const found = await payload.find({
    collection: 'media',
    where: thisUpload,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  const media = found.docs[0]
  if (!media) return 'skipped'
  const tenant = idOf(media.tenant)
  if (!tenant) throw new Error(`media ${media.id} has no tenant`)

  const record = async (data: Record<string, unknown>) => {
    const result = await payload.update({
      collection: 'media',
      where: thisUpload,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (result.errors.length) throw new Error(result.errors.map((e) => e.message).join('; '))
    return result.docs.length > 0
  }
  const finalDir = hlsDirOf(payload, tenant, media.id)
  const fail = async (message: string) => {
    if (!(await record({ status: 'failed', transcodeError: message.slice(0, ERROR_LIMIT) }))) return 'skipped' as const
    // The output of a file this one replaced is not this video: nothing is left to stream.
    await rm(finalDir, { recursive: true, force: true })
    return 'failed' as const
  }

  if (media.status !== 'transcoding') await record({ status: 'transcoding', transcodeError: null })
  const staticDir = payload.collections.media.config.upload.staticDir ?? ''
  const sourcePath = path.resolve(staticDir, media.filename ?? '')
  try {
    await access(sourcePath)
  } catch {
    return fail('The uploaded file is missing from storage.')
  }

  const scratch = `${finalDir}.tmp-${randomBytes(4).toString('hex')}`
  await mkdir(scratch, { recursive: true })
  try {
    const result = await videoTranscoderOf(payload.config.custom)
      .transcode({
        media: { id: media.id, tenant, filename: media.filename ?? '', mimeType: media.mimeType },
        sourcePath,
        outputDir: scratch,
      })
      .catch((error: unknown) => error as Error)
    if (result instanceof Error) return await fail(result.message || String(result))
    const measured = { durationSeconds: result.durationSeconds, width: result.width, height: result.height }
    if (result.kind === 'stream') {
      const done = await record({ ...measured, status: 'ready', streamId: result.streamId, transcodeError: null })
      return done ? 'ready' : 'skipped'
    }
    await rm(finalDir, { recursive: true, force: true })
    await rename(scratch, finalDir)
    const key = (file: string) => path.relative(hlsRootOf(payload), path.join(finalDir, file)).split(path.sep).join('/')
    const done = await record({
      ...measured,
      status: 'ready',
      hlsMasterPlaylistKey: key(result.masterPlaylist),
      posterKey: key(result.poster),
      transcodeError: null,
    })
    return done ? 'ready' : 'skipped'
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
