/**
 * Commander in the user's language: its usage errors (by error code) and its help headings come
 * from the message catalogue (src/messages/cli.ts). Commander gives an error's code and its English
 * message; the parts that vary (an option, a command, a value) are read from that message, which
 * the pinned commander version words as the patterns below (an unknown wording is shown as is).
 */
import type { Command, CommanderError, HelpConfiguration } from 'commander';
import { message, type MessageId } from '../messages/index.js';
import type { MessageLang, TemplateData } from '../validate/diagnostic.js';

interface UsageErrorShape {
  pattern: RegExp;
  id: MessageId;
  data(match: RegExpMatchArray, lang: MessageLang): TemplateData;
}

/** "(Did you mean --format?)" on the line after an unknown option or command. */
const SUGGESTION = /(?:\n\(Did you mean (.+)\?\))?$/;

/** A value's detail: commander's list of choices, or our own parsers' (already in the user's language). */
function detail(text: string, lang: MessageLang): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  return choices ? message('cli.usage.choices', lang, { choices: choices[1] }) : text;
}

/** Commander's error codes → the catalogue's messages. */
const USAGE_ERRORS: Record<string, UsageErrorShape[]> = {
  'commander.unknownOption': [
    {
      pattern: new RegExp(`^error: unknown option '(.*?)'${SUGGESTION.source}`),
      id: 'cli.usage.unknownOption',
      data: (m) => ({ flag: m[1] }),
    },
  ],
  'commander.unknownCommand': [
    {
      pattern: new RegExp(`^error: unknown command '(.*?)'${SUGGESTION.source}`),
      id: 'cli.usage.unknownCommand',
      data: (m) => ({ command: m[1] }),
    },
  ],
  'commander.missingArgument': [
    {
      pattern: /^error: missing required argument '(.*)'$/,
      id: 'cli.usage.missingArgument',
      data: (m) => ({ name: m[1] }),
    },
  ],
  'commander.optionMissingArgument': [
    {
      pattern: /^error: option '(.*)' argument missing$/,
      id: 'cli.usage.optionMissingArgument',
      data: (m) => ({ option: m[1] }),
    },
  ],
  'commander.missingMandatoryOptionValue': [
    {
      pattern: /^error: required option '(.*)' not specified$/,
      id: 'cli.usage.missingMandatoryOptionValue',
      data: (m) => ({ option: m[1] }),
    },
  ],
  'commander.excessArguments': [
    {
      pattern: /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      id: 'cli.usage.excessArguments',
      data: (m, lang) => {
        const count = Number(m[2]);
        return {
          forCommand: m[1] ? message('cli.usage.forCommand', lang, { command: m[1] }) : '',
          expected: message('cli.usage.arguments', lang, { count }),
          received: m[3],
        };
      },
    },
  ],
  'commander.invalidArgument': [
    {
      pattern: /^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/s,
      id: 'cli.usage.invalidOptionValue',
      data: (m, lang) => ({ option: m[1], value: m[2], detail: detail(m[3]!, lang) }),
    },
    {
      pattern: /^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. (.*)$/s,
      id: 'cli.usage.invalidArgumentValue',
      data: (m, lang) => ({ value: m[1], name: m[2], detail: detail(m[3]!, lang) }),
    },
  ],
};

/** A commander error's message in `lang` (as commander words it when the wording is unknown). */
export function usageMessage(error: Pick<CommanderError, 'code' | 'message'>, lang: MessageLang): string {
  for (const shape of USAGE_ERRORS[error.code] ?? []) {
    const m = shape.pattern.exec(error.message);
    if (!m) continue;
    const text = message(shape.id, lang, shape.data(m, lang));
    const suggestion = SUGGESTION.exec(error.message)?.[1];
    const unknown = shape.id === 'cli.usage.unknownOption' || shape.id === 'cli.usage.unknownCommand';
    return unknown && suggestion ? `${text}\n${message('cli.usage.didYouMean', lang, { suggestion })}` : text;
  }
  return error.message;
}

const HEADINGS: Record<string, MessageId> = {
  'Usage:': 'cli.heading.usage',
  'Arguments:': 'cli.heading.arguments',
  'Options:': 'cli.heading.options',
  'Global Options:': 'cli.heading.globalOptions',
  'Commands:': 'cli.heading.commands',
};

/** Help headings ("Usage:", "Options:" …) in `lang`. */
export function helpConfiguration(lang: () => MessageLang): HelpConfiguration {
  return {
    styleTitle: (title: string) => {
      const id = HEADINGS[title];
      return id ? message(id, lang()) : title;
    },
  };
}

/** Codes of commander's exits that are no errors (help and version shown). */
const NOT_ERRORS = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * Every usage error of `command` in `lang`, followed by its help (as commander's
 * showHelpAfterError would, which prints commander's English message instead); then the error is
 * thrown on for main() to turn into the exit status.
 */
export function localiseErrors(command: Command, lang: () => MessageLang): void {
  command.configureOutput({ outputError: () => undefined });
  command.exitOverride((error) => {
    if (!NOT_ERRORS.has(error.code)) {
      process.stderr.write(`${usageMessage(error, lang())}\n\n`);
      command.outputHelp({ error: true });
    }
    throw error;
  });
}
