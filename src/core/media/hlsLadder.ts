/** One rendition of the HLS ladder. */
export type HlsRung = { name: string; height: number; videoKbps: number; audioKbps: number }

export const DEFAULT_HLS_LADDER: HlsRung[] = [
  { name: '360p', height: 360, videoKbps: 800, audioKbps: 96 },
  { name: '720p', height: 720, videoKbps: 2800, audioKbps: 128 },
]

/**
 * The rungs a source of `sourceHeight` pixels gets: those no taller than the source (never
 * upscaled), or a single rung at the source's own (even) height when it is smaller than all of them.
 */
export const hlsLadder = (sourceHeight: number, ladder: HlsRung[] = DEFAULT_HLS_LADDER): HlsRung[] => {
  const fitting = ladder.filter((rung) => rung.height <= sourceHeight)
  if (fitting.length) return fitting
  const smallest = [...ladder].sort((a, b) => a.height - b.height)[0]
  const height = Math.max(2, sourceHeight - (sourceHeight % 2))
  return [{ ...smallest, name: `${height}p`, height }]
}
