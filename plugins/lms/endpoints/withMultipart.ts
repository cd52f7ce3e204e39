import { rm } from 'node:fs/promises'
import { addDataAndFileToRequest, type PayloadRequest } from 'payload'

/** Whether the request's body is multipart form data (an upload). */
export const isMultipart = (req: PayloadRequest): boolean =>
  (req.headers?.get('content-type') ?? '').toLowerCase().startsWith('multipart/')

/**
 * Reads a multipart body before `handler` runs (Payload parses it: `req.data` from the `_payload`
 * JSON field, `req.files` from the file parts, streamed to temporary files under DATA_DIR/tmp and
 * removed afterwards). A part over the app's upload limit answers 413 `file_too_large`, an
 * unreadable body 400 `invalid_upload`. Other bodies pass untouched (`endpointHandler` reads JSON).
 */
export const withMultipart =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    if (!isMultipart(req)) return handler(req)
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === req.payload.config.upload?.responseOnLimit
      return tooLarge
        ? Response.json(
            { error: 'file_too_large', message: 'The file is larger than uploads may be.' },
            { status: 413, headers: { connection: 'close' } },
          )
        : Response.json(
            { error: 'invalid_upload', message: 'The upload could not be read: send multipart form data.' },
            { status: 400 },
          )
    }
    try {
      return await handler(req)
    } finally {
      const temporary = Object.values(req.files ?? {})
        .flat()
        .map((file) => file.tempFilePath)
        .filter((file): file is string => Boolean(file))
      await Promise.all(temporary.map((file) => rm(file, { force: true })))
    }
  }
