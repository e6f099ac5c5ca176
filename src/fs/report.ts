/**
 * Messages about files in the user's words: why a read failed, what kind of special file a path
 * is, and usage errors in both languages (a failed read as a diagnostic is the rule
 * unreadable-file's: src/validate/rules/unreadable-file.ts).
 */
import { message, type MessageId } from '../messages/index.js';
import type { TemplateData } from '../validate/diagnostic.js';
import type { ReadFailure, SpecialKind } from './read.js';

const KIND_IDS = {
  folder: 'project.kind.folder',
  fifo: 'project.kind.fifo',
  socket: 'project.kind.socket',
  device: 'project.kind.device',
  other: 'project.kind.other',
} as const satisfies Record<SpecialKind, MessageId>;

/** What kind of special file a path is, in each language. */
export const KIND = Object.fromEntries(
  Object.entries(KIND_IDS).map(([kind, id]) => [kind, { et: message(id, 'et'), en: message(id, 'en') }]),
) as Record<SpecialKind, { et: string; en: string }>;

function failureWords(failure: ReadFailure, limit: number): [MessageId, TemplateData] {
  switch (failure.reason) {
    case 'missing':
      return ['project.read.missing', {}];
    case 'special':
      return ['project.read.special', { kind_et: KIND[failure.kind].et, kind_en: KIND[failure.kind].en }];
    case 'denied':
      return ['project.read.denied', {}];
    case 'tooLarge':
      return ['project.read.tooLarge', { mib: String(Math.round((limit / 1024 / 1024) * 10) / 10) }];
    case 'io':
      return ['project.read.io', { code: failure.code }];
  }
}

/** Why a file could not be read, in a few words of each language (for usage errors). */
export function readFailureWords(failure: ReadFailure, limit: number): { et: string; en: string } {
  const [id, data] = failureWords(failure, limit);
  return { et: message(id, 'et', data), en: message(id, 'en', data) };
}
