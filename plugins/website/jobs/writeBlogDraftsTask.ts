import type { TaskConfig } from 'payload'
import { chooseWriter } from '../writer/chooseWriter'
import { writeDueDrafts } from './writeDueDrafts'

export const WRITE_BLOG_DRAFTS_TASK = 'writeBlogDrafts'

/** On its cron (`draftsCron`): writes the posts of every due subscription (see `writeDueDrafts`). */
export const writeBlogDraftsTask = (options: { cron: string; defaultCap: number }): TaskConfig => ({
  slug: WRITE_BLOG_DRAFTS_TASK,
  label: 'Write blog drafts',
  schedule: [{ cron: options.cron, queue: 'default' }],
  outputSchema: [
    { name: 'due', type: 'number' },
    { name: 'written', type: 'number' },
    { name: 'published', type: 'number' },
    { name: 'exists', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => {
    const { outcomes: _outcomes, ...output } = await writeDueDrafts(req.payload, {
      writer: chooseWriter(),
      defaultCap: options.defaultCap,
    })
    return { output }
  },
})
