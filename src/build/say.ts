/**
 * Build messages as the build has always said them: one line, English first, then Estonian
 * ("en / et"), from the message catalogue (src/messages/build.ts).
 */
import { message, type MessageId } from '../messages/index.js';
import type { TemplateData } from '../validate/diagnostic.js';

export function enEt(id: MessageId & `build.${string}`, data: TemplateData = {}): string {
  return `${message(id, 'en', data)} / ${message(id, 'et', data)}`;
}
