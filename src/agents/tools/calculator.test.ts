import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './calculator.js';

describe('evaluateExpression', () => {
  it.each([
    ['2+2', 4],
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['-3 ^ 2', 9],
    ['2 ^ 3 ^ 2', 512],
    ['10 % 4', 2],
    ['.5 * 4', 2],
    ['7 / 2', 3.5],
  ])('%s = %s', (expr, value) => expect(evaluateExpression(expr)).toBe(value));
  it.each(['', '2 +', 'process.exit()', '1 / 0', '(1 + 2', '2 ** 3'])('refuses %j', (expr) =>
    expect(() => evaluateExpression(expr)).toThrow(),
  );
});
