import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { content } from '../../seed/content.ts'
import { seedStatements } from '../../seed/sql.ts'

const countRows = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n

describe('seedStatements', () => {
  it('loads every page, article and vacancy of the seed content', async () => {
    expect(await countRows('pages')).toBe(content.pages.length)
    expect(await countRows('news_articles')).toBe(content.news.length)
    expect(await countRows('vacancies')).toBe(content.vacancies.length)
  })

  it('links each page to its parent', async () => {
    const row = await env.DB.prepare(
      `SELECT parent.path AS parent FROM pages child JOIN pages parent ON parent.id = child.parent_id
       WHERE child.path = '/threats/fraud'`,
    ).first<{ parent: string }>()
    expect(row?.parent).toBe('/threats')
  })

  it('neither duplicates content nor overwrites staff edits when run again', async () => {
    await env.DB.prepare(`UPDATE pages SET title = 'Edited by staff' WHERE path = '/about'`).run()
    await env.DB.prepare(`UPDATE settings SET value = '' WHERE key = 'site_notice'`).run()
    await env.DB.batch(seedStatements(content).map((s) => env.DB.prepare(s)))
    expect(await countRows('pages')).toBe(content.pages.length)
    expect(await countRows('news_articles')).toBe(content.news.length)
    const about = await env.DB.prepare(`SELECT title FROM pages WHERE path = '/about'`).first()
    expect(about?.title).toBe('Edited by staff')
    const notice = await env.DB.prepare(
      `SELECT value FROM settings WHERE key = 'site_notice'`,
    ).first()
    expect(notice?.value).toBe('')
  })

  it('sets the site notice to SOCA joining the National Crime Agency on 7 October 2013', () => {
    expect(content.siteNotice).toContain('7 October 2013')
    expect(content.siteNotice).toContain('National Crime Agency')
  })
})
