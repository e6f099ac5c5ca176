import { describe, expect, it } from 'vitest';
import { usageMessage } from './usage.js';

describe('usageMessage', () => {
  it("puts a commander error of a known code and wording into the catalogue's words", () => {
    const error = { code: 'commander.missingArgument', message: "error: missing required argument 'dir'" };
    expect(usageMessage(error, 'et')).toBe('viga: kohustuslik argument „dir“ puudub');
    expect(usageMessage(error, 'en')).toBe(error.message);
    const mandatory = {
      code: 'commander.missingMandatoryOptionValue',
      message: "error: required option '--out <dir>' not specified",
    };
    expect(usageMessage(mandatory, 'et')).toBe('viga: kohustuslik võti „--out <dir>“ puudub');
  });

  it('shows a wording it does not know (another commander version, another code) as commander gave it', () => {
    const changed = { code: 'commander.unknownOption', message: "error: no such option '--x'" };
    expect(usageMessage(changed, 'et')).toBe(changed.message);
    const other = {
      code: 'commander.conflictingOption',
      message: "error: option '-a' cannot be used with '-b'",
    };
    expect(usageMessage(other, 'et')).toBe(other.message);
  });
});
