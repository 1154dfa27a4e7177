// The bench's floor route (bench/worker.ts), apart so the bench script can name it
// without importing the Worker.

/** The floor route's path. Production has no such route: it answers 404 there. */
export const FLOOR_PATH = '/__floor'

/** About the size of a content page (7.9 KB), so the floor moves as many bytes as one. */
export const FLOOR_BYTES = 7900
