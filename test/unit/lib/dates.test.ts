import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, isIsoDate, ukToday } from '../../../src/lib/dates.ts'

describe('formatDate', () => {
  it('writes a stored YYYY-MM-DD date as the GOV.UK style guide asks', () => {
    expect(formatDate('2013-10-07')).toBe('7 October 2013')
  })

  it('keeps a stored date on its own day, whatever the time of year', () => {
    // Read at noon UTC, so neither midnight in London nor the clock change moves it a day.
    expect(formatDate('2024-03-31')).toBe('31 March 2024')
    expect(formatDate('2024-10-27')).toBe('27 October 2024')
  })

  it('shows an instant on the day it was in the UK, not in UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(formatDate(new Date('2024-06-30T23:30:00Z'))).toBe('1 July 2024')
    // In winter the UK is on UTC.
    expect(formatDate(new Date('2024-01-15T23:30:00Z'))).toBe('15 January 2024')
  })
})

describe('ukToday', () => {
  it('is the date in the UK as YYYY-MM-DD', () => {
    expect(ukToday(new Date('2024-01-15T12:00:00Z'))).toBe('2024-01-15')
  })

  it('moves to the next day at midnight UK time in summer, an hour before UTC does', () => {
    expect(ukToday(new Date('2024-06-30T22:59:59Z'))).toBe('2024-06-30')
    expect(ukToday(new Date('2024-06-30T23:00:00Z'))).toBe('2024-07-01')
  })

  it('compares as text in date order, as closing dates are compared', () => {
    expect(ukToday(new Date('2024-09-30T12:00:00Z')) < '2024-10-01').toBe(true)
  })
})

describe('formatDateTime', () => {
  it('gives the date and the 12-hour time in UK time', () => {
    // 08:05 UTC is 9:05 am in British Summer Time. ICU versions differ on "at" or a comma.
    expect(formatDateTime(new Date('2013-10-07T08:05:00Z'))).toMatch(
      /^7 October 2013(,| at) 9:05 am$/,
    )
  })

  it('writes minutes with two digits and afternoons as pm', () => {
    expect(formatDateTime(new Date('2024-01-15T14:07:00Z'))).toMatch(/2:07 pm$/)
  })
})

describe('isIsoDate', () => {
  it.each(['2013-10-07', '2024-02-29', '1000-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true)
  })

  it.each([
    '2023-02-29',
    '2013-13-01',
    '2013-00-10',
    '2013-04-31',
    '0999-12-31',
    '2013-1-7',
    ' 2013-10-07',
    '2013-10-07T00:00',
    '',
  ])('refuses %j', (text) => {
    expect(isIsoDate(text)).toBe(false)
  })
})
