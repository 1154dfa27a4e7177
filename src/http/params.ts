import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'

/**
 * A route's numeric id parameter (declared `/:id{[0-9]+}`, so routing already refuses other
 * text) as a positive safe integer. Zero, or digits too long to be an id, are not found either.
 */
export const numericParam = (c: Context, name: string): number => {
  const id = Number(c.req.param(name))
  if (!Number.isSafeInteger(id) || id <= 0) throw new HTTPException(404)
  return id
}

/** A whole number from 1 as text, or NaN: `Number` alone would take 1e3, 0x10 and 1.0. */
export const wholeNumber = (text: string) =>
  /^[0-9]+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) >= 1
    ? Number(text)
    : Number.NaN

/**
 * The `page` a paginated list asks for: 1 when absent, else a whole number from 1 (400 with a
 * message otherwise). A page whose first row's offset is past any safe integer is not found.
 */
export const pageParam = (c: Context, pageSize: number): number => {
  const text = c.req.query('page')?.trim()
  const page = text ? wholeNumber(text) : 1
  if (Number.isNaN(page)) {
    throw new HTTPException(400, { message: 'The page number must be a whole number from 1.' })
  }
  if (!Number.isSafeInteger((page - 1) * pageSize)) throw new HTTPException(404)
  return page
}

/**
 * The success notice a redirect's `?done=` names, if it is one of `notices`. An own key only:
 * `constructor` and `toString` are on every object.
 */
export const doneNotice = (c: Context, notices: Record<string, string>) => {
  const done = c.req.query('done') ?? ''
  return Object.hasOwn(notices, done) ? notices[done] : undefined
}
