/**
 * The layers of src/ (README "Architecture"), checked by `npm run lint:deps` (dependency-cruiser).
 * Type-only imports count: a cycle through a type is still a cycle for whoever reads the code.
 */
/** What renderers and reporters may read besides their own folder: the model, diagnostics, util. */
const SHARED = '^src/(model|util)/|^src/validate/diagnostic[.]ts$';

export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No import cycle, not even through a type-only import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'render-reads-model-only',
      comment:
        'Renderers take the model and nothing else: they import src/model, src/validate/diagnostic.ts, src/util and src/render (and npm packages).',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/', pathNot: `${SHARED}|^src/render/` },
    },
    {
      name: 'renderers-stay-apart',
      comment: 'One renderer never imports another; what they share lives in src/render/common.',
      severity: 'error',
      from: { path: '^src/render/(pdf|html|docx)/' },
      to: { path: '^src/render/(pdf|html|docx)/', pathNot: '^src/render/$1/' },
    },
    {
      name: 'model-as-types-only',
      comment:
        "Renderers and reporters read the model as types (import type): building a model is the compiler's job.",
      severity: 'error',
      from: { path: '^src/(render|report)/' },
      to: { path: '^src/model/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'report-reads-diagnostics-only',
      comment:
        'Reporters format diagnostics: they import src/model, src/validate/diagnostic.ts, src/util and src/report (and npm packages).',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/', pathNot: `${SHARED}|^src/report/` },
    },
    {
      name: 'library-never-imports-cli',
      comment:
        'Only src/cli imports src/cli: the library (src/index.ts and all it reaches) works without it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'util-imports-nothing-of-ours',
      comment: 'src/util is the bottom layer: it imports only itself, node: and npm packages.',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'parse-reads-text-only',
      comment: 'The parser turns text into trees: it imports only src/parse and src/util.',
      severity: 'error',
      from: { path: '^src/parse/' },
      to: { path: '^src/', pathNot: '^src/(parse|util)/' },
    },
    {
      name: 'model-built-from-parse',
      comment:
        "The model and its builder read a parsed source (and the config's types): src/model, src/parse, src/util, src/config/types.ts.",
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/(model|parse|util)/|^src/config/types[.]ts$' },
    },
    {
      name: 'stages-below-the-drivers',
      comment:
        'The stages and services never import the drivers: compiler, project, build, import, signing, diff, cli and the public index sit on top.',
      severity: 'error',
      from: { path: '^src/(parse|model|validate|render|report|config|fs|util|messages)/' },
      to: { path: '^src/(compiler|project|build|import|signing|diff|preview|lsp|cli)/|^src/index[.]ts$' },
    },
    {
      name: 'import-readers-read-files-only',
      comment:
        'An import reader (DOCX, PDF) knows its file format and nothing of job descriptions: it imports its own folder, src/import/types.ts and src/util.',
      severity: 'error',
      from: { path: '^src/import/(docx|pdf)/' },
      to: { path: '^src/', pathNot: '^src/import/$1/|^src/import/types[.]ts$|^src/util/' },
    },
    {
      name: 'import-recogniser-reads-no-files',
      comment:
        'The import recogniser turns a read document into a draft: it imports its own folder, src/import/types.ts, src/model, src/util (never a reader, the driver or the file system layer).',
      severity: 'error',
      from: { path: '^src/import/recognise/' },
      to: { path: '^src/', pathNot: '^src/import/recognise/|^src/import/types[.]ts$|^src/model/|^src/util/' },
    },
    {
      name: 'validate-before-render',
      comment:
        "Rules judge the model before any renderer sees it. One known exception: the pdf-glyph rule reads the PDF fonts' character table (render/pdf/coverage.ts).",
      severity: 'error',
      from: { path: '^src/validate/' },
      to: { path: '^src/(render|report)/', pathNot: '^src/render/pdf/coverage[.]ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a typo in a path, or a package missing from package.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]test[.]ts$' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
