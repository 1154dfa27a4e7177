import { describe, expect, it } from 'vitest'
import { formatUkDateTime, ukInstant, ukWallTime, ukZoneAt } from '../../../src/lib/uk-time.ts'

const wall = (text: string) => {
  const [date, time] = text.split(' ')
  const [year, month, day] = date!.split('-').map(Number)
  const [hour, minute] = time!.split(':').map(Number)
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute! }
}

const instant = (text: string) => {
  const result = ukInstant(wall(text))
  if (!result.ok) throw new Error(`${text}: ${result.reason}`)
  return result
}

describe('ukInstant', () => {
  it('reads a winter time as GMT, the same as UTC', () => {
    expect(instant('2027-01-15 09:30')).toEqual({
      ok: true,
      at: new Date('2027-01-15T09:30:00Z'),
      ambiguous: false,
    })
  })

  it('reads a summer time as BST, an hour ahead of UTC', () => {
    expect(instant('2027-07-01 09:30').at).toEqual(new Date('2027-07-01T08:30:00Z'))
    // Midnight BST is still the previous day in UTC.
    expect(instant('2027-07-01 00:15').at).toEqual(new Date('2027-06-30T23:15:00Z'))
  })

  it('refuses a time the clocks skip when they go forward', () => {
    // 28 March 2027: at 1am GMT the clocks go forward to 2am BST.
    expect(ukInstant(wall('2027-03-28 01:30'))).toEqual({ ok: false, reason: 'skipped' })
    expect(ukInstant(wall('2027-03-28 01:00'))).toEqual({ ok: false, reason: 'skipped' })
    expect(ukInstant(wall('2027-03-28 01:59'))).toEqual({ ok: false, reason: 'skipped' })
  })

  it('takes the times either side of the skipped hour as GMT and BST', () => {
    expect(instant('2027-03-28 00:59').at).toEqual(new Date('2027-03-28T00:59:00Z'))
    expect(instant('2027-03-28 02:00').at).toEqual(new Date('2027-03-28T01:00:00Z'))
  })

  it('takes a time the clocks repeat as the first one, in BST, and says it was ambiguous', () => {
    // 25 October 2026: at 2am BST the clocks go back to 1am GMT, so 1:30 happens twice.
    expect(instant('2026-10-25 01:30')).toEqual({
      ok: true,
      at: new Date('2026-10-25T00:30:00Z'),
      ambiguous: true,
    })
    expect(instant('2026-10-25 01:00').ambiguous).toBe(true)
    expect(instant('2026-10-25 00:59')).toEqual({
      ok: true,
      at: new Date('2026-10-24T23:59:00Z'),
      ambiguous: false,
    })
    expect(instant('2026-10-25 02:00')).toEqual({
      ok: true,
      at: new Date('2026-10-25T02:00:00Z'),
      ambiguous: false,
    })
  })

  it('refuses dates that are not in the calendar', () => {
    for (const text of [
      '2027-02-29 09:00',
      '2027-06-31 09:00',
      '2027-13-01 09:00',
      '2027-00-10 09:00',
    ]) {
      expect(ukInstant(wall(text))).toEqual({ ok: false, reason: 'not-a-date' })
    }
    expect(ukInstant({ year: 999, month: 1, day: 1, hour: 9, minute: 0 })).toEqual({
      ok: false,
      reason: 'not-a-date',
    })
    expect(ukInstant({ year: 2027, month: 1.5, day: 1, hour: 9, minute: 0 }).ok).toBe(false)
    // A leap day is a date.
    expect(instant('2028-02-29 09:00').at).toEqual(new Date('2028-02-29T09:00:00Z'))
  })

  it('refuses times that are not in the day', () => {
    for (const text of ['2027-01-15 24:00', '2027-01-15 09:60', '2027-01-15 -1:00']) {
      expect(ukInstant(wall(text))).toEqual({ ok: false, reason: 'not-a-time' })
    }
  })

  it('round-trips every half hour of a year through ukWallTime', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 30 * 60_000) {
      const at = new Date(ms)
      const back = ukInstant(ukWallTime(at))
      if (!back.ok) throw new Error(`${at.toISOString()}: ${back.reason}`)
      // In the repeated hour, the wall time names its first (BST) instant, an hour earlier.
      const second = back.ambiguous && ukZoneAt(at) === 'GMT'
      expect(back.at.getTime()).toBe(second ? ms - 3_600_000 : ms)
    }
  })
})

describe('formatUkDateTime', () => {
  it('names the zone, so the repeated hour can be told apart', () => {
    expect(ukZoneAt(new Date('2026-10-25T00:30:00Z'))).toBe('BST')
    expect(ukZoneAt(new Date('2026-10-25T01:30:00Z'))).toBe('GMT')
    expect(formatUkDateTime(new Date('2026-10-25T00:30:00Z'))).toMatch(
      /^25 October 2026.* 1:30 am BST$/,
    )
    expect(formatUkDateTime(new Date('2027-01-15T14:05:00Z'))).toMatch(
      /^15 January 2027.* 2:05 pm GMT$/,
    )
  })
})
