import type { RootContent } from 'mdast';
import type { Position } from 'unist';
import type { AmetijuhendConfig, DocLang, SectionKey } from '../model/types.js';
import type { Diagnostic, SeveritySetting } from '../validate/diagnostic.js';
import type { IgnoreList } from './ignore.js';

export interface CatalogueEntry {
  indicators: string[];
  position: Position;
}

export interface Catalogue {
  path: string;
  entries: Map<string, CatalogueEntry>;
}

export interface DefaultSection {
  /** The Markdown file the section's content comes from. */
  path: string;
  blocks: RootContent[];
}

/** A config file with everything it refers to loaded: catalogue, default sections. */
export interface ResolvedConfig {
  /** The config file, or undefined when no config was found (all defaults). */
  path?: string;
  /** Folder that relative paths in the config are resolved against. */
  dir: string;
  data: AmetijuhendConfig;
  organisation?: string;
  lang?: DocLang;
  catalogue?: Catalogue;
  defaults: Partial<Record<SectionKey, DefaultSection>>;
  extraSections: string[];
  aliases: Partial<Record<SectionKey, string[]>>;
  severities: Record<string, SeveritySetting>;
  reviewMonths?: number;
  /** Titles described outside the repository: references to them are known. */
  knownTitles: string[];
  /** Problems in the config, the catalogue or the default section files. */
  diagnostics: Diagnostic[];
  /** Absolute paths of the files this config refers to (catalogue, defaults): not descriptions. */
  referencedFiles: Set<string>;
  /** The config's `ignore:` patterns (relative to `dir`), when it has any. */
  ignore?: IgnoreList;
  /** Fingerprint of the config and all it refers to (for caches). */
  fingerprint: string;
}
