/**
 * ametijuhend's programmatic API: compile job descriptions to a typed model with positioned
 * diagnostics, and (lazily loaded) render them.
 */
export { compileFile, compileSource, type CompileOptions, type CompileResult } from './compiler/compile.js';
export { ConfigLoader, CONFIG_NAME } from './config/load.js';
export type { ResolvedConfig, Catalogue } from './config/types.js';
export type * from './model/types.js';
export { SECTION_KEYS } from './model/types.js';
export { LABELS, type DocumentLabels } from './render/common/labels.js';
export { languageName, languageNames } from './util/languages.js';
export type { Diagnostic, Severity, MessageLang } from './validate/diagnostic.js';
export { RULES } from './validate/rules/index.js';
export { descriptionSchema, configSchema } from './validate/schema.js';
export { VERSION } from './util/version.js';
