/**
 * `check --format junit` on the real CLI. The XML is read back with a real, strict XML parser
 * (the JDK's, which CI has for vnu and PDFBox) so well-formedness and escaping are checked by
 * someone other than the writer, then its structure is compared exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { junit } from '../src/report/junit.js';
import { escapeXml } from '../src/util/xml.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** The element's own text nodes, concatenated. */
  text: string;
  children: XmlElement[];
}

/** Parses XML with the JDK's DOM parser (DOCTYPEs refused) and dumps the tree as JSON. */
const DUMP_JAVA = String.raw`
import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.*;

public class XmlDump {
  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
  static void dump(Element e, StringBuilder out) {
    out.append("{\"name\":").append(q(e.getTagName())).append(",\"attrs\":{");
    NamedNodeMap a = e.getAttributes();
    for (int i = 0; i < a.getLength(); i++) {
      if (i > 0) out.append(',');
      out.append(q(a.item(i).getNodeName())).append(':').append(q(a.item(i).getNodeValue()));
    }
    StringBuilder text = new StringBuilder();
    StringBuilder kids = new StringBuilder();
    NodeList ns = e.getChildNodes();
    for (int i = 0; i < ns.getLength(); i++) {
      Node n = ns.item(i);
      if (n instanceof Element) {
        if (kids.length() > 0) kids.append(',');
        dump((Element) n, kids);
      } else if (n instanceof Text) text.append(n.getNodeValue());
    }
    out.append("},\"text\":").append(q(text.toString())).append(",\"children\":[").append(kids).append("]}");
  }
  public static void main(String[] args) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    StringBuilder out = new StringBuilder();
    dump(b.parse(new File(args[0])).getDocumentElement(), out);
    System.out.print(out);
  }
}
`;

let javaDir = '';
beforeAll(() => {
  javaDir = mkdtempSync(join(tmpdir(), 'ametijuhend-xml-'));
  writeFileSync(join(javaDir, 'XmlDump.java'), DUMP_JAVA);
});

/** The parsed document, or a thrown error with the parser's complaint when it is not well-formed. */
function parseXml(xml: string): XmlElement {
  const file = join(javaDir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('java', [join(javaDir, 'XmlDump.java'), file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout) as XmlElement;
}

/** Drops the indentation text between elements. */
function tidy(e: XmlElement): XmlElement {
  const children = e.children.map(tidy);
  return { ...e, text: children.length && !e.text.trim() ? '' : e.text, children };
}

const testcase = (name: string, ...children: XmlElement[]): XmlElement => ({
  name: 'testcase',
  attrs: { name, classname: 'ametijuhend', file: name },
  text: '',
  children,
});

describe('check --format junit', () => {
  it('one testsuite, a testcase per checked file, a failure per error, warnings in system-out', () => {
    const dir = tempTree({
      'ametijuhend.config.yaml': config,
      'competencies.yaml': catalogue,
      'ok.md': reference,
      // a file name that is not an id needs an id of its own (invalid-value)
      'sub dir/x,y.md': reference
        .replace('title: Ekspert', 'id: x-y\ntitle: Ekspert')
        .replace('## Vastutus', '## Vastutuss')
        .replace('reportsTo: Tiimijuht', 'reportTo: Tiimijuht'),
      'w.md': reference.replace('Töötajal on õigus:', 'Töötajal on <b>õigus</b>:'),
    });
    const r = cli(['check', '--format', 'junit', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const json = JSON.parse(cli(['check', '--format', 'json', '--lang', 'en'], dir).stdout) as {
      file: string;
      line: number;
      column: number;
      rule: string;
      message: string;
    }[];
    const at = (file: string, rule: string): (typeof json)[number] =>
      json.find((d) => d.file === file && d.rule === rule)!;
    const key = at('sub dir/x,y.md', 'unknown-key');
    const section = at('sub dir/x,y.md', 'unknown-section');
    const [b, slashB] = json.filter((d) => d.file === 'w.md');
    const failure = (d: typeof key): XmlElement => ({
      name: 'failure',
      attrs: { message: `${d.rule}: ${d.message}`, type: d.rule },
      text: `${d.file}:${d.line}:${d.column}: ${d.message}`,
      children: [],
    });
    const counts = { tests: '3', failures: '1', errors: '0', skipped: '0' };
    expect(tidy(parseXml(r.stdout))).toEqual({
      name: 'testsuites',
      attrs: { name: 'ametijuhend', ...counts },
      text: '',
      children: [
        {
          name: 'testsuite',
          attrs: { name: 'ametijuhend', ...counts },
          text: '',
          children: [
            testcase('ok.md'),
            testcase('sub dir/x,y.md', failure(key), failure(section)),
            testcase('w.md', {
              name: 'system-out',
              attrs: {},
              text: [b!, slashB!]
                .map((d) => `w.md:${d.line}:${d.column}: warning ${d.message} [raw-html]`)
                .join('\n'),
              children: [],
            }),
          ],
        },
      ],
    });
    // the messages really contain what needed escaping
    expect(key.message).toContain('"reportTo"');
    expect(b!.message).toContain('"<b>"');
  });

  it('a clean run is a passing suite with every file; --quiet leaves the warnings out; Estonian labels', () => {
    const dir = tempTree({
      'ametijuhend.config.yaml': config,
      'competencies.yaml': catalogue,
      'a.md': reference,
      'b.md': reference.replace('Töötajal on õigus:', 'Töötajal on <i>õigus</i>:'),
    });
    const clean = cli(['check', 'a.md', '--format', 'junit'], dir);
    expect(clean.code).toBe(0);
    expect(tidy(parseXml(clean.stdout)).children[0]).toEqual({
      name: 'testsuite',
      attrs: { name: 'ametijuhend', tests: '1', failures: '0', errors: '0', skipped: '0' },
      text: '',
      children: [testcase('a.md')],
    });
    const warned = tidy(parseXml(cli(['check', '--format', 'junit', '--lang', 'et'], dir).stdout));
    const out = warned.children[0]!.children[1]!.children[0]!;
    expect(out.name).toBe('system-out');
    expect(out.text).toMatch(
      /^b\.md:\d+:\d+: hoiatus HTML „<i>“ .*\[raw-html\]\nb\.md:\d+:\d+: hoiatus HTML „<\/i>“/,
    );
    const quiet = tidy(parseXml(cli(['check', '--format', 'junit', '--quiet'], dir).stdout));
    expect(quiet.children[0]!.children).toEqual([testcase('a.md'), testcase('b.md')]);
  });

  it('problems in a file that is not a description (the config) get a testcase of their own', () => {
    const dir = tempTree({
      'ametijuhend.config.yaml': `${config}colour: blue\n`,
      'competencies.yaml': catalogue,
      'a.md': reference,
    });
    const r = cli(['check', '--format', 'junit', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const suite = tidy(parseXml(r.stdout)).children[0]!;
    expect(suite.children.map((c) => c.attrs.name)).toEqual(['a.md', 'ametijuhend.config.yaml']);
    expect(suite.children[1]!.children[0]!.attrs.type).toBe('unknown-key');
    expect(suite.attrs.tests).toBe('2');
  });

  it('escapes markup and drops characters XML cannot carry, in attributes and text', () => {
    // a frontmatter key with markup, quotes and a control character (U+0001) reaches the messages
    const dir = tempTree({
      'ametijuhend.config.yaml': config,
      'competencies.yaml': catalogue,
      'x.md': reference.replace('reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\n"a<b>&c\'d\\x01e": 1'),
    });
    const r = cli(['check', '--format', 'junit', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const failure = tidy(parseXml(r.stdout)).children[0]!.children[0]!.children[0]!;
    expect(failure.attrs.message).toMatch(/^unknown-key: Unknown key "a<b>&c'd\uFFFDe"/);
    expect(failure.text).toMatch(/^x\.md:\d+:1: Unknown key "a<b>&c'd\uFFFDe"/);
  });

  it('escapeXml: references for & < > " \', tab and line ends kept in attributes, lone surrogates replaced', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('a\tb\nc\rd', { attribute: true })).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXml('a\tb\nc')).toBe('a\tb\nc');
    expect(escapeXml('\u0000\u001f\uFFFF\uD800x\uDC00 😀', { invalid: 'replace' })).toBe(
      '\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD 😀',
    );
    expect(escapeXml('\u0000a\uD800b')).toBe('ab');
    expect(escapeXml(`a"b'c`, { quotes: false })).toBe(`a"b'c`);
    const xml = junit({
      diagnostics: [
        {
          file: 'a "b".md',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          rule: 'r',
          message: 'line one\nline\ttwo\r]]> & \u0007',
        },
      ],
      files: ['a "b".md'],
      fileCount: 1,
      lang: 'en',
      color: false,
    });
    const failure = parseXml(xml).children[0]!.children[0]!.children[0]!;
    expect(failure.attrs).toEqual({ message: 'r: line one\nline\ttwo\r]]> & \uFFFD', type: 'r' });
    expect(failure.text).toBe('a "b".md:1:1: line one\nline\ttwo\r]]> & \uFFFD');
  });
});
