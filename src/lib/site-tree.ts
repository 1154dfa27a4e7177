/** What the tree helpers need of a published page; callers pass richer rows through. */
export type SitePage = {
  id: number
  parentId: number | null
  path: string
  title: string
  navOrder: number | null
}

/** A link in navigation, breadcrumbs or a list of pages. */
export type Link = { href: string; text: string }

/** The header navigation: top-level pages with a navigation order, in that order. */
export const navigationLinks = (tree: SitePage[]): Link[] =>
  tree
    .filter((p) => p.parentId === null && p.navOrder !== null)
    .sort((a, b) => (a.navOrder ?? 0) - (b.navOrder ?? 0))
    .map((p) => ({ href: p.path, text: p.title }))

/** Published children of a page, in navigation order, then by title. */
export const childPages = <P extends SitePage>(tree: P[], parentId: number): P[] =>
  tree
    .filter((p) => p.parentId === parentId)
    .sort((a, b) => (a.navOrder ?? 1e9) - (b.navOrder ?? 1e9) || a.title.localeCompare(b.title))

/** Breadcrumbs to a page: Home, then each published ancestor, nearest last. */
export const breadcrumbsTo = (tree: SitePage[], parentId: number | null): Link[] => {
  const byId = new Map(tree.map((p) => [p.id, p]))
  const trail: Link[] = []
  const seen = new Set<number>()
  for (let id = parentId; id !== null && !seen.has(id);) {
    seen.add(id)
    const parent = byId.get(id)
    if (!parent) break
    if (parent.path !== '/') trail.unshift({ href: parent.path, text: parent.title })
    id = parent.parentId
  }
  return [{ href: '/', text: 'Home' }, ...trail]
}

/** A node of the HTML sitemap. */
export type TreeNode<P extends SitePage = SitePage> = { page: P; children: TreeNode<P>[] }

/** The published pages as a tree under their roots (the home page first). */
export const pageTree = <P extends SitePage>(tree: P[]): TreeNode<P>[] => {
  const build = (parentId: number | null): TreeNode<P>[] =>
    (parentId === null
      ? tree.filter((p) => p.parentId === null || !tree.some((q) => q.id === p.parentId))
      : childPages(tree, parentId)
    ).map((page) => ({ page, children: build(page.id) }))
  return build(null).sort((a, b) => (a.page.path === '/' ? -1 : b.page.path === '/' ? 1 : 0))
}

/** Breadcrumbs for an item listed on the page at `path` (an article, a vacancy): to that page. */
export const breadcrumbsUnder = (tree: SitePage[], path: string): Link[] => {
  const page = tree.find((p) => p.path === path)
  if (!page) return [{ href: '/', text: 'Home' }]
  return [...breadcrumbsTo(tree, page.parentId), { href: page.path, text: page.title }]
}
