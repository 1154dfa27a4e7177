const ukDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})

/** Formats a date as the GOV.UK style guide asks, e.g. "7 October 2013", in UK time. */
export const formatDate = (date: Date | string): string =>
  ukDate.format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date)

/** Today's date in the UK as YYYY-MM-DD, the form vacancy closing dates are stored in. */
export const ukToday = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now)

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
})

/** A date and time in UK time, e.g. "7 October 2013, 9:05 am". */
export const formatDateTime = (date: Date): string => ukDateTime.format(date)
