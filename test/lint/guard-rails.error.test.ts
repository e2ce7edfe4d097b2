import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/check-boundaries.js';

/** The guard rails CI runs (npm run lint) catch what they are there for, on deliberately bad files. */
describe('the guard rails', () => {
  const eslint = new ESLint({ ignore: false });
  const rules = async (file: string) => {
    const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
    return result!.messages.map((m) => m.ruleId);
  };

  it('refuse a floating promise and a switch that forgets a case', async () => {
    expect(await rules('test/fixtures/lint/floating.ts')).toContain('@typescript-eslint/no-floating-promises');
    expect(await rules('test/fixtures/lint/switch.ts')).toContain('@typescript-eslint/switch-exhaustiveness-check');
  }, 60_000);

  it('refuse a storage client in graphql/', async () => {
    expect(await rules('test/fixtures/lint/tree/src/graphql/resolver.ts')).toContain('no-restricted-imports');
  }, 60_000);

  it('refuse a line past 120 columns', async () => {
    const long = `export const message = ${'1 + '.repeat(40)}1;\n`;
    const options = { ...(await prettier.resolveConfig('src/x.ts')), filepath: 'src/x.ts' };
    expect(await prettier.check(long, options)).toBe(false);
    expect(await prettier.check(await prettier.format(long, options), options)).toBe(true);
  });

  it('refuse an import circle between domains, an import of graphql/, and storage in graphql/', () => {
    const problems = checkBoundaries('test/fixtures/lint/tree');
    expect(problems).toContain('src/graphql/resolver.ts: graphql/ imports the storage client ioredis');
    expect(problems).toContain('src/agents/run.ts: imports graphql/ (nothing may)');
    expect(problems.some((p) => /import circle between domains: agents → budgets .* budgets → agents/.test(p))).toBe(
      true,
    );
    expect(checkBoundaries('.')).toEqual([]);
  });
});
