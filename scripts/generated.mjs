// Shared by the gen-* scripts: write a generated file, or with `--check` (in CI) fail when the
// committed file differs from what the script generates now.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

/**
 * @param {URL} out the generated file
 * @param {string} text its content
 * @param {string} command what regenerates it, for the message
 */
export async function writeOrCheck(out, text, command) {
  const name = relative(fileURLToPath(new URL('..', import.meta.url)), fileURLToPath(out));
  if (process.argv.includes('--check')) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${name} is out of date: run \`${command}\` and commit it.`);
      process.exit(1);
    }
    console.log(`${name} is up to date`);
  } else {
    await writeFile(out, text);
    console.log(`wrote ${name}`);
  }
}
