import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

export const ID_PREFIXES = {
  tenant: 'ten',
  user: 'usr',
  apiKey: 'key',
  agent: 'agt',
  plan: 'pln',
  run: 'run',
  usage: 'use',
  alert: 'alr',
  routingAdjustment: 'radj',
  session: 'ses',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

// Random bytes drawn 4 KiB at a time: one call to the CSPRNG serves 256 ids.
const pool = Buffer.alloc(4096);
let offset = pool.length;
function random16(): Buffer {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

/** Time-ordered ids (`usr_` + 10 chars of ms time + 16 random): keyset pagination orders by id. */
export function newId(kind: IdKind, now = Date.now()): string {
  let rand = '';
  for (const b of random16()) rand += ALPHABET[b % 32];
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${rand}`;
}
