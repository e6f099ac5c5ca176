/**
 * The model holds printed text with typographic quotes (so every renderer prints the same), while
 * identifiers, diagnostics and source positions stay exactly as without the pass.
 */
import { describe, expect, it } from 'vitest';
import type { JobDescription } from '../src/model/types.js';
import { compileRef, REFERENCE, replace } from './helpers.js';

function compiled(text: string): { model: JobDescription; diagnostics: unknown[] } {
  const result = compileRef(text);
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return { model: result.model, diagnostics: result.diagnostics };
}

function quoted(): string {
  let text = replace(
    REFERENCE,
    'title: Ekspert (psühhosotsiaalne kriisiabi)',
    `title: 'Ekspert "kriisiabi"'`,
  );
  text = replace(text, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nversion: \'"1.0"\'');
  text = replace(
    text,
    'requirements:',
    'approval:\n  by: \'Direktor "Jaan" Tamm\'\n  directive: \'"7"\'\n  date: 2026-03-02\nrequirements:',
  );
  text = replace(text, '    - Loovus', '    - name: \'"Loovus"\'\n      indicators: [\'Teeb "uut"\']');
  return replace(text, 'kord aastas vahetu juhiga', 'kord aastas "vahetu juhiga"');
}

describe('typographic quotes in the model', () => {
  const { model } = compiled(quoted());

  it('are in the frontmatter texts and the body', () => {
    expect(model.title).toBe('Ekspert „kriisiabi“');
    expect(model.approval?.by).toBe('Direktor „Jaan“ Tamm');
    const loovus = model.requirements.additionalCompetencies.find((c) => c.name.includes('Loovus'));
    expect(loovus?.name).toBe('„Loovus“');
    expect(loovus?.indicators).toEqual(['Teeb „uut“']);
    const changes = JSON.stringify(model.sections.changes?.blocks);
    expect(changes).toContain('„vahetu juhiga“');
  });

  it('are not in identifiers: id, version, directive number', () => {
    expect(model.id).toBe('ekspert-kriisiabi');
    expect(model.version).toBe('"1.0"');
    expect(model.approval?.directive).toBe('"7"');
  });

  it('change neither diagnostics nor positions', () => {
    const straight = replace(quoted(), 'kord aastas "vahetu juhiga"', 'kord aastas xvahetu juhigax');
    const a = compiled(quoted());
    const b = compiled(straight);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(a.model.positions).toEqual(b.model.positions);
    expect(a.model.sections.changes?.blocks[0]?.position).toEqual(
      b.model.sections.changes?.blocks[0]?.position,
    );
    const text = (m: JobDescription): unknown =>
      (m.sections.changes?.blocks[0] as { children: { position: unknown }[] }).children[0]!.position;
    expect(text(a.model)).toEqual(text(b.model));
  });

  it('are English in an English description', () => {
    const en = compiled(replace(quoted(), 'title:', 'lang: en\ntitle:')).model;
    expect(en.title).toBe('Ekspert “kriisiabi”');
  });
});
