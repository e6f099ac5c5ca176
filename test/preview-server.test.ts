/**
 * The preview server over HTTP, in-process: what each page answers, the safety rules (traversal,
 * links out of the tree, Host header, methods, CSP), broken and changing files, ports, and that it
 * stops: every test closes its server and checks that the port refuses afterwards.
 */
import {
  readFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { createServer, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { checkPaths } from '../src/project/check.js';
import { sortAndDedupe } from '../src/validate/diagnostic.js';
import {
  contentDisposition,
  hostAllowed,
  MAX_EVENT_CLIENTS,
  pathSegments,
  startPreview,
  type PreviewServer,
} from '../src/preview/server.js';
import { MAX_SOURCE_BYTES } from '../src/validate/rules/file-too-large.js';
import { MAX_SOURCE_LINES } from '../src/preview/pages.js';
import { exampleFolder, get, nextChange } from './preview-helpers.js';

const running: PreviewServer[] = [];
async function start(dir: string, lang: 'et' | 'en' = 'en', paths: string[] = []): Promise<PreviewServer> {
  const p = await startPreview(paths, { cwd: dir, port: 0, lang, debounceMs: 50 });
  running.push(p);
  return p;
}

/** Whether something still listens on the port. */
const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

afterEach(async () => {
  for (const p of running.splice(0)) {
    await p.close();
    expect(await listening(p.port)).toBe(false);
  }
});

describe('the list', () => {
  it('lists every description: title, unit, id, counts, review date, linked', async () => {
    const dir = exampleFolder();
    writeFileSync(
      join(dir, 'ametijuhend.config.yaml'),
      `${readFileSync(join(dir, 'ametijuhend.config.yaml'), 'utf8')}review:\n  months: 12\n`,
    );
    const p = await start(dir);
    expect(p.url).toBe(`http://127.0.0.1:${p.port}/`);
    const r = await get(p.port, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.text).toContain('<html lang="en">');
    expect(r.text).toContain('<a href="/d/data-analyst">Data Analyst</a>');
    expect(r.text).toContain('Analysis Department, Data Team');
    expect(r.text).toContain('<code>ekspert-kriisiabi</code>');
    // the config asks for reviews every 12 months (reviewed 2026-03-01)
    expect(r.text).toMatch(/2027-03-01/);
    expect(r.text).toContain('2 descriptions (2 in all)');
  });

  it('filters with ?q= and sorts with ?sort=&dir= without any script', async () => {
    const p = await start(exampleFolder());
    const filtered = await get(p.port, '/?q=analyst');
    expect(filtered.text).toContain('/d/data-analyst');
    expect(filtered.text).not.toContain('href="/d/ekspert-kriisiabi"');
    expect(filtered.text).toContain('1 description (2 in all)');
    const none = await get(p.port, '/?q=nothing-like-this');
    expect(none.text).toContain('No description matches the filter.');
    const order = (text: string): number[] =>
      ['/d/data-analyst"', '/d/ekspert-kriisiabi"'].map((h) => text.indexOf(h));
    const asc = order((await get(p.port, '/?sort=id&dir=asc')).text);
    const desc = order((await get(p.port, '/?sort=id&dir=desc')).text);
    expect(asc[0]).toBeLessThan(asc[1]!);
    expect(desc[0]).toBeGreaterThan(desc[1]!);
    // the header of the sorted column says so, and links to the other direction
    const page = (await get(p.port, '/?sort=id&dir=asc')).text;
    expect(page).toContain('aria-sort="ascending"><a href="/?sort=id&amp;dir=desc"');
  });

  it('speaks Estonian with lang et', async () => {
    const p = await start(exampleFolder(), 'et');
    const r = await get(p.port, '/');
    expect(r.text).toContain('<html lang="et">');
    expect(r.text).toContain('Ametijuhendid');
    expect(r.text).toContain('2 ametijuhendit (2 kokku)');
  });
});

describe('a description', () => {
  it('serves the document byte for byte as build --format html writes it', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    const built = await buildPaths([join(dir, 'data-analyst.md')], {
      formats: ['html'],
      outDir: join(dir, 'out'),
      cwd: dir,
      noCache: true,
    });
    const file = built.outputs.find((o) => o.endsWith('.html'))!;
    const r = await get(p.port, '/d/data-analyst/document');
    expect(r.status).toBe(200);
    expect(r.body.equals(readFileSync(file))).toBe(true);
    // build's own CSP is in it, and the server adds that only the preview may frame it, with no scripts
    expect(r.text).toContain('http-equiv="Content-Security-Policy"');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(r.headers['content-security-policy']).toContain('sandbox');
    const page = await get(p.port, '/d/data-analyst');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<iframe class="document" src="\/d\/data-analyst\/document\?v=[0-9a-f]{16}"/);
    expect(page.text).toContain('sandbox="allow-same-origin"');
    expect(page.text).toContain('No problems.');
    // the source view, numbered
    expect(page.text).toContain(
      '<span class="line" id="L3" data-n="3"><span class="text">title: Data Analyst</span>',
    );
  });

  it('an id that is not safe in a URL (a/b, .., "", x%2Fy, a lone surrogate) still has a page that answers', async () => {
    const dir = exampleFolder();
    const source = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    const ids = ['"a/b"', '".."', '""', '"x%2Fy"', '"bad\\uD800id"', 'data-analyst'];
    ids.forEach((id, i) =>
      writeFileSync(
        join(dir, `odd-${i}.md`),
        source.replace('id: data-analyst', `id: ${id}`).replace('title: Data Analyst', `title: Odd ${i}`),
      ),
    );
    const p = await start(dir);
    const list = await get(p.port, '/');
    expect(list.status).toBe(200);
    expect((await get(p.port, '/org')).status).toBe(200);
    for (let i = 0; i < ids.length; i++) {
      const href = new RegExp(`<a href="([^"]+)">Odd ${i}</a>`).exec(list.text)?.[1];
      expect(href, `Odd ${i}`).toBeDefined();
      const page = await get(p.port, href!);
      expect(page.status, `${ids[i]} at ${href}`).toBe(200);
      expect(page.text).toContain(`<h1>Odd ${i}</h1>`);
    }
    // a valid id keeps its own address; the file named so with an unsafe id gets ~ and its name
    expect(list.text).toContain('<a href="/d/data-analyst">Data Analyst</a>');
    expect(list.text).toContain('<a href="/d/data-analyst~2">Odd 5</a>');
    expect(list.text).toContain('<a href="/d/~odd-0">Odd 0</a>');
  });

  it('an id build cannot name a file by: no PDF/DOCX buttons, the reason said, and the download refused', async () => {
    const dir = exampleFolder();
    const config = join(dir, 'ametijuhend.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}  invalid-value: off\n`);
    const path = join(dir, 'data-analyst.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('id: data-analyst', 'id: Data_Analyst'));
    const p = await start(dir);
    const page = await get(p.port, '/d/~data-analyst');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<iframe class="document"');
    expect(page.text).not.toContain('/pdf" download');
    expect(page.text).not.toContain('/docx" download');
    expect(page.text).toContain(
      'No PDF or DOCX can be built: the id &quot;Data_Analyst&quot; cannot be a file name',
    );
    const pdf = await get(p.port, '/d/~data-analyst/pdf');
    expect(pdf.status).toBe(409);
    expect(pdf.text).toContain('cannot be a file name');
  });

  it('shows a description with errors: problems first, the source marked, no document', async () => {
    const dir = exampleFolder();
    const src = readFileSync(join(dir, 'data-analyst.md'), 'utf8').replace('level: B2', 'level: Z9');
    writeFileSync(join(dir, 'data-analyst.md'), src);
    const p = await start(dir);
    const r = await get(p.port, '/d/data-analyst');
    expect(r.status).toBe(200);
    const line = src.split('\n').findIndex((l) => l.includes('Z9')) + 1;
    expect(r.text).toMatch(new RegExp(`<a class="problem error" href="#L${line}" data-line="${line}"`));
    expect(r.text).toContain('<span class="sev">error</span>');
    expect(r.text).toMatch(/<code class="rule">[a-z-]+<\/code>/);
    expect(r.text).toContain('The document cannot be shown while the description has errors.');
    expect(r.text.indexOf('id="problems"')).toBeLessThan(r.text.indexOf('id="source"'));
    expect(r.text).toContain(`id="L${line}"`);
    expect((await get(p.port, '/d/data-analyst/document')).status).toBe(409);
    expect((await get(p.port, '/d/data-analyst/pdf')).status).toBe(409);
    const list = await get(p.port, '/');
    expect(list.text).toMatch(/<td class="num"><span class="count-error">1<\/span><\/td>/);
  });

  it('builds the PDF and the DOCX on demand, with their type and a safe file name', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    const pdf = await get(p.port, '/d/data-analyst/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="data-analyst.pdf"; filename*=UTF-8''data-analyst.pdf`,
    );
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const docx = await get(p.port, '/d/data-analyst/docx');
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    // the builds left no handler that would exit the caller's process on a signal
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      expect(process.listeners(signal).filter((l) => String(l).includes('process.exit'))).toEqual([]);
    // through the build cache, inside the project's cache folder
    expect(existsSync(join(dir, '.ametijuhend-cache', 'preview'))).toBe(true);
    expect(contentDisposition('a"b/../c d\r\n', 'pdf')).toBe(
      `attachment; filename="a-b-..-c-d-.pdf"; filename*=UTF-8''a%22b%2F..%2Fc%20d%0D%0A.pdf`,
    );
  });

  it('answers 404 for an unknown id, and a clear page for a file deleted while shown', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    expect((await get(p.port, '/d/no-such-id')).status).toBe(404);
    const events = nextChange(p.port);
    await events.ready;
    rmSync(join(dir, 'ekspert-kriisiabi.md'));
    await events.change;
    const r = await get(p.port, '/d/ekspert-kriisiabi');
    expect(r.status).toBe(404);
    expect(r.text).toContain('The file ekspert-kriisiabi.md is gone (deleted or renamed).');
    expect((await get(p.port, '/')).text).not.toContain('/d/ekspert-kriisiabi"');
  });
});

describe('live updates', () => {
  it('a file named on the command line and deleted: its page says so', async () => {
    const dir = exampleFolder();
    const p = await start(dir, 'et', ['data-analyst.md']);
    expect(p.project.entries.map((e) => e.key)).toEqual(['data-analyst']);
    const events = nextChange(p.port);
    await events.ready;
    rmSync(join(dir, 'data-analyst.md'));
    await events.change;
    const r = await get(p.port, '/d/data-analyst');
    expect(r.status).toBe(404);
    expect(r.text).toContain('Faili data-analyst.md enam pole');
    expect((await get(p.port, '/')).status).toBe(200);
  });

  it('tells the pages of a saved change, and a new file appears on the list', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    let events = nextChange(p.port);
    await events.ready;
    const path = join(dir, 'data-analyst.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: Data Analyst', 'title: Data Scientist'));
    const started = Date.now();
    await events.change;
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await get(p.port, '/d/data-analyst')).text).toContain('<h1>Data Scientist</h1>');
    events = nextChange(p.port);
    await events.ready;
    writeFileSync(
      join(dir, 'new-one.md'),
      readFileSync(path, 'utf8')
        .replace('id: data-analyst', 'id: new-one')
        .replace('Data Scientist', 'New One'),
    );
    await events.change;
    expect((await get(p.port, '/')).text).toContain('<a href="/d/new-one">New One</a>');
  });

  it('an update callback that throws is reported, and the server goes on updating', async () => {
    const dir = exampleFolder();
    const errors: unknown[] = [];
    let calls = 0;
    const p = await startPreview([], {
      cwd: dir,
      port: 0,
      lang: 'en',
      debounceMs: 50,
      onUpdate: () => {
        calls++;
        if (calls === 1) throw new Error('callback broke');
      },
      onError: (e) => errors.push(e),
    });
    running.push(p);
    const path = join(dir, 'data-analyst.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: Data Analyst', 'title: Data One'));
    await expect.poll(() => errors.length, { timeout: 8000 }).toBe(1);
    expect(String(errors[0])).toContain('callback broke');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: Data One', 'title: Data Two'));
    await expect.poll(() => calls, { timeout: 8000 }).toBe(2);
    expect((await get(p.port, '/d/data-analyst')).text).toContain('<h1>Data Two</h1>');
  });

  it('a config change recompiles what it applies to', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    expect((await get(p.port, '/')).text).not.toContain('<span class="count-warning">');
    const events = nextChange(p.port);
    await events.ready;
    const config = join(dir, 'ametijuhend.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('unknown-reference: off', 'unknown-reference: warning'),
    );
    await events.change;
    expect((await get(p.port, '/')).text).toContain('<span class="count-warning">');
  });
});

describe('the same problems as check', () => {
  it('after a change compiled alone: the repository rules over all files, as checkPaths finds them', async () => {
    const dir = exampleFolder();
    const config = join(dir, 'ametijuhend.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('unknown-reference: off', 'unknown-reference: warning'),
    );
    const p = await start(dir);
    const events = nextChange(p.port);
    await events.ready;
    // a second description with the same id: the repository rule reports both files
    const path = join(dir, 'copy.md');
    writeFileSync(path, readFileSync(join(dir, 'data-analyst.md'), 'utf8').replace('level: B2', 'level: Z9'));
    await events.change;
    const checked = await checkPaths([], { cwd: dir, lang: 'en' });
    const shown = [...p.project.entries.flatMap((e) => e.diagnostics), ...p.project.others];
    expect(sortAndDedupe(shown)).toEqual(checked.diagnostics);
    expect(shown.some((d) => d.rule === 'duplicate-id')).toBe(true);
    expect(p.project.summaries).toEqual(checked.summaries);
    // the second one with the id gets a page of its own; the first keeps its address
    expect(p.project.entries.map((e) => e.key).sort()).toEqual([
      'data-analyst',
      'data-analyst~2',
      'ekspert-kriisiabi',
    ]);
    expect((await get(p.port, '/d/data-analyst~2')).text).toContain('File: <code>copy.md</code>');
    expect((await get(p.port, '/d/data-analyst')).text).toContain('File: <code>data-analyst.md</code>');
  });
});

describe('broken files never stop the server', () => {
  it('a YAML syntax error, invalid UTF-8, a file replaced by a folder, a huge file', async () => {
    const dir = exampleFolder();
    const good = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    writeFileSync(
      join(dir, 'yaml.md'),
      good.replace('id: data-analyst', 'id: yaml').replace('title: Data Analyst', 'title: [unclosed'),
    );
    writeFileSync(
      join(dir, 'bytes.md'),
      Buffer.concat([
        Buffer.from(good.replace('id: data-analyst', 'id: bytes')),
        Buffer.from([0xff, 0xfe, 0xc3]),
      ]),
    );
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(MAX_SOURCE_BYTES + 10, 'a'));
    writeFileSync(join(dir, 'folder.md'), good.replace('id: data-analyst', 'id: folder'));
    const p = await start(dir);
    expect((await get(p.port, '/')).status).toBe(200);
    const yaml = await get(p.port, '/d/yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.text).toContain('<code class="rule">yaml-syntax</code>');
    const bytes = await get(p.port, '/d/bytes');
    expect(bytes.status).toBe(200);
    expect(bytes.text).toContain('<code class="rule">encoding</code>');
    expect(bytes.text).toContain('\uFFFD'); // the source still shown, the bad bytes as U+FFFD
    const huge = await get(p.port, '/d/huge');
    expect(huge.status).toBe(200);
    expect(huge.text).toContain('<code class="rule">file-too-large</code>');
    expect(huge.text).toContain(
      `The source cannot be shown: the file is larger than ${MAX_SOURCE_BYTES.toLocaleString('en')} bytes`,
    );
    // a file replaced by a folder
    const events = nextChange(p.port);
    await events.ready;
    rmSync(join(dir, 'folder.md'));
    mkdirSync(join(dir, 'folder.md'));
    await events.change;
    expect((await get(p.port, '/d/folder')).status).toBe(404);
    expect((await get(p.port, '/')).status).toBe(200);
    expect((await get(p.port, '/d/data-analyst')).status).toBe(200);
  });
});

describe('a long source', () => {
  it('a file of a million blank lines: the first lines shown and the rest said, not a page of 85 MB', async () => {
    const dir = exampleFolder();
    const source = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    const blank = '\n'.repeat(MAX_SOURCE_BYTES - Buffer.byteLength(source) - 10);
    writeFileSync(join(dir, 'blank.md'), source + blank);
    const p = await start(dir);
    // blank.md comes first: it is /d/data-analyst, the example /d/data-analyst~2
    const page = await get(p.port, '/d/data-analyst');
    expect(page.status).toBe(200);
    expect(page.body.byteLength).toBeLessThan(3_000_000);
    expect(page.text).toContain(`id="L${MAX_SOURCE_LINES}"`);
    expect(page.text).not.toContain(`id="L${MAX_SOURCE_LINES + 1}"`);
    const total = (source + blank).split('\n').length - 1;
    expect(page.text).toContain(
      `The file has ${total.toLocaleString('en')} lines: only the first ${MAX_SOURCE_LINES.toLocaleString('en')} are shown`,
    );
    // a short file: every line, no notice
    expect((await get(p.port, '/d/data-analyst~2')).text).not.toContain('only the first');
  });
});

describe('safety', () => {
  it('refuses traversal, encoded and double-encoded, NUL and absolute paths', async () => {
    const dir = exampleFolder();
    const p = await start(dir);
    const refused = [
      '/d/..%2F..%2Fetc%2Fpasswd',
      '/d/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/d/..%252F..%252Fetc%252Fpasswd',
      '/d/%252e%252e',
      '/d/%25252e%25252e%25252fetc',
      '/d/..%5C..%5Cetc%5Cpasswd',
      '/d/%00',
      '/d/data-analyst%00.md',
      '/d/%2500',
      '/d/..',
      '/d/%2e%2e',
      '/../../etc/passwd',
      '/d/%E0%A4%A',
    ];
    for (const path of refused) {
      const r = await get(p.port, path);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.text).not.toContain('root:');
    }
    for (const path of [
      '/etc/passwd',
      '//etc/passwd',
      '/d//etc/passwd',
      `/d/${encodeURIComponent(join(dir, 'data-analyst.md'))}`,
      '/d/data-analyst.md',
      '/d/data-analyst/../../x',
    ]) {
      const r = await get(p.port, path);
      expect([path, r.status]).toEqual([path, path.includes('..') ? 400 : path.includes('%2F') ? 400 : 404]);
      expect(r.text).not.toContain('root:');
    }
    expect(pathSegments('/d/a%20b')).toEqual(['d', 'a b']);
    expect(pathSegments('/d/%252F')).toBeUndefined();
  });

  it('never serves a file linked from outside the tree', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    const good = readFileSync(join(exampleFolder(), 'data-analyst.md'), 'utf8');
    writeFileSync(
      join(outside, 'secret.md'),
      good.replace('id: data-analyst', 'id: secret').replace('Data Analyst', 'SECRET-TITLE'),
    );
    const dir = exampleFolder();
    symlinkSync(join(outside, 'secret.md'), join(dir, 'link.md'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    const p = await start(dir);
    const list = await get(p.port, '/');
    expect(list.text).not.toContain('SECRET-TITLE');
    expect(list.text).not.toContain('href="/d/secret"');
    expect(list.text).not.toContain('href="/d/link"');
    // the list says what was left out, and why
    expect(list.text).toContain('<code class="rule">skipped-path</code>');
    for (const path of [
      '/d/secret',
      '/d/link',
      '/d/linked-folder',
      '/d/secret/document',
      '/d/link/document',
    ]) {
      const r = await get(p.port, path);
      expect(r.status).toBe(404);
      expect(r.text).not.toContain('SECRET-TITLE');
    }
  });

  it('answers only its own Host (DNS rebinding) and only GET and HEAD', async () => {
    const p = await start(exampleFolder());
    for (const host of [
      'evil.example',
      `evil.example:${p.port}`,
      `127.0.0.1:${p.port + 1}`,
      `127.0.0.1.nip.io:${p.port}`,
    ]) {
      const r = await get(p.port, '/', { headers: { host } });
      expect([host, r.status]).toEqual([host, 421]);
      expect(r.text).not.toContain('Data Analyst');
    }
    for (const host of [`127.0.0.1:${p.port}`, `localhost:${p.port}`, `[::1]:${p.port}`])
      expect((await get(p.port, '/', { headers: { host } })).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await get(p.port, '/', { method });
      expect([method, r.status]).toEqual([method, 405]);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    const head = await get(p.port, '/d/data-analyst', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(hostAllowed(`192.168.1.5:80`, '0.0.0.0', 80)).toBe(true);
    expect(hostAllowed(`attacker.example:80`, '0.0.0.0', 80)).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1', 80)).toBe(false);
    expect(hostAllowed('localhost', '127.0.0.1', 80)).toBe(true);
    expect(hostAllowed('localhost', '127.0.0.1', 4321)).toBe(false);
  });

  it('every page has a strict CSP whose one script carries a fresh nonce, and no inline handlers', async () => {
    const p = await start(exampleFolder());
    const nonces = new Set<string>();
    for (const path of ['/', '/', '/d/data-analyst', '/d/nothing', '/org']) {
      const r = await get(p.port, path);
      const csp = String(r.headers['content-security-policy']);
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      nonces.add(nonce!);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts).toEqual([`<script nonce="${nonce}">`]);
      expect(r.text).not.toMatch(/\son[a-z]+=/i);
    }
    expect(nonces.size).toBe(5);
  });
});

describe('the organisation chart page', () => {
  it('shows the SVG, each box linked to its description, under the nonce CSP', async () => {
    const p = await start(exampleFolder());
    const r = await get(p.port, '/org');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<svg');
    expect(r.text).toContain('href="/d/data-analyst"');
    expect(r.text).not.toMatch(/<script\b(?![^>]*nonce=)/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'nonce-[^']+'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('two descriptions with one id: each box links to its own page', async () => {
    const dir = exampleFolder();
    const source = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    writeFileSync(join(dir, 'twin.md'), source.replace('title: Data Analyst', 'title: Data Twin'));
    const p = await start(dir);
    const list = (await get(p.port, '/')).text;
    expect(list).toContain('<a href="/d/data-analyst~2">Data Twin</a>');
    const svg = (await get(p.port, '/org')).text;
    const links = [...svg.matchAll(/<a [^>]*href="(\/d\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.filter((l) => l === '/d/data-analyst')).toHaveLength(1);
    expect(links.filter((l) => l === '/d/data-analyst~2')).toHaveLength(1);
  });
});

describe('ports and stopping', () => {
  it('a taken port: the next free one, said in portTaken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen({ port: 0, host: '127.0.0.1' }, r));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const p = await startPreview([], { cwd: exampleFolder(), port: taken, lang: 'en' });
      running.push(p);
      expect(p.port).toBeGreaterThan(taken);
      expect(p.portTaken).toBe(taken);
      expect((await get(p.port, '/')).status).toBe(200);
    } finally {
      blocker.close();
    }
  });

  it('at most MAX_EVENT_CLIENTS live pages: one more is answered 503, and a place freed is taken again', async () => {
    const p = await start(exampleFolder());
    const open = async (): Promise<{ status: number; req: ClientRequest }> =>
      new Promise((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: p.port, path: '/events', headers: { host: `127.0.0.1:${p.port}` } },
          (res) => {
            res.once('data', () => resolve({ status: res.statusCode ?? 0, req }));
            res.on('error', () => undefined);
          },
        );
        req.on('error', reject);
        req.end();
      });
    const streams = [];
    for (let i = 0; i < MAX_EVENT_CLIENTS; i++) streams.push(await open());
    expect(streams.every((s) => s.status === 200)).toBe(true);
    const refused = await get(p.port, '/events');
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('Too many preview pages open');
    streams.pop()!.req.destroy();
    await expect.poll(async () => (await open()).status, { timeout: 5000 }).toBe(200);
    for (const s of streams) s.req.destroy();
  });

  it('close() ends the live connections and the server', async () => {
    const p = await startPreview([], { cwd: exampleFolder(), port: 0, lang: 'en' });
    const events = nextChange(p.port, 20_000);
    await events.ready;
    const closing = p.close();
    await expect(events.change).rejects.toThrow();
    await closing;
    expect(await listening(p.port)).toBe(false);
  }, 30_000);

  it('listens on 127.0.0.1 only by default', async () => {
    const p = await start(exampleFolder());
    expect(p.host).toBe('127.0.0.1');
    const outer = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (outer) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = connect({ host: outer.address, port: p.port });
        s.on('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    }
  });

  it('a path that does not exist is a usage error before anything listens', async () => {
    await expect(startPreview(['no-such-folder'], { cwd: exampleFolder(), port: 0 })).rejects.toThrow(
      /no such file or folder/,
    );
  });
});
