/**
 * The article routes on length and a question mark. This heuristic reads what the request asks
 * for instead: code and error output, debugging, design and security vocabulary, multi-step and
 * reasoning requests weigh towards COMPLEX; factual, formatting and small-snippet requests towards
 * SIMPLE. The distance of the score from the threshold is its confidence.
 */
export type Complexity = 'SIMPLE' | 'COMPLEX';
export type HeuristicVerdict = { complexity: Complexity; confidence: number; score: number; reason: string };

type Signal = { name: string; weight: number; test: (text: string, lower: string, words: number) => boolean };

const any = (patterns: RegExp[]) => (_: string, lower: string) => patterns.some((p) => p.test(lower));

const SIGNALS: Signal[] = [
  { name: 'code', weight: 2, test: (t) => /```|\n\s{2,}\S.*\n\s{2,}\S/.test(t) },
  {
    name: 'debugging',
    weight: 2.5,
    test: any([
      /\b(traceback|stack ?trace|exception|deadlock|leaks?|crash(es|ing)?|flaky|race condition|root cause)\b/,
      /\b(debug|investigate)\b/,
      /\berror\b.*\b(only|when|after|why)\b/,
      /\bwhy (does|is|do|are)\b/,
      /\b(doesn't|does not|isn't|not) work/,
      /returning none|returns? undefined|typeerror|timeouterror/,
      /\b(latency|p99|throughput)\b.*\b(doubled|collapses|slow|increased)\b/,
      /went from .* to/,
    ]),
  },
  {
    name: 'architecture',
    weight: 2,
    test: any([
      /\b(architecture|architect|design (the|a)|migrat(e|ion)|microservices?|monolith|scal(e|able|ability)|trade-?offs?|saga|event sourcing|crdts?|sharding)\b/,
      /\b(evaluate|compare|versus|vs\.?)\b/,
      /\b(build or buy|recommend(ation)?|strategy|refactor)\b/,
      /\bzero[- ]downtime\b/,
    ]),
  },
  {
    name: 'security',
    weight: 2.5,
    test: any([
      /\b(security|secure|vulnerab\w*|audit|attack(er|s)?|threat model|xss|csrf|sql injection|injection|misconfigur\w*|compromised|encryption keys?)\b/,
      /\bsafe to\b/,
    ]),
  },
  {
    name: 'multi-step reasoning',
    weight: 1.5,
    test: any([
      /step[- ]by[- ]step/,
      /\bfirst\b[\s\S]*\b(then|finally)\b/,
      /\bwalk me through\b/,
      /\b(prove|analy[sz]e|optimi[sz]e|think through|propose|plan a|explain why|reasoning)\b/,
      /\bhow would you\b/,
      /\bwhere would you look\b/,
      /\bproduction[- ]ready\b/,
    ]),
  },
  { name: 'long request', weight: 1, test: (_, __, words) => words > 45 },
  { name: 'very long request', weight: 1, test: (_, __, words) => words > 90 },
  {
    name: 'factual or formatting',
    weight: -2,
    test: any([
      /^(what('s| is| are| does| year| time)|who|when|where|which|how many|how much|is |define|spell|translate|convert|format|sort|list|capitali[sz]e|rewrite|summari[sz]e|make this|turn this|give me (a|an)|can you fix the typos)\b/,
    ]),
  },
  {
    name: 'basic snippet',
    weight: -1.5,
    test: any([
      /\b(one-liner|snippet|regex|haiku|synonyms?)\b/,
      /^(write|give me) (a|an) (\w+ )?(function|regex|one-liner|haiku|query)\b/,
      /^how (do|can) (i|you) \w+/,
      /\bgit command\b/,
    ]),
  },
  { name: 'short', weight: -1, test: (_, __, words) => words <= 12 },
];

const THRESHOLD = 0.5;

export function classifyHeuristic(message: string, historyTurns = 0): HeuristicVerdict {
  const text = message.trim();
  const lower = text.toLowerCase().replace(/^(thanks!?|ok|okay|hi|hey|please)[,!. ]+(one more:?\s*)?/, '');
  const words = text.split(/\s+/).filter(Boolean).length;
  const hits = SIGNALS.filter((s) => s.test(text, lower, words));
  let score = hits.reduce((sum, s) => sum + s.weight, 0);
  // A long conversation tends to be working through something.
  if (historyTurns > 6) score += 0.5;
  const complexity: Complexity = score >= THRESHOLD ? 'COMPLEX' : 'SIMPLE';
  const margin = Math.abs(score - THRESHOLD);
  const confidence = Math.round((0.5 + 0.5 * (1 - Math.exp(-margin / 1.2))) * 100) / 100;
  const reason = hits.length ? hits.map((h) => `${h.weight > 0 ? '+' : '-'}${h.name}`).join(', ') : 'no strong signal';
  return { complexity, confidence, score, reason };
}

/** Below this confidence the classifier strategy asks a cheap model instead. */
export const UNSURE_BELOW = 0.7;
