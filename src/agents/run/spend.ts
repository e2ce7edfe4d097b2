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

/** What the earlier calls of a run spanning calls spent (from the run's store record). */
export type PriorSpend = TokenCounts & { costMicros: number; calls?: number };

const NOTHING: PriorSpend = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costMicros: 0 };

/**
 * What a call has spent so far, one line per kind and model (a fallback model has a line of its
 * own), priced exactly and rounded up once per line; and, for a run that spans calls, what its
 * earlier calls spent. The run's breakers and its record read the run's totals; the settlement and
 * the hold's true-ups read this call's, so they always agree with what is held and charged.
 */
export class Spend {
  private readonly lines: Line[] = [];
  /** The model the run would have used had the router not chosen a cheaper one (routing savings). */
  private strongModel: ModelRow | undefined;

  constructor(private readonly prior: PriorSpend = NOTHING) {}

  /**
   * The router itself chose a cheaper model than `strong`: each of the run's own calls on another
   * model records what it would have cost on `strong`, minus what it cost, as saved.
   */
  comparedWith(strong: ModelRow): void {
    this.strongModel = strong;
  }

  add(kind: SpendKind, model: ModelRow, usage: TokenCounts): void {
    let line = this.lines.find((l) => l.kind === kind && l.model.id === model.id);
    if (!line)
      this.lines.push((line = { kind, model, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, numerator: 0 }));
    line.inputTokens += usage.inputTokens;
    line.outputTokens += usage.outputTokens;
    line.cachedInputTokens += usage.cachedInputTokens;
    line.numerator += costNumerator(model, usage);
  }

  /** A later call of a run that spans calls (the run was counted with its first call). */
  get continuesRun(): boolean {
    return (this.prior.calls ?? 0) > 0;
  }

  /** This call spent something (to settle), or nothing (to release). */
  get spent(): boolean {
    return this.lines.some((l) => l.inputTokens + l.outputTokens > 0 || l.numerator > 0);
  }

  /** This call's input, output and cached tokens. */
  get callUsage(): TokenCounts {
    const sum = (pick: (l: Line) => number) => this.lines.reduce((n, l) => n + pick(l), 0);
    return {
      inputTokens: sum((l) => l.inputTokens),
      outputTokens: sum((l) => l.outputTokens),
      cachedInputTokens: sum((l) => l.cachedInputTokens),
    };
  }

  get callTokens(): number {
    const u = this.callUsage;
    return u.inputTokens + u.outputTokens;
  }

  get callCostMicros(): number {
    return this.lines.reduce((n, l) => n + toMicros(l.numerator), 0);
  }

  /** The run's tokens, its earlier calls included. */
  get usage(): TokenCounts {
    const u = this.callUsage;
    const p = this.prior;
    return {
      inputTokens: p.inputTokens + u.inputTokens,
      outputTokens: p.outputTokens + u.outputTokens,
      cachedInputTokens: p.cachedInputTokens + u.cachedInputTokens,
    };
  }

  get tokens(): number {
    const u = this.usage;
    return u.inputTokens + u.outputTokens;
  }

  get costMicros(): number {
    return this.prior.costMicros + this.callCostMicros;
  }

  /** What settling this call charges, its own model calls first. */
  usageLines(): UsageLine[] {
    const ordered = [...this.lines.filter((l) => l.kind === 'run'), ...this.lines.filter((l) => l.kind !== 'run')];
    return ordered.map((l) => ({
      kind: l.kind,
      modelId: l.model.id,
      inputTokens: l.inputTokens,
      outputTokens: l.outputTokens,
      cachedInputTokens: l.cachedInputTokens,
      costMicros: toMicros(l.numerator),
      savedCostMicros: this.saved(l),
    }));
  }

  /** What routing saved on this call (see comparedWith). */
  get savedCostMicros(): number {
    return this.lines.reduce((n, l) => n + this.saved(l), 0);
  }

  private saved(l: Line): number {
    const strong = this.strongModel;
    if (!strong || l.kind !== 'run' || l.model.id === strong.id) return 0;
    return Math.max(0, toMicros(costNumerator(strong, l)) - toMicros(l.numerator));
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
