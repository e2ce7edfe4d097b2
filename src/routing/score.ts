import { memoByText } from '../lib/memo.js';

/**
 * How likely the strong model is to be worth it for a request: a score in [0, 1] from signals that
 * generalise (published router research finds the strong model's lead concentrated in maths,
 * programming and multi-step reasoning, and small for writing, extraction, role-play and
 * look-ups). Each signal adds to a logit: the kind of task (in several languages), the request's
 * structure (code, equations, numbers with operations, lists of constraints), the conversation
 * (a follow-up on a hard thread stays hard), and length only weakly. Structure does not depend on
 * the language, so a request in a language the vocabulary misses is still read by its shape.
 */

/** An earlier turn, with the pipeline's lower-case roles. */
export type ScoredTurn = { role: string; content: string };
export type Difficulty = { score: number; reasons: string[] };

type Reading = { text: string; words: number; lines: string[] };
type Signal = { name: string; weight: number; test: (r: Reading) => boolean; easy?: boolean };

/**
 * Stems that start a word (Latin, Cyrillic and other alphabets), matched case-insensitively;
 * `cjk` entries match anywhere (those scripts have no spaces between words). Lists are separated
 * by | or line breaks.
 */
function vocabulary(stemList: string, cjkList = '', wholeWords = false): RegExp {
  const split = (list: string) =>
    list
      .split(/[|\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const [stems, cjk] = [split(stemList), split(cjkList)];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const end = wholeWords ? '(?![\\p{L}\\p{N}])' : '';
  const alpha = stems.length ? `(?<![\\p{L}\\p{N}])(?:${stems.map(escape).join('|')})${end}` : '';
  const rest = cjk.length ? `(?:${cjk.map(escape).join('|')})` : '';
  return new RegExp([alpha, rest].filter(Boolean).join('|'), 'iu');
}

const has = (pattern: RegExp) => (r: Reading) => pattern.test(r.text);
/** How often `pattern` occurs in a text, its global copy compiled once. */
const counter = (pattern: RegExp) => {
  const global = new RegExp(pattern.source, `${pattern.flags}g`);
  return (text: string) => (text.match(global) ?? []).length;
};

// Structure: the same in every language.
const CODE_FENCE = /```/;
const CODE_LINE =
  /[;{}]\s*$|^\s*(def |class |function |return |import |from \S+ import|#include|public |private |const |let |var |fn |func |SELECT |INSERT |UPDATE |CREATE )|=>|\w\([^)\n]{0,200}\)\s*[{:]/;
const ERROR_OUTPUT =
  /traceback|stack ?trace|[a-z](error|exception)\b|exception in thread|segmentation fault|panic:|^\s+at \S+ \(|line \d+|exit code \d|errno|\bE\d{3,4}\b|undefined is not|cannot read propert|null ?pointer/im;
const ARITHMETIC =
  /\d\s*[*^×÷]\s*\(?\s*\d|\d\s+[-+/]\s+\(?\d|\d\s*[<>≤≥]\s*\d|\b[a-z]\s*[\^²³]\s*\d?|(?<![\w$€£.,/])\d+[a-z]\b(?!\s*[a-z])/i;
const EQUATION =
  /[a-z]\s*=\s*[-\d(a-z]|\\(frac|sum|int|sqrt|prod|lim)|\$[^$\n]+\$|[∑∫√π∞≤≥≠∀∃∈⊂]|\b(mod|log|sin|cos|tan)\s*\(?\d/i;
const O_NOTATION = /\bO\((1|n|n\^?2|log ?n|n ?log ?n)\)/i;
const NUMBER = /(?<![\p{L}\d.])\d+(?:[.,]\d+)?(?![\p{L}\d])/gu;
const LIST_ITEM = /^\s*([-*•]|\d+[.)]|[a-z][.)])\s+\S/;

// The kinds of task where the strong model pulls ahead.
const MATHS = vocabulary(
  `
  calculat|compute|solve|equation|integer|prime|divisib|remainder|probabilit|expected value|variance
  derivative|integral|polynomial|factorial|permutation|combinat|matrix|eigen|geometr|triangle|circle|radius
  interest rate|compound interest|average speed|arithmetic|sum of|digits|fraction|expected number|perimeter
  diagonal|area of|volume of|rectangle|how long will it take|calcul|ecuaci|entero|primo|probabilidad|resuelv
  combien|équation|entier|probabilité|résou|berechn|umfang|fläche|diagonale|gleichung|ganze zahl
  wahrscheinlich|löse|equaç|probabilidade|resolva|calcol|equazion|probabilità|risolv|hoeveel|bereken
  vergelijking|oblicz|równani|hesapla|denklem|вычисл|уравнени|вероятност|целых|реши|посчитай|गणना|احسب
  احتمال|प्रायिकता
`,
  `
  概率|方程|计算|整数|求解|いくつ|何個|確率|方程式|計算|整数|확률|계산|방정식
`,
);
const QUANTITY_QUESTION = vocabulary(
  `
  how many|how much|cuánt|combien|wie viel|quant|quanti|сколько|ile |kaç|hoeveel
`,
  `
  多少|几个|いくつ|何個|몇
`,
);
const WRITE_CODE =
  /(?<![\p{L}])(write|create|build|implement|code|make|escribe|crea|écris|écrire|crée|schreib|erstelle|escreva|crie|scrivi|crea|напиши|создай|napisz|yaz|schrijf)\P{L}+(?:\p{L}+\P{L}+){0,6}?(functions?|class(es)?|methods?|programs?|scripts?|quer(y|ies)|endpoints?|utility|utilities|workers?|services?|modules?|parsers?|cli|components?|hooks?|funci[oó]n|fonction|funktion|funç[aã]o|funzione|функци\p{L}*|funkcj\p{L}*|programa|programme|programm|clase|classe|klasse|класс|consulta|requête|abfrage|запрос)/iu;
const LANGUAGE_NAME =
  /(?<![\p{L}])(python|javascript|typescript|java|golang|rust|c\+\+|c#|kotlin|swift|ruby|php|scala|haskell|sql|postgres\w*|mysql|react|node\.?js|kubernetes|docker\w*|bash|shell script|graphql|redis|kafka)(?![\p{L}])/iu;
const CODE_TO_WRITE = vocabulary(
  `
  implement|write a function|write a program|write a script|write a class|write code|write a query
  write an sql|write a sql|sql query|build a|create a function|algorithm|data structure|refactor|unit test
  concurren|thread-safe|thread safe|async|recursive|dynamic programming|parse|api endpoint|time complexity
  serializ|deserializ|production-ready|production ready|fully typed|type-safe|retries|backoff|implementa
  escribe una función|escribe un programa|algoritmo|implément|écris une fonction|écris un programme
  algorithme|implementier|schreibe eine funktion|schreib eine funktion|algorithmus|escreva uma função
  scrivi una funzione|реализ|напиши функци|напиши программ|алгоритм|napisz funkcj|fonksiyon yaz
  schrijf een functie|함수를 작성|구현
`,
  `
  实现|编写|写一个函数|函数|算法|代码|実装|関数|アルゴリズム|コードを書
`,
);
const DEBUGGING = vocabulary(
  `
  bug|debug|fails|failing|broken|doesn't work|does not work|isn't working|not working|crash|leak|deadlock
  race condition|hangs|freez|wrong output|wrong result|unexpected|why does|why is my|why do i get
  fix this code|fix my code|root cause|no funciona|falla|error en|ne fonctionne pas|marche pas|plante
  funktioniert nicht|stürzt|fehler|não funciona|non funziona|не работает|ошибк|падает|nie działa|çalışmıyor
  werkt niet
`,
  `
  报错|错误|不工作|崩溃|バグ|エラー|動かない|오류|버그
`,
);
const PROOF_OR_PUZZLE = vocabulary(
  `
  prove|proof|show that|theorem|lemma|if and only if|induction|contradiction|puzzle|riddle|liar|truth-teller
  counterfeit|weighing|mislabel|every label|knights and knaves|logic problem|deduce|paradox|demuestr
  acertijo|prouv|démontr|énigme|beweis|rätsel|prov|demonstr|dimostr|indovinell|докаж|доказа|головоломк
  загадк|udowodnij|kanıtla|bewijs
`,
  `
  证明|谜题|推理|証明|パズル|推論|증명|퍼즐
`,
);
const DESIGN = vocabulary(
  `
  design a|design the|architect|system design|scalab|scale to|distributed|microservice|schema for
  database schema|high availability|fault toleran|throughput|latency|consisten|sharding|replicat
  migration plan|zero downtime|zero-downtime|caching strategy|cache invalidation|stale data|how would you
  diseña|arquitectura|conçoi|concev|entwirf|entwerfen|architektur|projete|progetta|спроектир|архитектур
  zaprojektuj|tasarla|ontwerp
`,
  `
  设计|架构|設計|アーキテクチャ|설계|아키텍처
`,
);
const SECURITY = vocabulary(
  `
  vulnerab|exploit|threat model|security review|security audit|injection|xss|csrf|privilege escalation
  attack surface|secure this|is this secure|penetration|audit|misconfigur|vulnerabilidad|seguridad|sécurité
  sicherheitslücke|sicherheit|segurança|sicurezza|уязвим|безопасност
`,
  `
  漏洞|安全|脆弱性|セキュリティ|보안|취약점
`,
);
const ANALYSIS = vocabulary(
  `
  trade-off|tradeoff|trade off|compare|comparison|versus| vs |evaluate|analy|implications|critique|assess
  which is better|should i use|should we|recommend|explain why|reason about|justify|in depth|in-depth
  nuanced|why is|why are|what would happen|what happens if|correlat|root cause|despite|compar|analiz|evalú
  ventajas y desventajas|analys|évalu|vergleich|analysier|bewerte|vor- und nachteile|avalie|valuta|сравни
  анализ|оцени|porównaj|karşılaştır|vergelijk
`,
  `
  比较|分析|权衡|评估|比較|分析|評価|비교|분석
`,
);
const PLANNING = vocabulary(
  `
  step by step|step-by-step|plan for|plan a|schedule|itinerary|roadmap|strategy|allocate|optimi|minimi
  maximi|given that|subject to|constraint|first analy|propose a|paso a paso|planifica|organiza|presupuesto
  erstelle einen plan|étape par étape|planifie|schritt für schritt|plane|passo a passo|пошагов|спланируй
  krok po kroku|adım adım
`,
  `
  一步一步|逐步|计划|规划|ステップ|計画|단계별|계획
`,
);
const CONSTRAINT = vocabulary(
  `
  must|must not|at most|at least|no more than|no fewer than|exactly|without using|only if|unless|budget
  deadline|cannot|no two|each|every|none of|debe|al menos|como máximo|exactamente|doit|au moins|au plus
  exactement|muss|mindestens|höchstens|genau|deve|almeno|pelo menos|должен|должна|не более|не менее|ровно
  musi|co najmniej|en az|en fazla|moet|minstens
`,
  `
  必须|至少|最多|恰好|不能|必ず|少なくとも|最大|ちょうど|반드시|최소|최대
`,
);
const constraints = counter(CONSTRAINT);

// The kinds of task a cheap model does as well.
const TRANSLATE = vocabulary(
  `
  translate|translation|in english|into english|into spanish|into french|into german|traduc|traduz|tradu
  übersetz|переведи|перевод|przetłumacz|çevir|vertaal|översätt|oversæt|terjemah|dịch|ترجم|अनुवाद
`,
  `
  翻译|翻譯|译成|翻訳|訳して|번역
`,
);
const SUMMARISE = vocabulary(
  `
  summar|tl;dr|tldr|key points|main points|in one sentence|in a sentence|gist|condense|recap|resum|résum
  zusammenfass|fasse|riassum|sintetiz|кратко|резюм|перескажи|суммир|podsumuj|streszcz|özetle|samenvat
  sammanfatta|ringkas|tóm tắt|لخص|सारांश
`,
  `
  总结|概括|摘要|要約|まとめ|요약
`,
);
const REWRITE = vocabulary(
  `
  rewrite|rephrase|paraphrase|reword|proofread|fix the grammar|fix grammar|grammar|typos|spelling
  more formal|more polite|more casual|friendlier|shorten|make it shorter|make this|polish|tone
  improve the wording|edit this|reescrib|reformul|corrig|ortograf|gramática|plus formel|umformulier
  umschreib|korrigier|rechtschreib|reescrev|riscriv|перепиши|перефразир|исправь|popraw|przeredaguj|düzelt
  herschrijf|skriv om|perbaiki|viết lại
`,
  `
  改写|润色|改写成|语法|修改|书き直|書き直|言い換え|校正|添削|다시 써|교정|고쳐
`,
);
const EXTRACT = vocabulary(
  `
  extract|pull out|list all the|list the|find all the|which of these|classify|categori|sentiment|label each
  tag each|as json|to json|into json|as a table|into a table|as csv|to csv|markdown table|bullet|format this
  format the|reformat|convert|sort these|alphabeti|capitaliz|extrae|extrai|clasific|classif|sentimiento
  sentiment|extrahier|klassifizier|formatier|estrai|извлеки|классифиц|тональност|wyodrębnij|sınıflandır
  ayıkla|extraheer
`,
  `
  提取|分类|格式|情感|抽出|分類|整形|感情|추출|분류|형식
`,
);
const CREATIVE = vocabulary(
  `
  poem|haiku|limerick|sonnet|story|slogan|tagline|jingle|song|lyrics|joke|write an email|write a short email
  draft an email|write a message|write a note|cover letter|birthday|toast|caption|tweet|product description
  blog post|bio|poema|cuento|eslogan|poème|histoire|chanson|gedicht|geschichte|witz|poesia|storia|стих
  напиши рассказ|сказк|шутк|wiersz|şiir|hikaye|verhaal
`,
  `
  诗|故事|笑话|口号|詩|物語|俳句|ジョーク|시를|이야기
`,
);
const CHITCHAT = vocabulary(
  `
  hi|hello|hey|good morning|good night|thanks|thank you|how are you|what's up|nice to meet|i feel|i'm bored
  tell me a joke|hola|gracias|bonjour|salut|merci|hallo|danke|guten|olá|obrigad|ciao|grazie|привет|спасибо
  cześć|merhaba|dank je|hej
`,
  `
  你好|谢谢|こんにちは|ありがとう|おはよう|안녕|감사
`,
  true,
);
const ROLEPLAY = vocabulary(
  `
  pretend|act as|you are a|you're a|role-play|roleplay|role play|in character|play the role
  stay in character|imagine you are|finge|actúa como|eres un|fais comme si|tu es un|joue le rôle|tu so
  du bist ein|spiel|finja|fingi|представь, что|ты —|притворись
`,
  `
  扮演|假装|你是一个|演じ|なりきって|のふりをして|역할|척해
`,
);
const BRAINSTORM = vocabulary(
  `
  ideas for|give me ideas|brainstorm|suggest some|suggestions for|names for|name ideas|list of 5|list of 10
  ten ideas|five ideas|ideas de|ideas para|idées|vorschläge|ideen für|sugest|idee per|идеи|придумай|pomysły
  fikir
`,
  `
  点子|建议|想法|アイデア|案を|아이디어
`,
);
const LOOKUP = vocabulary(
  `
  what is|what's|what are|who is|who was|who wrote|who invented|when did|when was|where is|which country
  capital of|define|definition|meaning of|what does|stand for|how tall|how old|how far|qué es|quién|cuándo
  dónde|qu'est-ce|qui est|quand|où est|was ist|wer ist|wann|wo ist|o que é|quem|cos'è|chi è|что такое
  кто такой|кто написал|когда|где находится|co to jest|nedir|wat is|vad är|apa itu
`,
  `
  什么是|是什么|是谁|哪一年|首都|とは|誰|いつ|どこ|무엇|누구|언제|어디
`,
);
const HOWTO = vocabulary(`
  how do i|how can i|how to|how do you|cómo|comment |wie kann|wie mache|como |come si|как |jak |nasıl
`);
// Small code: a cheap model writes these as well.
const SNIPPET = vocabulary(`
  one-liner|one liner|snippet|regex|shortcut|git command|command to
`);

const numbers = (text: string) => (text.match(NUMBER) ?? []).length;

const SIGNALS: Signal[] = [
  // Maths: the words, or the shape (expressions, equations, quantities asked about).
  { name: 'maths', weight: 1.6, test: has(MATHS) },
  { name: 'equation', weight: 1.4, test: (r) => EQUATION.test(r.text) || ARITHMETIC.test(r.text) },
  { name: 'quantities', weight: 0.6, test: (r) => numbers(r.text) >= 3 },
  { name: 'proof or puzzle', weight: 2.2, test: has(PROOF_OR_PUZZLE) },
  // Programming: code to write, code shown, errors to explain.
  { name: 'code to write', weight: 1.8, test: (r) => CODE_TO_WRITE.test(r.text) || WRITE_CODE.test(r.text) },
  { name: 'programming', weight: 0.6, test: has(LANGUAGE_NAME) },
  { name: 'quantity asked', weight: 0.6, test: has(QUANTITY_QUESTION) },
  {
    name: 'code',
    weight: 1.2,
    test: (r) =>
      CODE_FENCE.test(r.text) || r.lines.filter((l) => CODE_LINE.test(l)).length >= 2 || O_NOTATION.test(r.text),
  },
  { name: 'error output', weight: 1.4, test: has(ERROR_OUTPUT) },
  { name: 'debugging', weight: 1.4, test: has(DEBUGGING) },
  { name: 'design', weight: 1.6, test: has(DESIGN) },
  { name: 'security', weight: 1.6, test: has(SECURITY) },
  { name: 'analysis', weight: 1.0, test: has(ANALYSIS) },
  { name: 'planning', weight: 0.9, test: has(PLANNING) },
  // Multi-step instructions: several constraints, or a list of requirements.
  { name: 'constraints', weight: 0.9, test: (r) => constraints(r.text) >= 2 },
  { name: 'many constraints', weight: 0.7, test: (r) => constraints(r.text) >= 4 },
  { name: 'requirements list', weight: 0.7, test: (r) => r.lines.filter((l) => LIST_ITEM.test(l)).length >= 3 },

  { name: 'translation', weight: -2.2, easy: true, test: has(TRANSLATE) },
  { name: 'summary', weight: -2.2, easy: true, test: has(SUMMARISE) },
  { name: 'rewriting', weight: -1.8, easy: true, test: has(REWRITE) },
  { name: 'extraction or formatting', weight: -1.6, easy: true, test: has(EXTRACT) },
  { name: 'creative writing', weight: -1.4, easy: true, test: has(CREATIVE) },
  { name: 'role-play', weight: -1.6, easy: true, test: has(ROLEPLAY) },
  { name: 'brainstorm', weight: -1.3, easy: true, test: has(BRAINSTORM) },
  { name: 'small code', weight: -1.2, easy: true, test: has(SNIPPET) },
  { name: 'chit-chat', weight: -2.0, easy: true, test: (r) => r.words <= 25 && CHITCHAT.test(r.text) },
  { name: 'look-up', weight: -1.3, easy: true, test: (r) => r.words <= 25 && LOOKUP.test(r.text) },
  { name: 'how-to', weight: -0.8, easy: true, test: (r) => r.words <= 30 && HOWTO.test(r.text) },

  // Length is a weak signal, and none for a passage handed over to summarise or translate.
  { name: 'long', weight: 0.3, test: (r) => r.words > 150 },
  { name: 'very short', weight: -0.4, test: (r) => r.words <= 6 },
];

/** Signals that say little of the task by themselves. */
const WEAK = new Set(['quantity asked', 'quantities', 'long', 'programming']);

const BIAS = -0.4;
/** How much of a hard thread a follow-up keeps: a short one (a "why?" or "and for n = 5?") most. */
const THREAD_CARRY = { short: 0.85, long: 0.5 };

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * What the signals read of a long request: its start and its end (an instruction sits at one or
 * the other), so that the cost of scoring is bounded whatever the length.
 */
const READ_HEAD = 6000;
const READ_TAIL = 2000;

function read(text: string): Reading {
  const all = text.trim();
  const trimmed = all.length > READ_HEAD + READ_TAIL ? `${all.slice(0, READ_HEAD)}\n${all.slice(-READ_TAIL)}` : all;
  // Words in spaced scripts; CJK text counts about one word per two characters.
  const spaced = all.split(/\s+/).filter(Boolean).length;
  const cjk = (trimmed.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  return { text: trimmed, words: Math.max(spaced, Math.round(cjk / 2)), lines: trimmed.split('\n') };
}

/**
 * A request that hands over a passage (an email to summarise, a notice to translate) is read by
 * its instruction: the first line or sentence, up to a colon.
 */
function instructionOf(text: string): string | undefined {
  const cut = /[:：]\s*\n|\n\s*\n|[:：]\s+["“«„「]/.exec(text);
  if (!cut || cut.index > 300 || text.length - cut.index < 120) return undefined;
  return text.slice(0, cut.index);
}

/** Repeated short requests (the ones a cache answers) are scored once: about 0.15 ms saved each. */
const scoreOne = memoByText(scoreText, { size: 2000, maxChars: 2000 });

function scoreText(text: string): { score: number; hits: Signal[] } {
  const reading = read(text);
  let hits = SIGNALS.filter((s) => s.test(reading));
  const instruction = instructionOf(reading.text);
  if (instruction) {
    // An easy task over a passage: the passage's own words and numbers are not the task.
    const asked = SIGNALS.filter((s) => s.test(read(instruction)));
    if (asked.some((s) => s.easy)) hits = asked.filter((s) => s.name !== 'very short');
  }
  // A passage to summarise or translate is long without being hard.
  if (hits.some((s) => s.easy)) hits = hits.filter((s) => s.name !== 'long');
  // A question's form does not make a hard task easy: "What is the expected number of rolls…".
  const task = hits.some((s) => s.weight > 0 && !WEAK.has(s.name));
  if (task) hits = hits.filter((s) => s.name !== 'look-up' && s.name !== 'how-to');
  const logit = hits.reduce((sum, s) => sum + s.weight, BIAS);
  return { score: sigmoid(logit), hits };
}

/** The request's difficulty, and why: each signal that fired, with the sign of its pull. */
export function difficulty(message: string, history: readonly ScoredTurn[] = []): Difficulty {
  const own = scoreOne(message);
  const reasons = own.hits.map((h) => `${h.weight > 0 ? '+' : '-'}${h.name}`);
  let score = own.score;
  // A follow-up on a hard thread stays hard, unless it asks for something a cheap model does well.
  const earlier = history
    .filter((t) => t.role === 'user' || CODE_FENCE.test(t.content))
    .slice(-3)
    .map((t) => scoreOne(t.content).score);
  const thread = earlier.length ? Math.max(...earlier) : 0;
  if (thread > score && !own.hits.some((h) => h.easy)) {
    const carry = read(message).words <= 25 ? THREAD_CARRY.short : THREAD_CARRY.long;
    score += (thread - score) * carry;
    reasons.push('+hard thread');
  }
  return { score: Math.round(score * 1000) / 1000, reasons: reasons.length ? reasons : ['no strong signal'] };
}
