/**
 * The value of one cookie in a Cookie header, or undefined. The public Worker reads only two
 * cookies, by exact name, and never sets one, so this stands in for hono/cookie's full parser
 * and serializer (about 1 KB of gzip in a bundle with a 100 KB budget).
 */
export const cookieValue = (header: string | undefined, name: string) => {
  for (const part of (header ?? '').split(';')) {
    const pair = part.trim()
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1)
  }
  return undefined
}
