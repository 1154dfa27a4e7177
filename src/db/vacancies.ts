import { and, asc, count, eq, gte, inArray } from 'drizzle-orm'
import type { Database } from './client.ts'
import { vacancies } from './schema.ts'

/** Query for published vacancies still open on `today` (YYYY-MM-DD), closing soonest first. */
export const openVacanciesQuery = (db: Database, today: string) =>
  db
    .select({
      slug: vacancies.slug,
      title: vacancies.title,
      summary: vacancies.summary,
      grade: vacancies.grade,
      location: vacancies.location,
      salary: vacancies.salary,
      closingDate: vacancies.closingDate,
      updatedAt: vacancies.updatedAt,
    })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'published'), gte(vacancies.closingDate, today)))
    .orderBy(asc(vacancies.closingDate), asc(vacancies.title))

/**
 * Query for part `part` (1-based) of the open vacancies' addresses, at most `size`, for
 * sitemap.xml: read in order from the (status, closing_date) index.
 */
export const openVacancyLinksQuery = (db: Database, part: number, size: number, today: string) =>
  db
    .select({ slug: vacancies.slug, updatedAt: vacancies.updatedAt })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'published'), gte(vacancies.closingDate, today)))
    .orderBy(asc(vacancies.closingDate), asc(vacancies.id))
    .limit(size)
    .offset((part - 1) * size)

/** Query for how many published vacancies are open on `today` (from the index alone). */
export const openVacancyCountQuery = (db: Database, today: string) =>
  db
    .select({ total: count() })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'published'), gte(vacancies.closingDate, today)))

/** Query for a vacancy by slug that is published or was taken down (zero or one row). */
export const vacancyBySlugQuery = (db: Database, slug: string) =>
  db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.slug, slug), inArray(vacancies.status, ['published', 'unpublished'])))
    .limit(1)

/** An open vacancy as the careers list receives it. */
export type VacancyListItem = Awaited<ReturnType<typeof openVacanciesQuery>>[number]
/** A vacancy as its own page receives it. */
export type Vacancy = typeof vacancies.$inferSelect
