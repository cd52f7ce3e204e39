/**
 * The URL a player opens for a media's HLS stream (or another of its files, e.g. `poster.jpg`):
 * `<api>/media/<id>/hls/<file>?token=<token>`; `api` is the API route (`/api`, or a full origin).
 */
export const mediaHlsUrl = ({
  media,
  token,
  file = 'master.m3u8',
  api = '/api',
}: {
  media: string
  token: string
  file?: string
  api?: string
}): string => `${api}/media/${encodeURIComponent(media)}/hls/${file}?token=${encodeURIComponent(token)}`
