// The content-kind registry: one entry per kind of content staff edit, joining how it is stored
// (db/content-tables.ts) with how it is edited (its schema and form) and where it lives on the
// site. Routes and the publishing functions read everything kind-specific from here.
import type * as z from 'zod/mini'
import type { ContentData, EditableKind } from '../db/content-tables.ts'
import { FIELDS, type FieldSpec, newsData, pageData, vacancyData } from '../forms/content.ts'

/** One kind of content, as staff edit it. */
export type ContentKindSpec<K extends EditableKind> = {
  kind: K
  /** Names for headings and messages, and where its staff pages are. */
  labels: { singular: string; plural: string; base: string }
  /** Checks an edit form; its output is exactly the kind's editable columns. */
  schema: z.ZodMiniType<ContentData[K]>
  /** The edit form's fields, in page order. */
  fields: FieldSpec[]
  /** Where an item is on the public site. */
  publicPath: (data: ContentData[K]) => string
  /** Whether a major change gets a public change note (vacancies have none). */
  changeNotes: boolean
}

/** Every kind of content staff edit. */
export const CONTENT_KINDS: { [K in EditableKind]: ContentKindSpec<K> } = {
  page: {
    kind: 'page',
    labels: { singular: 'Page', plural: 'Pages', base: '/admin/pages' },
    schema: pageData,
    fields: FIELDS.page,
    publicPath: (data) => data.path,
    changeNotes: true,
  },
  news: {
    kind: 'news',
    labels: { singular: 'News article', plural: 'News', base: '/admin/news' },
    schema: newsData,
    fields: FIELDS.news,
    publicPath: (data) => `/news/${data.slug}`,
    changeNotes: true,
  },
  vacancy: {
    kind: 'vacancy',
    labels: { singular: 'Vacancy', plural: 'Vacancies', base: '/admin/vacancies' },
    schema: vacancyData,
    fields: FIELDS.vacancy,
    publicPath: (data) => `/careers/vacancies/${data.slug}`,
    changeNotes: false,
  },
}
