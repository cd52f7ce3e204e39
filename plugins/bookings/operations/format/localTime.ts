/** `HH:mm` (00:00–23:59) local wall-clock times of availability rules. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** `YYYY-MM-DD` local dates. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/

export const validateLocalTime = (value: unknown): true | string =>
  typeof value === 'string' && LOCAL_TIME.test(value) ? true : 'Use a local time HH:mm such as 09:00.'

export const validateOptionalLocalDate = (value: unknown): true | string =>
  value == null || value === '' || (typeof value === 'string' && LOCAL_DATE.test(value)) ? true : 'Use YYYY-MM-DD.'
