import * as z from 'zod/mini'
import { isIsoDate } from '../lib/dates.ts'
import { isReadable } from './fields.ts'

/** A short text field: trimmed, required, readable. */
const line = (label: string, max = 200) =>
  z
    .string({ error: `Enter a ${label.toLowerCase()}` })
    .check(
      z.trim(),
      z.minLength(1, `Enter a ${label.toLowerCase()}`),
      z.maxLength(max, `${label} must be ${max} characters or less`),
      z.refine(isReadable, `${label} must not include control characters`),
    )

/** Markdown or long text: may be empty, readable. */
const text = (label: string, max: number) =>
  z._default(
    z
      .string()
      .check(
        z.maxLength(max, `${label} must be ${max.toLocaleString('en-GB')} characters or less`),
        z.refine(isReadable, `${label} must not include control characters`),
      ),
    '',
  )

// Empty is allowed: publishing makes the address from the title (lib/slug.ts).
const slug = z.pipe(
  z._default(z.string(), ''),
  z
    .string()
    .check(
      z.trim(),
      z.regex(
        /^(|[a-z0-9]+(-[a-z0-9]+)*)$/,
        'Web address must only include lower-case letters, numbers and hyphens, like serious-fraud-warning',
      ),
      z.maxLength(100, 'Web address must be 100 characters or less'),
    ),
)

/** An optional whole number from a text box: '' is null. */
const optionalWhole = (label: string) =>
  z.pipe(
    z._default(z.string(), ''),
    z.pipe(
      z
        .string()
        .check(z.trim(), z.regex(/^(|\d{1,4})$/, `${label} must be a whole number, like 3`)),
      z.transform((v) => (v === '' ? null : Number(v))),
    ),
  )

/** A page's path: a site path outside the other parts of the site. */
export const pagePath = z.pipe(
  z._default(z.string(), ''),
  z.string().check(
    z.trim(),
    z.regex(
      /^(|\/([a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*)?)$/,
      'Path must start with / and only include lower-case letters, numbers, hyphens and slashes, like /threats/fraud',
    ),
    z.refine(
      (p) =>
        !/^\/(admin|assets|news|careers|contact|sitemap)(\/|$)/.test(p) ||
        ['/news', '/careers', '/contact', '/sitemap'].includes(p),
      'That path belongs to another part of the site',
    ),
  ),
)

/** An optional page id from the parent select: '' is null. Ids grow past 4 digits. */
const optionalPageId = z.pipe(
  z._default(z.string(), ''),
  z.pipe(
    z.string().check(z.trim(), z.regex(/^(|\d{1,15})$/, 'Choose a parent page from the list')),
    z.transform((v) => (v === '' ? null : Number(v))),
  ),
)

/** A page's editable fields. An empty path is made from the parent's and the title. */
export const pageData = z.object({
  path: pagePath,
  parentId: optionalPageId,
  title: line('Title'),
  summary: text('Summary', 300),
  body: text('Body', 50_000),
  navOrder: optionalWhole('Navigation order'),
})

/** The field where a parent page is typed as its address, when the list holds only some. */
export const PARENT_ADDRESS_FIELD = 'parentPath'

/**
 * A parent page's address as typed: its path, or the error to show. Takes the path as the site
 * shows it, with or without its first or last slash, or a whole web address (its path is used).
 * Empty is null: the list's choice stands.
 */
export const parentAddress = (
  typed: string | undefined,
): { ok: true; path: string | null } | { ok: false; message: string } => {
  let text = (typed ?? '').trim()
  if (text === '') return { ok: true, path: null }
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).pathname
    } catch {
      // Not a web address after all: checked as a path below, which refuses it.
    }
  }
  const refused = {
    ok: false,
    message:
      'Enter the address of the parent page as the site shows it, for example /about/structure',
  } as const
  if (text.length > 300) return refused
  const checked = pagePath.safeParse(`/${text.replace(/^\/+|\/+$/g, '')}`)
  if (!checked.success || checked.data === '') return refused
  return { ok: true, path: checked.data }
}

/** An optional ISO date from a text box: '' is null. */
const optionalDate = (label: string) =>
  z.pipe(
    z._default(z.string(), ''),
    z.pipe(
      z.string().check(
        z.trim(),
        z.refine((d) => d !== 'incomplete', `${label} must include a day, month and year`),
        z.refine(
          (d) => d === '' || d === 'incomplete' || isIsoDate(d),
          `${label} must be a real date`,
        ),
      ),
      z.transform((v) => (v === '' ? null : v)),
    ),
  )

/** The three boxes of a GOV.UK date input named `name`: `${name}-day`, -month and -year. */
export const dateParts = (name: string) => [`${name}-day`, `${name}-month`, `${name}-year`] as const

/**
 * Joins a date input's three boxes into the field `name` as an ISO date, for the date checks:
 * '' when all are empty, and text no date check accepts when a part is missing or not a number.
 * A form that sends `name` itself (ISO text) is read as it is.
 */
const joinDateParts = (name: string) =>
  z.transform((input: unknown) => {
    if (typeof input !== 'object' || input === null) return input
    const values = Object.fromEntries(Object.entries(input))
    const parts = dateParts(name).map((part) => values[part])
    if (parts.every((part) => part === undefined)) return input
    const [day = '', month = '', year = ''] = parts.map((p) =>
      typeof p === 'string' ? p.trim() : '',
    )
    if (!day && !month && !year) return { ...values, [name]: '' }
    if (!day || !month || !year) return { ...values, [name]: 'incomplete' }
    if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) {
      return { ...values, [name]: 'not-a-date' }
    }
    return { ...values, [name]: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` }
  })

/** A news article's editable fields; the publication date comes from a date input. */
export const newsData = z.pipe(
  joinDateParts('publicationDate'),
  z.object({
    slug,
    title: line('Title'),
    summary: text('Summary', 300),
    body: text('Body', 50_000),
    publicationDate: optionalDate('Publication date'),
  }),
)

/** A vacancy's editable fields. */
export const vacancyData = z.object({
  slug,
  title: line('Title'),
  summary: text('Summary', 300),
  grade: line('Grade', 100),
  location: line('Location', 100),
  salary: line('Salary', 100),
  closingDate: z
    .string({ error: 'Enter a closing date' })
    .check(
      z.trim(),
      z.regex(
        /^\d{4}-\d{2}-\d{2}$/,
        'Enter the closing date as year, month and day, like 2027-03-31',
      ),
      z.refine(isIsoDate, 'Closing date must be a real date'),
    ),
  body: text('Body', 50_000),
})

/** How each field is edited: its label, hint and control. */
export type FieldSpec = {
  name: string
  label: string
  hint?: string
  /** `date`: a GOV.UK date input, its three boxes named by `dateParts`. */
  control: 'input' | 'textarea' | 'markdown' | 'parent' | 'date'
  width?: string
}

/** The change notes form: minor (no public note) or major, with its note. */
const CHANGE_TYPES = ['minor', 'major'] as const

/**
 * The type of change and its public change note, read from the edit form: the note for a
 * major change, null for a minor one (no note is shown or kept).
 */
export const changeNoteData = z.pipe(
  z
    .object({
      changeType: z._default(z.enum(CHANGE_TYPES, 'Choose the type of change'), 'minor'),
      changeNote: z._default(z.string(), '').check(z.trim()),
    })
    .check(
      z.refine((v) => v.changeType === 'minor' || v.changeNote !== '', {
        message: 'Enter a change note',
        path: ['changeNote'],
      }),
      z.refine((v) => v.changeType === 'minor' || v.changeNote.length <= 500, {
        message: 'Change note must be 500 characters or less',
        path: ['changeNote'],
      }),
      z.refine((v) => v.changeType === 'minor' || isReadable(v.changeNote), {
        message: 'Change note must not include control characters',
        path: ['changeNote'],
      }),
    ),
  z.transform((v) => (v.changeType === 'major' ? v.changeNote : null)),
)

const common = {
  title: { name: 'title', label: 'Title', control: 'input' },
  summary: {
    name: 'summary',
    label: 'Summary',
    hint: 'One or two sentences. Shown under the title, in lists and to search engines.',
    control: 'textarea',
  },
  body: {
    name: 'body',
    label: 'Body',
    hint: 'Markdown: ## for a heading, - for a bullet, [link text](/path) for a link. HTML is shown as text.',
    control: 'markdown',
  },
  slug: {
    name: 'slug',
    label: 'Web address',
    hint: 'The last part of the address: lower-case letters, numbers and hyphens. Leave it empty to make it from the title.',
    control: 'input',
  },
} as const satisfies Record<string, FieldSpec>

/** The edit form of each kind of content, in page order. */
export const FIELDS: Record<'page' | 'news' | 'vacancy', FieldSpec[]> = {
  page: [
    common.title,
    {
      name: 'path',
      label: 'Path',
      hint: 'The address of the page, like /threats/fraud. Leave it empty to make it from the parent page and the title. Changing it leaves a redirect from the old one.',
      control: 'input',
    },
    { name: 'parentId', label: 'Parent page', control: 'parent' },
    {
      name: 'navOrder',
      label: 'Navigation order (optional)',
      hint: 'Position among its parent’s pages; top-level pages with a number appear in the main menu',
      control: 'input',
      width: 'govuk-input--width-4',
    },
    common.summary,
    common.body,
  ],
  news: [
    common.title,
    common.slug,
    {
      name: 'publicationDate',
      label: 'Publication date (optional)',
      hint: 'For an article first published before, for example 7 10 2013. Leave it empty for the day it is published.',
      control: 'date',
    },
    common.summary,
    common.body,
  ],
  vacancy: [
    common.title,
    common.slug,
    common.summary,
    { name: 'grade', label: 'Grade', control: 'input', width: 'govuk-input--width-20' },
    { name: 'location', label: 'Location', control: 'input', width: 'govuk-input--width-20' },
    { name: 'salary', label: 'Salary', control: 'input', width: 'govuk-input--width-20' },
    {
      name: 'closingDate',
      label: 'Closing date',
      hint: 'Year, month and day, like 2027-03-31. Applications close at 11:59pm UK time.',
      control: 'input',
      width: 'govuk-input--width-10',
    },
    common.body,
  ],
}
