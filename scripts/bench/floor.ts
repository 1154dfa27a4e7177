// The bench's floor route (bench/worker.ts), apart so the bench script can name it
// without importing the Worker.

/** The floor route's path. Production has no such route: it answers 404 there. */
export const FLOOR_PATH = '/__floor'

/** About the size of a content page (7.9 KB), so the floor moves as many bytes as one. */
export const FLOOR_BYTES = 7900

/**
 * The D1 floor: the floor's answer after one trivial D1 query (`SELECT 1`, in a session as the
 * site opens one), so the bench can tell what any page that reads D1 costs in wrangler dev from
 * what the site's own code adds.
 */
export const FLOOR_D1_PATH = '/__floor-d1'
