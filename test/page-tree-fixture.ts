// A small page tree for tests of where a page may go: its own for each call, so tests in a
// file never share pages.
import { insertPage, row, rows, sql } from './helpers.ts'

/** The id of the page at a path (which must exist). */
export const pageIdAt = async (path: string) =>
  (await row<{ id: number }>('SELECT id FROM pages WHERE path = ?', path))!.id

/** A page's parent id, as stored. */
export const parentOf = async (id: number) =>
  (await row<{ parent_id: number | null }>('SELECT parent_id FROM pages WHERE id = ?', id))!
    .parent_id

let trees = 0

/**
 * A new tree: root > a > b > c, root > s (a's sibling), and u at the top (a sibling of a's
 * parent). `status` is a's; every other page is published. Answers their ids.
 */
export const newPageTree = async (status: 'published' | 'draft' = 'published') => {
  trees += 1
  const root = `/tree-${trees}`
  await insertPage({ path: root, title: `Root ${trees}` })
  await insertPage({ path: `${root}/a`, title: 'Page A', parentPath: root, status })
  await insertPage({ path: `${root}/a/b`, title: 'Page B', parentPath: `${root}/a` })
  await insertPage({ path: `${root}/a/b/c`, title: 'Page C', parentPath: `${root}/a/b` })
  await insertPage({ path: `${root}/s`, title: 'Page S', parentPath: root })
  await insertPage({ path: `/uncle-${trees}`, title: 'Page U' })
  return {
    root: await pageIdAt(root),
    a: await pageIdAt(`${root}/a`),
    b: await pageIdAt(`${root}/a/b`),
    c: await pageIdAt(`${root}/a/b/c`),
    s: await pageIdAt(`${root}/s`),
    u: await pageIdAt(`/uncle-${trees}`),
  }
}

/** The ids of a tree from newPageTree. */
export type PageTree = Awaited<ReturnType<typeof newPageTree>>

/** The pages a's parent cannot be: a itself, its child b, its grandchild c. */
export const UNDER = [
  ['the page itself', 'a'],
  ['its child', 'b'],
  ['its grandchild', 'c'],
] as const

/** Everything a refused change of a page must leave as it was. */
export const snapshot = async () => ({
  pages: await rows('SELECT * FROM pages ORDER BY id'),
  revisions: await rows('SELECT * FROM revisions ORDER BY id'),
  audit: await rows('SELECT * FROM audit_log ORDER BY id'),
  redirects: await rows('SELECT * FROM redirects ORDER BY from_path'),
  search: await rows('SELECT rowid, path FROM search_index ORDER BY rowid'),
  version: await row("SELECT value FROM settings WHERE key = 'content_version'"),
})

/**
 * Two published pages stored as each other's parent, as data from before the database refused
 * that could hold them: one INSERT of both, as SQLite checks its foreign keys at the end of
 * each statement (an UPDATE making the loop is refused, migration 0012). Answers their ids.
 */
export const storedLoop = async () => {
  trees += 1
  const { id } = (await row<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM pages'))!
  const [p, q] = [id + 1, id + 2]
  await sql(
    `INSERT INTO pages (id, path, parent_id, title, status)
     VALUES (?, ?, ?, 'Loop P', 'published'), (?, ?, ?, 'Loop Q', 'published')`,
    p,
    `/loop-${trees}-p`,
    q,
    q,
    `/loop-${trees}-q`,
    p,
  )
  return { p, q }
}
