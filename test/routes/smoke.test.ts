import { describe, expect, it } from 'vitest'
import { request } from '../helpers.ts'

describe('GET /', () => {
  it('renders the home page', async () => {
    const res = await request('/')
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('<h1')
  })
})
