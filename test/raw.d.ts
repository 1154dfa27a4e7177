/** Text files imported whole, as Vite's `?raw` suffix gives them (the agency's source text). */
declare module '*.txt?raw' {
  const text: string
  export default text
}
