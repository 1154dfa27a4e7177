// The schedule form: a time to publish and a time to unpublish, either or both, each typed as
// UK wall-clock time in a GOV.UK date input (day, month, year) and a time field (hh:mm).
import * as z from 'zod/mini'
import { ukInstant } from '../lib/uk-time.ts'

/** The two times the form asks for, in page order. */
const SCHEDULE_TIMES = ['publishAt', 'unpublishAt'] as const

/** One of the two times. */
export type ScheduleTime = (typeof SCHEDULE_TIMES)[number]

/** The parts each time is typed in: its fields are named `${time}-${part}`. */
export const TIME_PARTS = ['day', 'month', 'year', 'time'] as const

/** What the form asks staff to schedule, once checked: each instant is in the future. */
export type ScheduleTimes = { publishAt?: Date; unpublishAt?: Date }

const LABEL: Record<ScheduleTime, string> = { publishAt: 'Publish', unpublishAt: 'Unpublish' }

/** The message when neither time is given. */
export const NOTHING_TO_SCHEDULE = 'Enter a date and time to publish or unpublish'

const part = z._default(z.string(), '')

const rawForm = z.object({
  'publishAt-day': part,
  'publishAt-month': part,
  'publishAt-year': part,
  'publishAt-time': part,
  'unpublishAt-day': part,
  'unpublishAt-month': part,
  'unpublishAt-year': part,
  'unpublishAt-time': part,
})

type RawForm = z.infer<typeof rawForm>

/** A time of day as people type it: 09:30, 9.30, 0930, 9:30pm, 9pm. Hours and minutes, or null. */
export const readTimeOfDay = (text: string): { hour: number; minute: number } | null => {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm)?$/i.exec(text.replace(/\s+/g, ' '))
  if (!match?.[1] || (!match[2] && !match[3])) return null
  let hour = Number(match[1])
  const minute = Number(match[2] ?? '0')
  const period = match[3]?.toLowerCase()
  if (period) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (period === 'pm' ? 12 : 0)
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : null
}

/** "day", "month and year", "day, month, year and time". */
const listed = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '')

type Read = { at?: Date; error?: { field: string; message: string } }

/** One time from the form: nothing, an instant, or the first problem with it. */
const readTime = (values: RawForm, time: ScheduleTime, now: Date): Read => {
  const text = Object.fromEntries(TIME_PARTS.map((p) => [p, values[`${time}-${p}`].trim()]))
  const label = LABEL[time]
  const error = (p: (typeof TIME_PARTS)[number], message: string): Read => ({
    error: { field: `${time}-${p}`, message },
  })
  const missing = TIME_PARTS.filter((p) => !text[p])
  if (missing.length === TIME_PARTS.length) return {}
  if (missing[0]) {
    return error(missing[0], `${label} date and time must include a ${listed(missing)}`)
  }
  const bad = (['day', 'month', 'year'] as const).find((p) => !/^\d{1,4}$/.test(text[p] ?? ''))
  if (bad) return error(bad, `${label} date must be a real date`)
  if (text.year?.length !== 4) return error('year', `${label} year must include 4 numbers`)
  const clock = readTimeOfDay(text.time ?? '')
  if (!clock) return error('time', `${label} time must be a time of day, like 09:30 or 17:00`)
  const result = ukInstant({
    year: Number(text.year),
    month: Number(text.month),
    day: Number(text.day),
    ...clock,
  })
  if (!result.ok && result.reason === 'skipped') {
    return error(
      'time',
      `${label} time does not exist in the UK that day: the clocks go forward from 1am to 2am. Enter a time from 2am`,
    )
  }
  if (!result.ok) return error('day', `${label} date must be a real date`)
  if (result.at.getTime() <= now.getTime()) {
    return error('day', `${label} date and time must be in the future`)
  }
  return { at: result.at }
}

/**
 * The schedule form's schema at `now`: the typed times as instants, or GOV.UK errors on the
 * part to correct (a time in the past, or an unpublish that is not after the publish).
 */
export const scheduleForm = (now: Date) =>
  z.pipe(
    rawForm,
    z.transform((values, ctx): ScheduleTimes => {
      const publish = readTime(values, 'publishAt', now)
      const unpublish = readTime(values, 'unpublishAt', now)
      const errors = [publish.error, unpublish.error].filter((e) => e !== undefined)
      if (!errors.length && !publish.at && !unpublish.at) {
        errors.push({ field: 'publishAt-day', message: NOTHING_TO_SCHEDULE })
      }
      if (!errors.length && publish.at && unpublish.at && unpublish.at <= publish.at) {
        errors.push({
          field: 'unpublishAt-day',
          message: 'Unpublish date and time must be after the publish date and time',
        })
      }
      for (const { field, message } of errors) {
        ctx.issues.push({ code: 'custom', message, input: values, path: [field] })
      }
      if (errors.length) return z.NEVER
      return {
        ...(publish.at && { publishAt: publish.at }),
        ...(unpublish.at && { unpublishAt: unpublish.at }),
      }
    }),
  )
