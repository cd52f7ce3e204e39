import { WEEKDAYS } from '../../types'

const LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** Select options for a weekday (values `sun`…`sat`). */
export const weekdayOptions = WEEKDAYS.map((value, i) => ({ label: LABELS[i], value }))
