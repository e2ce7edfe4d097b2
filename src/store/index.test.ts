import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from './index.js';

describe('parseClusterNodes', () => {
  it('reads host:port pairs, IPv6 in brackets, and refuses anything else', () => {
    expect(parseClusterNodes(' a.example:7000,10.0.0.2:7001 , [::1]:7002,')).toEqual([
      { host: 'a.example', port: 7000 },
      { host: '10.0.0.2', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(() => parseClusterNodes('a.example')).toThrow(/host:port, not "a.example"/);
    expect(() => parseClusterNodes(':7000')).toThrow(/host:port/);
  });
});
