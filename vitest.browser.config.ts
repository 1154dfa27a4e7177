import { defineConfig } from 'vitest/config'

// Browser checks run in Node, driving Debian's Chromium against the site `npm start` serves.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['./test/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
