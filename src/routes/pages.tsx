import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { latestNewsQuery, newsLinksQuery } from '../db/news.ts'
import { prebuiltPageByPath, prebuiltRedirect, sitemapPagesQuery } from '../db/pages.ts'
import { openVacanciesQuery } from '../db/vacancies.ts'
import type { AppEnv } from '../env.ts'
import { batchWithChrome } from '../http/page-chrome.ts'
import { ukToday } from '../lib/dates.ts'
import { hasControlCharacter, onSitePath } from '../lib/site-path.ts'
import { breadcrumbsTo, childPages, pageTree } from '../lib/site-tree.ts'
import { attachmentFilesFor } from './attachments.ts'
import { withAttachments } from '../views/components/attachment-context.tsx'
import { ContentPage } from '../views/pages/content-page.tsx'
import { HomePage } from '../views/pages/home-page.tsx'
import { SitemapPage } from '../views/pages/sitemap-page.tsx'

/** The home page, the HTML sitemap, and every other page of the pages table by its path. */
export const pages = new Hono<AppEnv>()

pages.get('/', async (c) => {
  const db = c.var.db
  const {
    chrome,
    results: [[page], latestNews],
  } = await batchWithChrome(c, [prebuiltPageByPath(db, '/'), latestNewsQuery(db, 3, new Date())])
  if (!page || page.status !== 'published') throw new HTTPException(404)
  return c.html(<HomePage chrome={chrome} page={page} latestNews={latestNews} />)
})

/** How many of the newest articles the HTML sitemap lists; /news lists them all. */
const SITEMAP_NEWS = 20

// At any size of site the sitemap lists the top two levels of pages, the newest articles and
// the open vacancies: each deeper page is listed on the page above it (the section lists).
pages.get('/sitemap', async (c) => {
  const db = c.var.db
  const now = new Date()
  const {
    tree,
    chrome,
    results: [entries, news, vacancies],
  } = await batchWithChrome(c, [
    sitemapPagesQuery(db),
    newsLinksQuery(db, 1, SITEMAP_NEWS + 1, now),
    openVacanciesQuery(db, ukToday(now)),
  ])
  const page = tree.find((p) => p.path === '/sitemap')
  if (!page) throw new HTTPException(404)
  return c.html(
    <SitemapPage
      chrome={chrome}
      page={page}
      breadcrumbs={breadcrumbsTo(tree, page.parentId)}
      tree={pageTree(entries)}
      extra={{
        '/news': news
          .slice(0, SITEMAP_NEWS)
          .map((a) => ({ href: `/news/${a.slug}`, text: a.title })),
        '/careers': vacancies.map((v) => ({ href: `/careers/vacancies/${v.slug}`, text: v.title })),
      }}
      more={news.length > SITEMAP_NEWS ? { '/news': { href: '/news', text: 'All news' } } : {}}
    />,
  )
})

// Any other path is a page from the pages table, so staff can add pages without code.
pages.get('*', async (c) => {
  const path = c.req.path
  if (hasControlCharacter(path)) throw new HTTPException(404)
  if (path.length > 1 && path.endsWith('/')) {
    // Only ever to a path on this site: `//evil.example/` goes to /evil.example, not away.
    const url = new URL(c.req.url)
    // Through URL, so a decoded é goes back out percent-encoded, as a header must carry it.
    const target = new URL(onSitePath(path.replace(/\/+$/, '')), url.origin)
    return c.redirect(`${target.pathname}${url.search}`, 301)
  }
  const db = c.var.db
  const {
    tree,
    chrome,
    results: [[page], [redirect]],
  } = await batchWithChrome(c, [prebuiltPageByPath(db, path), prebuiltRedirect(db, path)])
  if (page?.status === 'unpublished') throw new HTTPException(410)
  if (!page || page.status !== 'published') {
    if (redirect) return c.redirect(redirect.toPath, 301)
    throw new HTTPException(404)
  }
  const files = await attachmentFilesFor(db, page.body)
  return withAttachments(files, () =>
    c.html(
      <ContentPage
        chrome={chrome}
        page={page}
        breadcrumbs={breadcrumbsTo(tree, page.parentId)}
        children={childPages(tree, page.id)}
      />,
    ),
  )
})
