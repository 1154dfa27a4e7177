import { env } from 'cloudflare:test'
import { hashPassword } from '../src/auth/password.ts'
import { hotp, newTotpSecret, timeStep } from '../src/auth/totp.ts'
import { ORIGIN, newClientIp, request } from './helpers.ts'

/** The password every test account has. */
export const PASSWORD = 'correct horse battery staple'

// Hashing costs ~150 ms, so the accounts share one hash.
let passwordHash: string | undefined

/**
 * A staff account in the test file's D1, with a TOTP key unless `totp` is false, and a password
 * it must replace at its next sign-in when `mustChangePassword` is true.
 */
export const createStaff = async (options: {
  email: string
  role: 'editor' | 'publisher' | 'admin'
  totp?: boolean
  name?: string
  mustChangePassword?: boolean
}) => {
  passwordHash ??= hashPassword(PASSWORD)
  const secret = options.totp === false ? null : newTotpSecret()
  const row = await env.DB.prepare(
    'INSERT INTO staff (email, name, role, password_hash, totp_secret, must_change_password) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  )
    .bind(
      options.email,
      options.name ?? options.email.split('@')[0],
      options.role,
      passwordHash,
      secret,
      options.mustChangePassword ? 1 : 0,
    )
    .first<{ id: number }>()
  return { id: row!.id, email: options.email, secret }
}

/** A staff account as the publishing functions take it (src/publishing/result.ts `Actor`). */
export const createActor = async <R extends 'editor' | 'publisher' | 'admin'>(
  email: string,
  role: R,
) => ({ id: (await createStaff({ email, role })).id, role })

/** The session cookie a response sets, as a Cookie header value. */
export const sessionCookie = (res: Response) => {
  const set = res.headers.get('Set-Cookie') ?? ''
  const match = set.match(/__Host-soca-session=([^;]*)/)
  return match?.[1] ? `__Host-soca-session=${match[1]}` : undefined
}

/** The CSRF token in a page's forms. */
export const csrfFrom = (html: string) => html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? ''

/** Text from an HTML attribute or element, as the browser reads it. */
const unescapeHtml = (t: string) =>
  t
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

/**
 * The values an edit form holds, as a browser would send it back: its text inputs, textareas
 * and chosen parent page (when it has the field), with its CSRF token.
 */
export const editFormValues = (html: string) => {
  const values: Record<string, string> = { csrf: csrfFrom(html) }
  for (const m of html.matchAll(
    /<input class="govuk-input[^"]*" id="[^"]*" name="([^"]+)"[^>]*value="([^"]*)"/g,
  )) {
    values[m[1]!] = unescapeHtml(m[2]!)
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    values[m[1]!] = unescapeHtml(m[2]!)
  }
  const parent = html.match(/<option value="(\d+)" selected=""/)?.[1]
  if (html.includes('name="parentId"')) values.parentId = parent ?? ''
  return values
}

/** A code the account has not used yet: the earliest step in the ±1 window after its last. */
export const nextCode = async (staffId: number, secret: string) => {
  const row = await env.DB.prepare('SELECT totp_last_step AS last FROM staff WHERE id = ?')
    .bind(staffId)
    .first<{ last: number | null }>()
  const current = timeStep(new Date())
  const step = [current - 1, current, current + 1].find(
    (s) => row?.last === null || row?.last === undefined || s > row.last,
  )
  if (step === undefined) throw new Error('no unused TOTP step left in the window')
  return hotp(secret, step)
}

/** A browser-like client: keeps the session cookie and sends same-origin form POSTs. */
export const client = (ip = newClientIp()) => {
  let cookie: string | undefined
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('Cookie', cookie)
    headers.set('CF-Connecting-IP', ip)
    if (init.method === 'POST') {
      headers.set('Origin', ORIGIN)
      headers.set('Sec-Fetch-Site', 'same-origin')
    }
    const res = await request(path, { ...init, headers, redirect: 'manual' })
    const set = res.headers.get('Set-Cookie')
    if (set?.includes('__Host-soca-session=')) cookie = sessionCookie(res)
    return res
  }
  return {
    get cookie() {
      return cookie
    },
    set cookie(value: string | undefined) {
      cookie = value
    },
    get: (path: string, init?: RequestInit) => send(path, init),
    post: (path: string, fields: Record<string, string>) =>
      send(path, { method: 'POST', body: new URLSearchParams(fields) }),
    /** POSTs with the CSRF token from the page at `from` (default: the path itself). */
    submit: async (path: string, fields: Record<string, string> = {}, from = '/admin') => {
      const csrf = csrfFrom(await (await send(from)).text())
      return send(path, { method: 'POST', body: new URLSearchParams({ ...fields, csrf }) })
    },
  }
}

/** Signs an account in with password and TOTP, returning the signed-in client. */
export const signedIn = async (member: { id: number; email: string; secret: string | null }) => {
  // Codes cannot be reused, so an account signs in at most three times in one 30-second window.
  // Tests sign in far more often; forgetting the last step stands in for time passing.
  await env.DB.prepare('UPDATE staff SET totp_last_step = NULL WHERE id = ?').bind(member.id).run()
  const browser = client()
  const first = await browser.post('/admin/sign-in', { email: member.email, password: PASSWORD })
  if (first.status !== 303) throw new Error(`sign-in answered ${first.status}`)
  const csrf = csrfFrom(await (await browser.get('/admin/two-factor')).text())
  const second = await browser.post('/admin/two-factor', {
    code: await nextCode(member.id, member.secret!),
    csrf,
  })
  if (second.headers.get('Location') !== '/admin')
    throw new Error(`two-factor answered ${second.status}`)
  return browser
}

/** The audit entries, oldest first. */
export const auditEntries = async () =>
  (
    await env.DB.prepare('SELECT actor_id, action, target, detail FROM audit_log ORDER BY id').all<{
      actor_id: number | null
      action: string
      target: string
      detail: string
    }>()
  ).results

/** A signed-in client of the staff area, as `signedIn` gives one. */
export type StaffBrowser = Awaited<ReturnType<typeof signedIn>>

/** The editor (Ed Editor) and publisher (Pat Publisher) most staff-area tests act as, signed in. */
export const editorAndPublisher = async () => {
  const e = await createStaff({ email: 'ed@example.com', role: 'editor', name: 'Ed Editor' })
  const p = await createStaff({
    email: 'pat@example.com',
    role: 'publisher',
    name: 'Pat Publisher',
  })
  return {
    editorId: e.id,
    publisherId: p.id,
    editor: await signedIn(e),
    publisher: await signedIn(p),
  }
}
