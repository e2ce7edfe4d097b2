import type { UsageLine } from '../../budgets/index.js';
import type { ModelRow, SideCallKind, SideCallRecord } from '../../db/schema/index.js';
import { costNumerator, toMicros, type TokenCounts } from '../../pricing/cost.js';

/** What a run spends on: its own model calls, and the side calls Governor makes for it. */
export type SpendKind = 'run' | 'classifier' | 'summary';

const SIDE_CALL_KIND = { classifier: 'CLASSIFIER', summary: 'SUMMARY' } as const satisfies Record<
  Exclude<SpendKind, 'run'>,
  SideCallKind
>;

type Line = TokenCounts & { kind: SpendKind; model: ModelRow; numerator: number };

/**
 * Everything a run has spent so far, one line per kind and model (a fallback model has a line of
 * its own), priced exactly and rounded up once per line. A run's record, its settlement and its
 * breakers all read their figures from here, so they always agree.
 */
export class Spend {
  private readonly lines: Line[] = [];

  add(kind: SpendKind, model: ModelRow, usage: TokenCounts): void {
    let line = this.lines.find((l) => l.kind === kind && l.model.id === model.id);
    if (!line)
      this.lines.push((line = { kind, model, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, numerator: 0 }));
    line.inputTokens += usage.inputTokens;
    line.outputTokens += usage.outputTokens;
    line.cachedInputTokens += usage.cachedInputTokens;
    line.numerator += costNumerator(model, usage);
  }

  get spent(): boolean {
    return this.lines.some((l) => l.inputTokens + l.outputTokens > 0 || l.numerator > 0);
  }

  /** Input, output and cached tokens of every line. */
  get usage(): TokenCounts {
    const sum = (pick: (l: Line) => number) => this.lines.reduce((n, l) => n + pick(l), 0);
    return {
      inputTokens: sum((l) => l.inputTokens),
      outputTokens: sum((l) => l.outputTokens),
      cachedInputTokens: sum((l) => l.cachedInputTokens),
    };
  }

  get tokens(): number {
    const u = this.usage;
    return u.inputTokens + u.outputTokens;
  }

  get costMicros(): number {
    return this.lines.reduce((n, l) => n + toMicros(l.numerator), 0);
  }

  /** What settling charges, the run's own calls first. */
  usageLines(): UsageLine[] {
    const ordered = [...this.lines.filter((l) => l.kind === 'run'), ...this.lines.filter((l) => l.kind !== 'run')];
    return ordered.map((l) => ({
      kind: l.kind,
      modelId: l.model.id,
      inputTokens: l.inputTokens,
      outputTokens: l.outputTokens,
      cachedInputTokens: l.cachedInputTokens,
      costMicros: toMicros(l.numerator),
    }));
  }

  sideCalls(): SideCallRecord[] {
    return this.lines.flatMap((l) =>
      l.kind === 'run'
        ? []
        : [
            {
              kind: SIDE_CALL_KIND[l.kind],
              modelId: l.model.id,
              inputTokens: l.inputTokens,
              outputTokens: l.outputTokens,
              cachedInputTokens: l.cachedInputTokens,
              costMicros: toMicros(l.numerator),
            },
          ],
    );
  }
}
