// Unpublished content shown as its public page will look, with a banner saying it is a
// preview: for staff (from the editor) and for those a share link was sent to.
import type { Context } from 'hono'
import type { ContentData, EditableKind } from '../../db/content.ts'
import type { AppEnv, StaffEnv } from '../../env.ts'
import { type TreePart, batchWithChrome } from '../../http/page-chrome.ts'
import { breadcrumbsTo, breadcrumbsUnder, childPages } from '../../lib/site-tree.ts'
import { attachmentFilesFor } from '../attachments.ts'
import type { PreviewNotice } from '../../views/components/preview-banner.tsx'
import { withAttachments } from '../../views/components/attachment-context.tsx'
import { ContentPage } from '../../views/pages/content-page.tsx'
import { NewsArticlePage } from '../../views/pages/news-article-page.tsx'
import { VacancyPage } from '../../views/pages/vacancy-page.tsx'

/** The parts of a staff or public context a preview reads. */
type PreviewContext = Context<StaffEnv> | Context<AppEnv>

/** Renders an item's data as its public page, under the live chrome, with the preview banner. */
export const renderPreview = async <K extends EditableKind>(
  c: PreviewContext,
  kind: K,
  id: number,
  data: ContentData[K],
  notice: PreviewNotice,
): Promise<Response> => {
  // The part of the tree the page shows where its draft puts it; an article's or a vacancy's
  // breadcrumbs are those of the page it is listed on.
  const part: TreePart =
    kind === 'page'
      ? { id, parentId: (data as ContentData['page']).parentId }
      : { path: kind === 'news' ? '/news' : '/careers' }
  const { tree, chrome: live } = await batchWithChrome(c, [], part)
  const chrome = { ...live, preview: notice }
  const now = new Date()
  // Each branch narrows `data` by `kind`: the registry pairs them, TypeScript cannot see it.
  const page = (() => {
    if (kind === 'page') {
      const page = data as ContentData['page']
      return (
        <ContentPage
          chrome={chrome}
          page={page}
          breadcrumbs={breadcrumbsTo(tree, page.parentId)}
          children={childPages(tree, id)}
        />
      )
    }
    if (kind === 'news') {
      const article = data as ContentData['news']
      return (
        <NewsArticlePage
          chrome={chrome}
          article={{ ...article, publishedAt: now, updatedAt: now }}
          breadcrumbs={breadcrumbsUnder(tree, '/news')}
        />
      )
    }
    const vacancy = data as ContentData['vacancy']
    return (
      <VacancyPage
        chrome={chrome}
        vacancy={{
          ...vacancy,
          id,
          status: 'published',
          publishedAt: now,
          publishedRevisionId: null,
          latestRevisionId: null,
          createdAt: now,
          updatedAt: now,
        }}
        breadcrumbs={breadcrumbsUnder(tree, '/careers')}
      />
    )
  })()
  // Never cached anywhere, never indexed: it is not the published version.
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex, nofollow')
  // Library images and documents as the public page will show them (pages and news show them).
  const body =
    kind !== 'vacancy' && 'body' in data && typeof data.body === 'string' ? data.body : ''
  const files = await attachmentFilesFor(c.var.db, body)
  return withAttachments(files, () => c.html(page))
}
