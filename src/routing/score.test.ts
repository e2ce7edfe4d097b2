import { describe, expect, it } from 'vitest';
import devSet from './eval/dev-prompts.json' with { type: 'json' };
import firstSet from './eval/first-labelled-prompts.json' with { type: 'json' };
import heldOutSet from './eval/held-out-prompts.json' with { type: 'json' };
import firstHeldOut from './eval/first-held-out-prompts.json' with { type: 'json' };
import { articleRule, evaluate, type Labelled } from './eval/evaluate.js';
import { difficulty } from './score.js';

const score = (text: string) => difficulty(text).score;

describe('the difficulty score', () => {
  // [kind, prompt, which side of 0.5 it falls on]
  const table: [string, string, 'strong' | 'cheap'][] = [
    [
      'maths word problem',
      'A train leaves at 3 pm at 80 km/h and another at 4 pm at 120 km/h. When does the second catch up?',
      'strong',
    ],
    ['short maths', 'How many integers n between 1 and 1000 satisfy n^2 + n divisible by 6?', 'strong'],
    ['code to write, short', 'Implement a function that merges overlapping intervals.', 'strong'],
    ['a query to write', "Write a SQL query returning each customer's three most recent orders.", 'strong'],
    [
      'debugging',
      'Why does this crash with TypeError: cannot read properties of undefined?\n```js\nconst x = a.b.c;\n```',
      'strong',
    ],
    ['proof', 'Prove that the square root of 2 is irrational.', 'strong'],
    [
      'logic puzzle',
      'Three boxes are mislabelled; every label is wrong. You may draw one fruit. Which box do you open?',
      'strong',
    ],
    [
      'system design',
      'Design a rate limiter for an API gateway that must scale to 50 nodes with consistent limits.',
      'strong',
    ],
    ['security review', 'Audit this login handler for injection and XSS vulnerabilities.', 'strong'],
    ['maths in Spanish', 'Resuelve la ecuación x^2 - 5x + 6 = 0 y explica cada paso.', 'strong'],
    ['code in Chinese', '用Python实现一个线程安全的LRU缓存。', 'strong'],
    ['proof in Russian', 'Докажите, что сумма первых n нечётных чисел равна n².', 'strong'],
    ['code in German', 'Schreibe eine Funktion in Go, die einen Binärbaum serialisiert.', 'strong'],
    ['look-up', 'What is the capital of Australia?', 'cheap'],
    ['definition', 'Define idempotent.', 'cheap'],
    ['chit-chat', 'hi! how are you today?', 'cheap'],
    ['role-play', 'Pretend you are a pirate and greet me.', 'cheap'],
    ['creative', 'Write a haiku about autumn rain.', 'cheap'],
    ['rewriting', 'Rewrite this to sound more polite: send me the report now.', 'cheap'],
    ['translation in French', 'Traduis en anglais : « Je voudrais réserver une table pour deux. »', 'cheap'],
    ['look-up in Japanese', '富士山の高さはどのくらいですか?', 'cheap'],
    ['chit-chat in German', 'Hallo! Danke für deine Hilfe gestern.', 'cheap'],
    [
      'long and easy: a passage to summarise',
      `Summarize this in two sentences:\n\n${'The quarterly meeting covered the new office, the budget of 2.4 million, the hiring of 12 engineers and the timeline. '.repeat(8)}`,
      'cheap',
    ],
    [
      'long and easy: fields to extract',
      `Extract the name, date and total from this email:\n\n${'Hello, this is Anna Berg confirming order 4471 placed on 3 May for 129.90 EUR, delivery within 5 days. '.repeat(5)}`,
      'cheap',
    ],
  ];
  it.each(table)('%s', (_, prompt, side) => {
    const { score: s, reasons } = difficulty(prompt);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(reasons.length).toBeGreaterThan(0);
    if (side === 'strong') expect(s).toBeGreaterThanOrEqual(0.5);
    else expect(s).toBeLessThan(0.5);
  });

  it('reports the signals it read, with the sign of their pull', () => {
    expect(difficulty('Prove that there are infinitely many primes.').reasons).toContain('+proof or puzzle');
    expect(difficulty('Translate "thank you" into Italian.').reasons).toContain('-translation');
    expect(difficulty('ok').reasons).toEqual(['-very short']);
  });

  it('keeps a follow-up on a hard thread hard, unless it asks for something easy', () => {
    const thread = [
      {
        role: 'user',
        content: 'Implement a lock-free queue in C++ with a bounded buffer and explain the memory ordering.',
      },
    ];
    const alone = score('and what about the ABA problem?');
    const followUp = difficulty('and what about the ABA problem?', thread);
    expect(followUp.score).toBeGreaterThan(alone);
    expect(followUp.score).toBeGreaterThanOrEqual(0.5);
    expect(followUp.reasons).toContain('+hard thread');
    expect(difficulty('Thanks! Now translate your answer into Spanish.', thread).score).toBeLessThan(0.5);
  });

  it('length alone is a weak signal', () => {
    const chatty = `Tell me about your favourite colour. ${'I really like talking about colours with friends. '.repeat(30)}`;
    expect(score(chatty)).toBeLessThan(0.5);
  });
});

describe('the labelled prompts', () => {
  const parts = {
    development: [...firstSet.prompts, ...devSet.prompts] as Labelled[],
    heldOut: [...firstHeldOut.prompts, ...heldOutSet.prompts] as Labelled[],
  };

  it('are at least 300, of both labels, many kinds and languages, with short-hard and long-easy cases', () => {
    const all = [...parts.development, ...parts.heldOut];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((p) => p.kind).filter(Boolean)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((p) => p.lang).filter(Boolean)).size).toBeGreaterThanOrEqual(8);
    const words = (p: Labelled) => p.text.split(/\s+/).length;
    expect(all.filter((p) => p.label === 'strong' && words(p) < 20).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((p) => p.label === 'cheap' && words(p) > 80).length).toBeGreaterThanOrEqual(20);
  });

  it('on the held-out part, the score ranks well above a coin toss and the article rule', () => {
    const ours = evaluate(parts.heldOut, score);
    const article = evaluate(parts.heldOut, articleRule);
    expect(ours.area).toBeGreaterThan(0.65);
    expect(ours.area).toBeGreaterThan(article.area + 0.1);
    expect(ours.agreement).toBeGreaterThan(article.agreement);
  });
});

describe('the evaluation', () => {
  it('counts what a share of strong traffic catches, splitting ties evenly', () => {
    const perfect = [
      { text: 'a', label: 'strong' },
      { text: 'b', label: 'cheap' },
    ] as Labelled[];
    const exact = evaluate(perfect, (t) => (t === 'a' ? 1 : 0));
    expect(exact.curve.find((c) => c.share === 0.5)!.caught).toBe(1);
    // A constant score is a coin toss: it catches the share it sends.
    const flat = evaluate(perfect, () => 0.5);
    expect(flat.curve.map((c) => c.caught)).toEqual(flat.curve.map((c) => c.share));
    expect(flat.area).toBeCloseTo(0.5, 5);
    expect(exact.agreement).toBe(1);
  });
});
