/**
 * `ametijuhend lsp` driven as an editor drives it: the real CLI spawned over stdio, spoken to with
 * vscode-languageserver-protocol's client side, in a workspace copied from examples/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic as LspDiagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
  type CodeAction,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { BIN, EXAMPLES } from './cli.js';

/** A row of `check --format json`. */
type Row = Diagnostic;

class Client {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Every publication, in order, by uri. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.listen();
  }

  /** Waits until `test` holds for the latest publication of `uri`. */
  async diagnostics(
    uri: string,
    test: (d: LspDiagnostic[], p: PublishDiagnosticsParams) => boolean,
    ms = 15_000,
  ) {
    const deadline = Date.now() + ms;
    for (;;) {
      const last = this.published.get(uri)?.at(-1);
      if (last && test(last.diagnostics, last)) return last.diagnostics;
      if (Date.now() > deadline)
        throw new Error(
          `no such diagnostics for ${uri}; last: ${JSON.stringify(last?.diagnostics.map((d) => d.code))}\n${this.stderr}`,
        );
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }
}

const CHECK = (cwd: string): Row[] => {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '.'], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout) as Row[];
};

/** check's rows for a file, as LSP diagnostics would show them. */
const expected = (rows: Row[], file: string) =>
  rows
    .filter((r) => r.file === file)
    .map((r) => ({
      range: {
        start: { line: r.line - 1, character: r.column - 1 },
        end: { line: r.endLine - 1, character: r.endColumn - 1 },
      },
      severity: r.severity === 'error' ? 1 : 2,
      code: r.rule,
      message: r.message,
    }));
const shape = (list: LspDiagnostic[]) =>
  list.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const msg = (d: LspDiagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

const labels = (r: CompletionItem[] | CompletionList | null): string[] =>
  (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

describe('ametijuhend lsp', () => {
  let dir: string;
  let client: Client;
  let uri: string;
  let text: string;
  let version = 1;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lsp-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    // an astral character before a problem on the same line: positions are UTF-16 code units
    text = readFileSync(join(dir, 'ekspert-kriisiabi.md'), 'utf8')
      .replace('reportsTo:', 'reportTo:')
      .replace('    - Koostöövõime\n', '    - Koostöövõme\n')
      .replace('title: Ekspert (psühhosotsiaalne kriisiabi)', 'title: Ekspert 🙂 (kriisiabi)')
      .replace(
        '  additionalCompetencies:\n',
        '  additionalCompetencies: ["🙂 Rõõm", Korrektsu]\n  knowledge:\n',
      );
    // (the list that followed becomes knowledge: strings)
    writeFileSync(join(dir, 'ekspert-kriisiabi.md'), text);
    uri = pathToFileURL(join(dir, 'ekspert-kriisiabi.md')).href;
    client = new Client(dir);
    await client.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.conn.sendNotification(InitializedNotification.type, {});
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }, 60_000);

  afterAll(() => {
    if (client.child.exitCode === null) client.child.kill();
  });

  it("publishes check's diagnostics for the open file, at the same positions", async () => {
    const rows = CHECK(dir);
    const want = expected(rows, 'ekspert-kriisiabi.md');
    expect(want.map((d) => d.code)).toEqual(expect.arrayContaining(['unknown-key', 'unknown-competency']));
    const got = await client.diagnostics(uri, (d) => d.length > 0);
    expect(shape(got)).toEqual(want);
    expect(got.every((d) => d.source === 'ametijuhend')).toBe(true);
    // the astral character counts two UTF-16 units: "Korrektsu" starts where the editor says
    const line = text.split('\n').findIndex((l) => l.includes('Korrektsu'));
    const d = got.find((x) => x.code === 'unknown-competency' && msg(x).includes('Korrektsu'))!;
    expect(d.range.start.line).toBe(line);
    expect(d.range.start.character).toBe(text.split('\n')[line]!.indexOf('Korrektsu'));
    expect(text.split('\n')[line]!.slice(d.range.start.character, d.range.end.character)).toBe('Korrektsu');
  });

  it('checks the new text after an edit', async () => {
    text = text.replace('reportTo:', 'reportsTo:');
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ text }],
    });
    const got = await client.diagnostics(uri, (_d, p) => p.version === version);
    expect(got.map((d) => d.code)).not.toContain('unknown-key');
    expect(got.map((d) => d.code)).toContain('unknown-competency');
  });

  it('reports a duplicate id with another description on disk (a repository rule)', async () => {
    const other = readFileSync(join(dir, 'data-analyst.md'), 'utf8').replace(
      'id: data-analyst',
      'id: ekspert-kriisiabi',
    );
    writeFileSync(join(dir, 'data-analyst.md'), other);
    // (the open file as the editor has it, for check to compare)
    writeFileSync(join(dir, 'ekspert-kriisiabi.md'), text);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(dir, 'data-analyst.md')).href, type: FileChangeType.Changed }],
    });
    const got = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-id'));
    const want = expected(CHECK(dir), 'ekspert-kriisiabi.md');
    expect(shape(got)).toEqual(want);
  });

  it('picks up a changed catalogue', async () => {
    const path = join(dir, 'competencies.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}Korrektsu:\n  - Uus näitaja.\n`);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Changed }],
    });
    const got = await client.diagnostics(
      uri,
      (d) => !d.some((x) => x.code === 'unknown-competency' && msg(x).includes('Korrektsu')),
    );
    expect(got.some((x) => msg(x).includes('Koostöövõme'))).toBe(true);
  });

  it('completes CEFR levels at level:, catalogue names at a competency item, keys at the top', async () => {
    const lines = text.split('\n');
    const levelLine = lines.findIndex((l) => l.includes('level: C1'));
    const atLevel = await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: levelLine, character: lines[levelLine]!.indexOf('level:') + 7 },
    });
    expect(labels(atLevel)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    const compLine = lines.findIndex((l) => l === '    - Koostöövõme');
    const atComp = await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: compLine, character: 6 },
    });
    expect(labels(atComp)).toEqual(expect.arrayContaining(['Kliendikesksus', 'Koostöövõime', 'Korrektsu']));
    const top = await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 0 },
    });
    expect(labels(top)).toEqual(
      expect.arrayContaining(['title', 'reportsTo', 'requirements', 'kind', 'lang']),
    );
    const title = (Array.isArray(top) ? top : top!.items).find((i) => i.label === 'title');
    expect(title?.detail).toBe('1.1 Ametinimetus.');
  });

  it('hovers a key with its help and a competency with its indicators', async () => {
    const lines = text.split('\n');
    const h = (await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: lines.findIndex((l) => l.startsWith('reportsTo:')), character: 2 },
    })) as Hover;
    expect(JSON.stringify(h.contents)).toContain('Vahetu juht');
    const c = (await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: lines.findIndex((l) => l === '    - Kliendikesksus'), character: 8 },
    })) as Hover;
    expect(JSON.stringify(c.contents)).toContain('Lähtub töös kliendi');
  });

  it('completes and hovers in a frontmatter that has the schema comment line (examples/data-analyst.md as is)', async () => {
    const analyst = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
    expect(analyst.split('\n')[1]).toMatch(/^# yaml-language-server: \$schema=/);
    const analystUri = pathToFileURL(join(dir, 'data-analyst.md')).href;
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: analystUri, languageId: 'markdown', version: 1, text: analyst },
    });
    const lines = analyst.split('\n');
    const levelLine = lines.findIndex((l) => l.includes('level: B2'));
    const atLevel = await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri: analystUri },
      position: { line: levelLine, character: lines[levelLine]!.indexOf('level:') + 7 },
    });
    expect(labels(atLevel)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    const h = (await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: analystUri },
      position: { line: lines.findIndex((l) => l.startsWith('title:')), character: 2 },
    })) as Hover | null;
    expect(JSON.stringify(h?.contents)).toContain('Job title');
  });

  it('applies quick fixes for a key typo and a competency name: the text compiles without them', async () => {
    text = text.replace('reportsTo:', 'reportTo:');
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ text }],
    });
    const got = await client.diagnostics(uri, (_d, p) => p.version === version);
    const fixable = got.filter(
      (d) => d.code === 'unknown-key' || (d.code === 'unknown-competency' && msg(d).includes('Koostöövõme')),
    );
    expect(fixable).toHaveLength(2);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: fixable[0]!.range,
      context: { diagnostics: fixable },
    })) as CodeAction[];
    const preferred = actions.filter((a) => a.isPreferred);
    expect(preferred.map((a) => a.kind)).toEqual(['quickfix', 'quickfix']);
    const edits = preferred.flatMap((a) => (a.edit as WorkspaceEdit).changes![uri]!);
    expect(edits.map((e) => e.newText).sort()).toEqual(['Koostöövõime', 'reportsTo']);
    text = applyEdits(text, edits);
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ text }],
    });
    const after = await client.diagnostics(uri, (_d, p) => p.version === version);
    expect(after.filter((d) => d.code === 'unknown-key')).toEqual([]);
    expect(after.filter((d) => msg(d).includes('Koostöövõme'))).toEqual([]);
    // and on disk, check agrees
    writeFileSync(join(dir, 'ekspert-kriisiabi.md'), text);
    expect(
      CHECK(dir).filter(
        (r) =>
          r.file === 'ekspert-kriisiabi.md' &&
          (r.rule === 'unknown-key' || r.message.includes('Koostöövõme')),
      ),
    ).toEqual([]);
  });

  it("offers the schema line's path that resolves from a sub-folder as a quick fix", async () => {
    mkdirSync(join(dir, 'node_modules/ametijuhend/schemas'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/ametijuhend/schemas/job-description.schema.json'), '{}');
    mkdirSync(join(dir, 'unit'));
    const path = join(dir, 'unit', 'analyst.md');
    const sub = readFileSync(join(dir, 'data-analyst.md'), 'utf8')
      .replace('$schema=../schemas/', '$schema=node_modules/ametijuhend/schemas/')
      .replace(/^id: .*$/m, 'id: analyst');
    writeFileSync(path, sub);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Created }],
    });
    const subUri = pathToFileURL(path).href;
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: subUri, languageId: 'markdown', version: 1, text: sub },
    });
    const got = await client.diagnostics(subUri, (d) => d.some((x) => x.code === 'schema-comment'));
    const d = got.find((x) => x.code === 'schema-comment')!;
    expect([d.severity, d.range.start.line]).toEqual([2, 1]);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: subUri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Fix the schema path: ../node_modules/ametijuhend/schemas/job-description.schema.json',
    ]);
    const fixed = applyEdits(sub, (actions[0]!.edit as WorkspaceEdit).changes![subUri]!);
    expect(fixed.split('\n')[1]).toBe(
      '# yaml-language-server: $schema=../node_modules/ametijuhend/schemas/job-description.schema.json',
    );
  });

  it('ends with code 0 after shutdown and exit', async () => {
    await client.conn.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((r) => client.child.on('exit', (code) => r(code)));
    await client.conn.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});

describe('ametijuhend lsp for an editor that does not watch files (Neovim, Helix)', () => {
  let dir: string;
  let client: Client;
  let uri: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lsp-nvim-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    uri = pathToFileURL(join(dir, 'ekspert-kriisiabi.md')).href;
    client = new Client(dir);
    await client.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      initializationOptions: { lang: 'en' },
    });
    await client.conn.sendNotification(InitializedNotification.type, {});
  }, 60_000);

  afterAll(() => {
    if (client.child.exitCode === null) client.child.kill();
  });

  it('speaks the language asked for, and publishes only the newest of quick edits', async () => {
    const base = readFileSync(join(dir, 'ekspert-kriisiabi.md'), 'utf8');
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'markdown',
        version: 1,
        text: base.replace('reportsTo:', 'reportTo:'),
      },
    });
    const first = await client.diagnostics(uri, (d) => d.length > 0);
    expect(first.map(msg)).toContain('Unknown key "reportTo". Did you mean "reportsTo"?');
    for (let v = 2; v <= 8; v++)
      await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ text: base.replace('reportsTo:', `reportTo${v}:`) }],
      });
    const last = await client.diagnostics(uri, (_d, p) => p.version === 8);
    expect(last.map(msg).join('\n')).toContain('"reportTo8"');
    const versions = client.published.get(uri)!.map((p) => p.version!);
    expect(versions).toEqual([1, 8]);
  });

  it('sees a catalogue and another description change on disk by itself', async () => {
    const base = readFileSync(join(dir, 'ekspert-kriisiabi.md'), 'utf8');
    const text = base.replace('    - Koostöövõime\n', '    - Koostöövõime\n    - Uus oskus\n');
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 9 },
      contentChanges: [{ text }],
    });
    await client.diagnostics(uri, (d, p) => p.version === 9 && d.some((x) => msg(x).includes('"Uus oskus"')));
    const cat = join(dir, 'competencies.yaml');
    writeFileSync(cat, `${readFileSync(cat, 'utf8')}Uus oskus:\n  - Näitaja.\n`);
    await client.diagnostics(uri, (d) => !d.some((x) => msg(x).includes('"Uus oskus"')));
    const other = join(dir, 'data-analyst.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('id: data-analyst', 'id: ekspert-kriisiabi'));
    const got = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-id'));
    expect(got.find((x) => x.code === 'duplicate-id')!.range.start.line).toBe(0);
  });

  it('ends on exit after shutdown', async () => {
    await client.conn.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((r) => client.child.on('exit', (code) => r(code)));
    await client.conn.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});

describe('ametijuhend lsp without a watching editor, in a folder with no description at the start', () => {
  let dir: string;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lsp-empty-'));
    cpSync(join(EXAMPLES, 'ametijuhend.config.yaml'), join(dir, 'ametijuhend.config.yaml'));
    cpSync(join(EXAMPLES, 'competencies.yaml'), join(dir, 'competencies.yaml'));
    client = new Client(dir);
    await client.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: {},
    });
    await client.conn.sendNotification(InitializedNotification.type, {});
  }, 60_000);

  afterAll(() => {
    if (client.child.exitCode === null) client.child.kill();
  });

  it('sees descriptions made there, and one deleted', async () => {
    const text = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8').replace(
      '$schema=../schemas/',
      '$schema=node_modules/ametijuhend/schemas/',
    );
    writeFileSync(join(dir, 'a.md'), text);
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'duplicate-id'));
    // another with the same id, made on disk (the editor says nothing)
    writeFileSync(join(dir, 'b.md'), text);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-id'));
    rmSync(join(dir, 'b.md'));
    await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'duplicate-id'));
  });
});
