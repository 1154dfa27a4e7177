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
