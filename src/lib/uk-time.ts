// UK local time (Europe/London: GMT in winter, BST in summer) to an instant and back. Staff
// type times as the clock on the wall shows them; twice a year that clock skips an hour (the
// last Sunday of March, 1am becomes 2am) or repeats one (the last Sunday of October, 2am
// becomes 1am again), so a wall time can name no instant, or two.
import { formatDateTime, isCalendarDate } from './dates.ts'

const ZONE = 'Europe/London'
const MINUTE = 60_000
const DAY = 86_400_000

/** A wall-clock date and time, as typed: month 1 to 12. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number }

/** A wall time as an instant, or why it cannot be one. */
export type UkInstant =
  /** `ambiguous`: the clocks went back that night and it happened twice; `at` is the first (BST). */
  | { ok: true; at: Date; ambiguous: boolean }
  /** Not a date of the calendar (31 June), or not a time of the day (24:00). */
  | { ok: false; reason: 'not-a-date' | 'not-a-time' }
  /** The clocks went forward over it, so it never happens in the UK. */
  | { ok: false; reason: 'skipped' }

const wallParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
})

/** The UK wall time at an instant. */
export const ukWallTime = (at: Date): WallTime => {
  const part = Object.fromEntries(
    wallParts.formatToParts(at).map(({ type, value }) => [type, Number(value)]),
  )
  return {
    year: part.year ?? 0,
    month: part.month ?? 0,
    day: part.day ?? 0,
    hour: part.hour ?? 0,
    minute: part.minute ?? 0,
  }
}

/** A wall time read as if it were UTC, in ms: a number to compare wall times by. */
const asUtc = (t: WallTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute)

/** How far UK time is ahead of UTC at an instant, in ms. */
const offsetAt = (ms: number) => asUtc(ukWallTime(new Date(ms))) - Math.floor(ms / MINUTE) * MINUTE

/**
 * The instant a UK wall time names. A time the clocks skip is refused; a time they repeat is
 * taken as the first of the two (still BST), and said to be ambiguous.
 */
export const ukInstant = (t: WallTime): UkInstant => {
  if (!isCalendarDate(t.year, t.month, t.day)) return { ok: false, reason: 'not-a-date' }
  const { hour, minute } = t
  if (!Number.isInteger(hour) || !Number.isInteger(minute))
    return { ok: false, reason: 'not-a-time' }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return { ok: false, reason: 'not-a-time' }
  const wall = asUtc(t)
  // The offsets in force a day either side: the only ones this wall time could be at.
  const offsets = new Set([offsetAt(wall - DAY), offsetAt(wall + DAY)])
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((ms) => asUtc(ukWallTime(new Date(ms))) === wall)
    .sort((a, b) => a - b)
  const first = matches[0]
  if (first === undefined) return { ok: false, reason: 'skipped' }
  return { ok: true, at: new Date(first), ambiguous: matches.length > 1 }
}

const zoneName = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'short' })

/** 'BST' or 'GMT': the UK clock's zone at an instant. */
export const ukZoneAt = (at: Date) =>
  zoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'UK time'

/** An instant as UK staff read it, with its zone, e.g. "25 October 2026 at 1:30 am BST". */
export const formatUkDateTime = (at: Date) => `${formatDateTime(at)} ${ukZoneAt(at)}`
