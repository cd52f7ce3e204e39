import type { LmsOptions } from './types'

export const defaultOptions: Required<LmsOptions> = {
  completionThreshold: 0.95,
  adminGroup: 'Learning',
}
