/**
 * Stands in for punycode.js, which markdown-it imports only to turn a link's international
 * domain name (like bücher.example) into its ASCII form and back. Staff link to ASCII hosts;
 * an international one stays as typed, which browsers convert themselves when the link is
 * followed. wrangler.toml's [alias] swaps this in to keep the public Worker within its budget.
 */
const identity = (hostname: string) => hostname

export default { toASCII: identity, toUnicode: identity }
