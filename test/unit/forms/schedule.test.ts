import { describe, expect, it } from 'vitest'
import { checkForm } from '../../../src/forms/fields.ts'
import { readTimeOfDay, scheduleForm } from '../../../src/forms/schedule.ts'

describe('readTimeOfDay', () => {
  it('reads the ways people write a time', () => {
    expect(readTimeOfDay('09:30')).toEqual({ hour: 9, minute: 30 })
    expect(readTimeOfDay('9.30')).toEqual({ hour: 9, minute: 30 })
    expect(readTimeOfDay('0930')).toEqual({ hour: 9, minute: 30 })
    expect(readTimeOfDay('17:00')).toEqual({ hour: 17, minute: 0 })
    expect(readTimeOfDay('9pm')).toEqual({ hour: 21, minute: 0 })
    expect(readTimeOfDay('12am')).toEqual({ hour: 0, minute: 0 })
    expect(readTimeOfDay('12:15 PM')).toEqual({ hour: 12, minute: 15 })
  })

  it('refuses what is not a time of day', () => {
    for (const text of ['', '9', '24:00', '09:60', '13pm', 'noon', '9:3', '1:30:00']) {
      expect(readTimeOfDay(text)).toBeNull()
    }
  })
})

describe('scheduleForm', () => {
  const now = new Date('2027-01-15T09:00:00Z')
  const fields = (publish: string[], unpublish: string[] = ['', '', '', '']) => ({
    'publishAt-day': publish[0],
    'publishAt-month': publish[1],
    'publishAt-year': publish[2],
    'publishAt-time': publish[3],
    'unpublishAt-day': unpublish[0],
    'unpublishAt-month': unpublish[1],
    'unpublishAt-year': unpublish[2],
    'unpublishAt-time': unpublish[3],
  })

  it('turns UK wall times into instants, either or both', () => {
    expect(checkForm(scheduleForm(now), fields(['1', '7', '2027', '09:30']))).toEqual({
      ok: true,
      data: { publishAt: new Date('2027-07-01T08:30:00Z') },
    })
    expect(
      checkForm(scheduleForm(now), fields(['', '', '', ''], [' 20 ', '1', '2027', '17:00'])),
    ).toEqual({ ok: true, data: { unpublishAt: new Date('2027-01-20T17:00:00Z') } })
  })

  it('gives each time its own error, in page order', () => {
    expect(
      checkForm(scheduleForm(now), fields(['', '7', '', ''], ['30', '2', '2027', '17:00'])),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'publishAt-day',
          message: 'Publish date and time must include a day, year and time',
        },
        { field: 'unpublishAt-day', message: 'Unpublish date must be a real date' },
      ],
    })
  })

  it('refuses a time within the current minute or before it', () => {
    expect(checkForm(scheduleForm(now), fields(['15', '1', '2027', '09:00'])).ok).toBe(false)
    expect(checkForm(scheduleForm(now), fields(['15', '1', '2027', '09:01'])).ok).toBe(true)
  })
})
