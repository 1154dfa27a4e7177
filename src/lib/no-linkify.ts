/**
 * Stands in for linkify-it, which markdown-it always imports but only uses with `linkify: true`.
 * Bodies are rendered with linkify off (lib/markdown.ts), so its 11 KB of URL tables never run;
 * wrangler.toml's [alias] swaps this in to keep the public Worker's bundle small.
 */
export class LinkifyIt {
  test() {
    return false
  }
  pretest() {
    return false
  }
  match() {
    return null
  }
  matchAtStart() {
    return null
  }
  set() {
    return this
  }
}
