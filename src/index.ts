/**
 * ametijuhend's programmatic API: compile job descriptions to a typed model with positioned
 * diagnostics, and (lazily loaded) render them.
 */
export { compileFile, compileSource, type CompileOptions, type CompileResult } from './compiler/compile.js';
export { ConfigLoader, CONFIG_NAME } from './config/load.js';
export type { ResolvedConfig, Catalogue } from './config/types.js';
export type * from './model/types.js';
export { SECTION_KEYS } from './model/types.js';
export { LABELS, languageName, languageNames } from './model/i18n.js';
export type { Diagnostic, Severity, MessageLang } from './validate/diagnostic.js';
export { RULES } from './validate/rules/index.js';
export { descriptionSchema, configSchema } from './validate/schema.js';
export { VERSION } from './util/version.js';
