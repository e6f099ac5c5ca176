import { describe, expect, it } from 'vitest';
import { findApproval, findDate, parseApproval } from './approval.js';
import { p } from './testing.js';

describe('the approval block', () => {
  it('one line, several lines, the renderer’s Estonian and English', () => {
    expect(
      parseApproval('KINNITATUD Sotsiaalkindlustusameti peadirektori 25.01.2026 käskkirjaga nr 1-2/26'),
    ).toEqual({
      by: 'Sotsiaalkindlustusameti peadirektori',
      directive: '1-2/26',
      date: '2026-01-25',
    });
    expect(parseApproval('KINNITATUD\nPeadirektor Mari Maasikas\n15.02.2026 käskkirjaga nr 1-2/34')).toEqual({
      by: 'Peadirektor Mari Maasikas',
      directive: '1-2/34',
      date: '2026-02-15',
    });
    expect(parseApproval('APPROVED\nMari Maasikas\nby directive No 1-2/34 of 15 February 2026')).toEqual({
      by: 'Mari Maasikas',
      directive: '1-2/34',
      date: '2026-02-15',
    });
    expect(parseApproval('Kinnitatud peadirektori 5.3.2026. a käskkirjaga nr. 12')).toEqual({
      by: 'peadirektori',
      directive: '12',
      date: '2026-03-05',
    });
  });

  it('dates in the ways they are written', () => {
    expect(findDate('25. jaanuar 2026')?.date).toBe('2026-01-25');
    expect(findDate('2026-01-25')?.date).toBe('2026-01-25');
    expect(findDate('31.13.2026')).toBeUndefined();
  });

  it('finds the block among paragraphs, and says when it is incomplete', () => {
    const paras = [
      p('Muu tekst'),
      p('KINNITATUD'),
      p('peadirektori'),
      p('25.01.2026 käskkirjaga nr 1-2/26'),
      p('AMETIJUHEND'),
    ];
    const found = findApproval(paras);
    expect(found.approval?.directive).toBe('1-2/26');
    expect(found.used).toEqual(paras.slice(1, 4));
    const partial = findApproval([p('KINNITATUD'), p('AMETIJUHEND')]);
    expect(partial.approval).toBeUndefined();
    expect(partial.partial).toBe('KINNITATUD');
  });
});
