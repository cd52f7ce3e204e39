'use client'
/* eslint-disable jsx-a11y/media-has-caption -- the lms stores no caption tracks for lesson media yet */

import { useEffect, useRef } from 'react'

/** How often the position is saved while playing (the lms plugin keeps it per member and item). */
const SAVE_EVERY_MS = 10_000
const HLS_TYPE = 'application/vnd.apple.mpegurl'

/**
 * Plays a lesson's signed HLS stream: native HLS where the browser has it (Safari), else hls.js.
 * Resumes at the saved position and saves it (`PATCH /api/lessons/:id/position`) every 10 s while
 * playing, on pause, on end and when the page is hidden or left.
 */
export function LessonPlayer({
  lesson,
  kind,
  src,
  poster,
  title,
  start,
}: {
  lesson: string
  kind: 'video' | 'audio'
  src: string
  poster: string | null
  title: string
  start: number
}) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null)
  useEffect(() => {
    const media = ref.current
    if (!media) return
    let hls: { destroy: () => void } | null = null
    let lastSaved = -1
    const save = (keepalive = false) => {
      const duration = media.duration
      if (!Number.isFinite(duration) || duration <= 0) return
      const position = Math.min(media.currentTime, duration)
      if (Math.abs(position - lastSaved) < 0.5) return
      lastSaved = position
      void fetch(`/api/lessons/${lesson}/position`, {
        method: 'PATCH',
        credentials: 'same-origin',
        keepalive,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ positionSeconds: position, durationSeconds: duration }),
      }).catch(() => undefined)
    }
    const resume = () => {
      if (start > 0 && Number.isFinite(media.duration) && start < media.duration - 1) media.currentTime = start
    }
    media.addEventListener('loadedmetadata', resume, { once: true })
    if (media.canPlayType(HLS_TYPE)) {
      media.src = src
      media.dataset.hls = 'native'
    } else
      void import('hls.js').then(({ default: Hls }) => {
        if (!Hls.isSupported()) {
          media.src = src
          return
        }
        const player = new Hls()
        player.loadSource(src)
        player.attachMedia(media)
        hls = player
        media.dataset.hls = 'attached'
      })
    const timer = window.setInterval(() => {
      if (!media.paused) save()
    }, SAVE_EVERY_MS)
    const onPause = () => save()
    const onHide = () => save(true)
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save(true)
    }
    media.addEventListener('pause', onPause)
    media.addEventListener('ended', onPause)
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.clearInterval(timer)
      media.removeEventListener('pause', onPause)
      media.removeEventListener('ended', onPause)
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      hls?.destroy()
    }
  }, [lesson, src, start])

  return kind === 'audio' ? (
    <audio ref={ref} controls preload="metadata" aria-label={title} className="lesson-media" />
  ) : (
    <video
      ref={ref}
      controls
      playsInline
      preload="metadata"
      poster={poster ?? undefined}
      aria-label={title}
      className="lesson-media"
    />
  )
}
