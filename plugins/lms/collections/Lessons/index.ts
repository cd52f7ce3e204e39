import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, anyone, tenantRole, tenantScoped } from '@/core'
import { lessonViewEndpoint } from '../../endpoints/lessonViewEndpoint'
import { completeLessonEndpoint } from '../../endpoints/completeLessonEndpoint'
import { playbackPositionEndpoint } from '../../endpoints/playbackPositionEndpoint'
import { LESSON_ITEM_TYPES, UNLOCK_MODES } from '../../types'
import { checkpointsField } from '../../fields/checkpointsField'
import { liveClassField } from '../../fields/liveClassField'
import { guardLesson } from './hooks/guardLesson'

/**
 * One step of a course: a video, audio or text lesson pointing at a content item of that type, a
 * quiz lesson (its quiz), an assignment lesson (its assignment) or a live-session lesson (a bookings
 * class, `liveClasses`: only when bookings is installed): exactly one target, matching.
 * Members open it through `GET /api/lessons/:id/view`, which applies the access decision and the
 * unlock rules; the collection itself shows titles only (its content item's media stay hidden).
 */
export const Lessons = (group: string, completionThreshold: number, liveClasses = false): CollectionConfig =>
  tenantScoped(
    {
      slug: 'lessons',
      admin: { useAsTitle: 'title', defaultColumns: ['title', 'course', 'module', 'itemType', 'isPreview'], group },
      access: {
        read: anyone, // the syllabus is public; media come only from the view endpoint
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'course'] }, { fields: ['tenant', 'module'] }],
      hooks: { beforeChange: [guardLesson] },
      endpoints: [lessonViewEndpoint, completeLessonEndpoint, playbackPositionEndpoint(completionThreshold)],
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'module', type: 'relationship', relationTo: 'course-modules', required: true },
        {
          name: 'course',
          type: 'relationship',
          relationTo: 'courses',
          admin: { readOnly: true, description: "Set from the module's course." },
        },
        { name: 'itemType', type: 'select', required: true, defaultValue: 'video', options: [...LESSON_ITEM_TYPES] },
        {
          name: 'content',
          type: 'relationship',
          relationTo: 'content-items',
          admin: {
            condition: (_, s) => !s?.itemType || ['video', 'audio', 'text'].includes(s.itemType),
            description: 'The video, audio or written item this lesson plays (its type matches the lesson).',
          },
        },
        {
          name: 'quiz',
          type: 'relationship',
          relationTo: 'quizzes',
          admin: {
            condition: (_, s) => s?.itemType === 'quiz',
            description: 'The quiz the member takes; passing it completes the lesson.',
          },
        },
        {
          name: 'assignment',
          type: 'relationship',
          relationTo: 'assignments',
          admin: {
            condition: (_, s) => s?.itemType === 'assignment',
            description: 'The assignment the member hands in; a passing grade completes the lesson.',
          },
        },
        // ---- live lessons ----
        ...(liveClasses ? [liveClassField()] : []),
        // ---- /live lessons ----
        {
          name: 'isPreview',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Free to anyone, signed in or not.' },
        },
        checkpointsField(),
        {
          name: 'unlock',
          type: 'group',
          admin: { description: 'When the lesson opens for an enrolled member (checked on the server).' },
          fields: [
            { name: 'mode', type: 'select', required: true, defaultValue: 'none', options: [...UNLOCK_MODES] },
            {
              name: 'days',
              type: 'number',
              min: 0,
              admin: { step: 1, condition: (_, s) => s?.mode === 'after_days', description: 'Days after enrolment.' },
            },
            { name: 'date', type: 'date', admin: { condition: (_, s) => s?.mode === 'on_date' } },
            {
              name: 'prerequisite',
              type: 'relationship',
              relationTo: 'lessons',
              admin: { condition: (_, s) => s?.mode === 'prerequisite', description: 'Opens once this one is done.' },
            },
            // ---- module unlock ----
            {
              name: 'prerequisiteModule',
              type: 'relationship',
              relationTo: 'course-modules',
              admin: {
                condition: (_, s) => s?.mode === 'prerequisite',
                description: '…or once every lesson of this module is done.',
              },
            },
          ],
        },
      ],
    },
    {
      publicRead: true,
      // the grid's own fixtures make the module (and its course); the target is optional per type
      isolationFixture: async ({ tenant, payload }) => {
        const content = await payload.create({
          collection: 'content-items',
          draft: true,
          data: {
            tenant,
            title: 'Grid',
            slug: `grid-${Math.random().toString(36).slice(2, 10)}`,
            contentType: 'video',
          },
        })
        return { itemType: 'video', content: String(content.id) }
      },
    },
  )
