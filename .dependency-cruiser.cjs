// Import boundaries of src, checked in CI by `npm run check:boundaries`. Each rule says why.
// Paths are relative to the repository root. Any violation is an error and fails the run.
//
// dependency-cruiser parses the sources with swc (@swc/core): TypeScript 7 has no JS API for it
// to use. With tsPreCompilationDeps it reports `import type` as dependency type 'type-only'.
// It still prints a 'missing-tsc-transpiler' notice, as it looks for the typescript package
// first; the module count it reports (every file in src) shows that swc read them all.
const TYPE_ONLY = ['type-only']

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Import cycles make load order matter and hide which layer depends on which; ' +
        'move the shared part into a module both can import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      comment:
        'src/lib holds pure helpers any layer (and the unit tests in Node) can use, so it ' +
        'must not reach into the database, views, routes, http, auth, publishing, ' +
        'middleware, forms or env.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'db-only-db',
      comment:
        'src/db is the data layer: queries and the schema. It knows nothing of requests, ' +
        'pages or forms, so it can be used from routes, jobs, scripts and publishing alike.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/db/' },
    },
    {
      name: 'views-not-to-app',
      comment:
        'Views render what they are given. Routes, middleware and http helpers call views, ' +
        'not the other way round; of auth, only the permission table may decide what is shown.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: {
        path: '^src/(routes|middleware|http|publishing|auth)/',
        pathNot: '^src/auth/permissions[.]ts$',
      },
    },
    {
      name: 'views-db-types-only',
      comment:
        'Views may name the row types of src/db but never run a query: data comes in as props, ' +
        'so a page renders the same in a test as in a request. Use `import type`.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/db/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'publishing-boundaries',
      comment:
        'Publishing is the domain logic of content, used from admin routes and jobs alike; it ' +
        'works on data (db, lib, forms, permissions) and never on requests or pages.',
      severity: 'error',
      from: { path: '^src/publishing/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(publishing|db|lib|forms)/', '^src/auth/permissions[.]ts$'],
      },
    },
    {
      name: 'auth-not-to-app',
      comment:
        'Auth (passwords, sessions, tokens, permissions) sits below the web layer and ' +
        'publishing, which both use it; it must not depend on them in return.',
      severity: 'error',
      from: { path: '^src/auth/' },
      to: { path: '^src/(routes|views|http|middleware|publishing)/' },
    },
    {
      name: 'http-not-to-routes',
      comment:
        'src/http holds request helpers shared by routes; a helper that needs a route or ' +
        'publishing belongs in that route or in publishing.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(routes|publishing)/' },
    },
    {
      name: 'forms-boundaries',
      comment:
        'Form schemas check input and nothing else, so views, routes and publishing can all ' +
        'share them; they may use lib, name db types, and read the password rules of auth.',
      severity: 'error',
      from: { path: '^src/forms/' },
      to: { path: '^src/', pathNot: ['^src/(forms|lib|db)/', '^src/auth/password[.]ts$'] },
    },
    {
      name: 'forms-db-types-only',
      comment:
        'Checking a form never queries the database: name db types with `import type`. The ' +
        "schema's value lists (roles, statuses) may be imported, so a form accepts exactly what " +
        'its column does.',
      severity: 'error',
      from: { path: '^src/forms/' },
      to: { path: '^src/db/', pathNot: '^src/db/schema[.]ts$', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'middleware-not-to-routes-or-views',
      comment:
        'Middleware wraps every route; it renders through src/http (errors, page chrome) so ' +
        'that it never pulls a route or a page into every request directly.',
      severity: 'error',
      from: { path: '^src/middleware/' },
      to: { path: '^src/(routes|views)/' },
    },
    {
      name: 'routes-are-entry-points',
      comment:
        'Routes are mounted by the two Workers (src/index.tsx, src/admin.tsx) and nothing ' +
        'else; code other layers need moves out of src/routes.',
      severity: 'error',
      from: { pathNot: '^src/(routes/|index[.]tsx$|admin[.]tsx$)' },
      to: { path: '^src/routes/' },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'devDependencies are not deployed with the Worker bundle; a runtime import of one ' +
        'works in tests and breaks in production. Move the package to dependencies.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: TYPE_ONLY,
        pathNot: 'node_modules/@types/',
      },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that cannot be resolved escapes every rule above, so it fails the check ' +
        "too (the Workers runtime's own cloudflare: modules excepted).",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^cloudflare:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
    parser: 'swc',
    // Keep imports that vanish at run time (type-only), so the rules can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['workerd', 'worker', 'import', 'require', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      // Imports name the file with its extension (allowImportingTsExtensions), so these only
      // serve packages.
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
}
