const ukDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})

/** Formats a date as the GOV.UK style guide asks, e.g. "7 October 2013", in UK time. */
export const formatDate = (date: Date | string): string =>
  ukDate.format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date)

// Built once: a formatter costs far more to make than to use, and ukToday runs on every request
// (the edge cache's key holds the UK date).
const ukIsoDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })

/** Today's date in the UK as YYYY-MM-DD, the form vacancy closing dates are stored in. */
export const ukToday = (now: Date = new Date()): string => ukIsoDate.format(now)

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

/** Whether the numbers make a date of the calendar (years 1000 to 9999). */
export const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Whether text is an ISO date (YYYY-MM-DD) of a day that exists. */
export const isIsoDate = (text: string): boolean => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return parts !== null && isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))
}
