import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, tierUpFlag } from './jit.js';

describe('tierUpFlag', () => {
  it("raises V8 11's tier-up budget fourfold", () => {
    expect(INTERRUPT_BUDGET).toBe(270_336);
    expect(tierUpFlag('11.3.244.8-node.38', [])).toBe('--interrupt-budget=270336');
    expect(tierUpFlag('11.3.244.8-node.38', ['--max-old-space-size=4096'])).toBe('--interrupt-budget=270336');
  });

  it('keeps the defaults of other V8 versions', () => {
    expect(tierUpFlag('12.4.254.21-node.33', [])).toBeUndefined();
    expect(tierUpFlag('10.2.154.26-node.26', [])).toBeUndefined();
    expect(tierUpFlag('110.0', [])).toBeUndefined();
  });

  it('keeps a budget the process was started with', () => {
    expect(tierUpFlag('11.3.244.8-node.38', ['--interrupt-budget=1000'])).toBeUndefined();
    expect(tierUpFlag('11.3.244.8-node.38', ['--interrupt_budget=1000'])).toBeUndefined();
    expect(tierUpFlag('11.3.244.8-node.38', ['--interrupt-budget-for-feedback-allocation=9'])).toBe(
      '--interrupt-budget=270336',
    );
  });
});
