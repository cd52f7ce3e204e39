import { ASSIGNMENT_FILE_TYPES, type LmsOptions } from './types'

export const defaultOptions: Required<LmsOptions> = {
  completionThreshold: 0.95,
  adminGroup: 'Learning',
  assignmentFileMaxBytes: 25 * 1024 ** 2,
  assignmentFilesPerSubmission: 3,
  assignmentFileTypes: [...ASSIGNMENT_FILE_TYPES],
}
