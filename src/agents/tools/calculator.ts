/**
 * Arithmetic without eval: + - * / % ^, parentheses, unary minus, decimals. A small
 * recursive-descent parser, so a tool call can never run code.
 */
export function evaluateExpression(expression: string): number {
  const src = expression.replace(/\s+/g, '');
  if (!src || src.length > 500) throw new Error('expression must be 1-500 characters');
  let pos = 0;
  const peek = () => src[pos];
  const eat = (c: string) => (src[pos] === c ? (pos++, true) : false);

  function number(): number {
    const m = /^\d+(\.\d+)?|^\.\d+/.exec(src.slice(pos));
    if (!m) throw new Error(`unexpected "${peek() ?? 'end'}" at ${pos + 1}`);
    pos += m[0].length;
    return Number(m[0]);
  }
  function atom(): number {
    if (eat('-')) return -atom();
    if (eat('+')) return atom();
    if (eat('(')) {
      const v = sum();
      if (!eat(')')) throw new Error('missing ")"');
      return v;
    }
    return number();
  }
  function power(): number {
    const base = atom();
    return eat('^') ? base ** power() : base;
  }
  function product(): number {
    let v = power();
    for (;;) {
      if (eat('*')) v *= power();
      else if (eat('/')) v /= power();
      else if (eat('%')) v %= power();
      else return v;
    }
  }
  function sum(): number {
    let v = product();
    for (;;) {
      if (eat('+')) v += product();
      else if (eat('-')) v -= product();
      else return v;
    }
  }
  const value = sum();
  if (pos !== src.length) throw new Error(`unexpected "${peek()}" at ${pos + 1}`);
  if (!Number.isFinite(value)) throw new Error('the result is not a finite number');
  return value;
}
