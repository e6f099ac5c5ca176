/**
 * Every rule, in the order schema errors are offered to them (specific before generic).
 * docs/rules.md is generated from this list (npm run gen:docs).
 */
import type { Rule } from '../rule.js';
import catalogueFormat from './catalogue-format.js';
import configFile from './config-file.js';
import dutiesFormat from './duties-format.js';
import dutiesResults from './duties-results.js';
import duplicateCompetency from './duplicate-competency.js';
import duplicateId from './duplicate-id.js';
import duplicateSection from './duplicate-section.js';
import emptyFile from './empty-file.js';
import emptySection from './empty-section.js';
import encoding from './encoding.js';
import estonianLevelCap from './estonian-level-cap.js';
import fileTooLarge from './file-too-large.js';
import frontmatter from './frontmatter.js';
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import languageCode from './language-code.js';
import languageLevel from './language-level.js';
import missingFile from './missing-file.js';
import missingKey from './missing-key.js';
import markdownLimit from './markdown-limit.js';
import missingSection from './missing-section.js';
import nestingDepth from './nesting-depth.js';
import officialApproval from './official-approval.js';
import pdfGlyph from './pdf-glyph.js';
import rawHtml from './raw-html.js';
import schemaComment from './schema-comment.js';
import unsupportedMarkdown from './unsupported-markdown.js';
import droppedMarkdown from './dropped-markdown.js';
import reviewOverdue from './review-overdue.js';
import roster from './roster.js';
import skippedPath from './skipped-path.js';
import textBeforeHeading from './text-before-heading.js';
import unknownCompetency from './unknown-competency.js';
import unknownKey from './unknown-key.js';
import unknownReference from './unknown-reference.js';
import unknownSection from './unknown-section.js';
import unreadableFile from './unreadable-file.js';
import yamlSyntax from './yaml-syntax.js';

export const RULES: readonly Rule[] = [
  // file and syntax
  missingFile,
  unreadableFile,
  skippedPath,
  fileTooLarge,
  encoding,
  emptyFile,
  frontmatter,
  yamlSyntax,
  nestingDepth,
  markdownLimit,
  // schema: specific claims first
  languageLevel,
  languageCode,
  unknownKey,
  missingKey,
  invalidType,
  invalidValue,
  // content
  estonianLevelCap,
  unknownCompetency,
  duplicateCompetency,
  officialApproval,
  textBeforeHeading,
  unknownSection,
  duplicateSection,
  missingSection,
  emptySection,
  dutiesFormat,
  dutiesResults,
  rawHtml,
  unsupportedMarkdown,
  droppedMarkdown,
  pdfGlyph,
  reviewOverdue,
  schemaComment,
  // repository-wide
  duplicateId,
  unknownReference,
  // config and catalogue
  configFile,
  catalogueFormat,
  // personalised export
  roster,
] as Rule[];

export {
  catalogueFormat,
  configFile,
  emptyFile,
  encoding,
  fileTooLarge,
  frontmatter,
  missingFile,
  skippedPath,
  unknownKey,
  unreadableFile,
  yamlSyntax,
};
