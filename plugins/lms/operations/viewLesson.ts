import type { PayloadRequest } from 'payload'
import { idOf, mediaHlsUrl, signMediaToken } from '@/core'
import type { AccessDecision, AssignmentLessonView, LiveSessionView } from '../contract'
import { assignmentLessonView } from './assignments'
import { liveSessionView } from './liveSessionView'
import { lessonAccess } from './mayAccess'
import { refusal } from './refusal'

export type LessonView = {
  lesson: {
    id: string
    title: string
    itemType: string
    course: string
    module: string | null
    isPreview: boolean
  }
  content: {
    id: string
    title: string
    contentType: string
    /** The media document to play (only ever sent once access is allowed). */
    media: string | null
    /**
     * Where a player streams the media (HLS master playlist) with a signed token valid for
     * `PLAYBACK_TOKEN_SECONDS`, once it is transcoded; null before (or for written items).
     */
    playback: { url: string; posterUrl: string | null; expiresAt: string } | null
    body: unknown
  } | null
  /** A quiz lesson's quiz (taken through `POST /api/quizzes/:id/attempts`). */
  quiz: {
    id: string
    title: string
    passMarkPct: number
    attemptLimit: number | null
    /** Minutes from an attempt's start (null: no limit). */
    timeLimitMinutes: number | null
  } | null
  /** An assignment lesson's assignment with the member's submissions. */
  assignment: AssignmentLessonView | null
  /** A live-session lesson's class, its times in its zone and the viewer's booking. */
  live: LiveSessionView | null
  access: AccessDecision
}

/** How long a playback URL works; the player asks for the lesson again for a fresh one. */
export const PLAYBACK_TOKEN_SECONDS = 4 * 3600

/**
 * The signed HLS URLs of a transcoded media document for `subject` (the only way media leave the
 * server: the files route checks the token without a database read).
 */
export const playbackOf = async (req: PayloadRequest, media: string, subject: string) => {
  const doc = await req.payload.findByID({ collection: 'media', id: media, depth: 0, req, disableErrors: true })
  if (!doc || doc.status !== 'ready' || !doc.hlsMasterPlaylistKey) return null
  const token = signMediaToken({ media: doc, subject, ttlSeconds: PLAYBACK_TOKEN_SECONDS })
  return {
    url: mediaHlsUrl({ media: String(doc.id), token }),
    posterUrl: doc.posterKey ? mediaHlsUrl({ media: String(doc.id), token, file: 'poster.jpg' }) : null,
    expiresAt: new Date(Date.now() + PLAYBACK_TOKEN_SECONDS * 1000).toISOString(),
  }
}

/**
 * A lesson opened by the signed-in member (or a visitor, for preview lessons): the access decision
 * first; a refusal (401, 403 `lesson_locked` / `no_access` / …, 404) carries no media. When allowed,
 * the lesson with its content item's media id, its signed playback URL and body.
 */
export const viewLesson = async (req: PayloadRequest, id: string): Promise<LessonView> => {
  const { decision, lesson, member, enrollment } = await lessonAccess(req, { lesson: id })
  if (!decision.allowed || !lesson) throw refusal(decision.allowed ? { allowed: false, reason: 'not_found' } : decision)
  const item = lesson.content
    ? await req.payload.findByID({ collection: 'content-items', id: lesson.content, depth: 0, draft: false, req })
    : null
  const quizDoc = lesson.quiz
    ? await req.payload.findByID({ collection: 'quizzes', id: lesson.quiz, depth: 0, req, disableErrors: true })
    : null
  const assignment = lesson.assignment
    ? await assignmentLessonView(req, {
        assignment: lesson.assignment,
        member,
        enrolledAt: enrollment?.enrolled_at ? new Date(enrollment.enrolled_at) : null,
      })
    : null
  const live =
    lesson.item_type === 'live'
      ? await liveSessionView(req, { lesson: lesson.id, member, staff: decision.reason === 'staff' })
      : null
  const media = idOf(item?.media) ?? null
  const playback = media ? await playbackOf(req, media, req.user ? String(req.user.id) : 'preview') : null
  return {
    lesson: {
      id: lesson.id,
      title: lesson.title,
      itemType: lesson.item_type,
      course: lesson.course,
      module: lesson.module,
      isPreview: lesson.is_preview,
    },
    content: item
      ? {
          id: String(item.id),
          title: item.title,
          contentType: item.contentType,
          media,
          playback,
          body: item.body ?? null,
        }
      : null,
    quiz: quizDoc
      ? {
          id: String(quizDoc.id),
          title: quizDoc.title,
          passMarkPct: quizDoc.passMarkPct,
          attemptLimit: quizDoc.attemptLimit || null,
          timeLimitMinutes: quizDoc.timeLimitMinutes || null,
        }
      : null,
    assignment,
    live,
    access: decision,
  }
}
