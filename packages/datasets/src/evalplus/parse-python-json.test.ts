import { describe, expect, it } from 'vitest';
import { parsePythonJson } from './parse-python-json.ts';

describe('parsePythonJson', () => {
  it('reads standard JSON unchanged', () => {
    expect(parsePythonJson('{"a": [1, 2.5, "x"]}')).toEqual({ a: [1, 2.5, 'x'] });
  });

  it("turns Python's NaN, Infinity and -Infinity into null outside strings", () => {
    expect(parsePythonJson('[NaN, Infinity, -Infinity, 1]')).toEqual([null, null, null, 1]);
    expect(parsePythonJson('{"s": "NaN and -Infinity \\" Infinity", "v": [-Infinity]}')).toEqual({
      s: 'NaN and -Infinity " Infinity',
      v: [null],
    });
  });

  it('still rejects text that is not JSON', () => {
    expect(() => parsePythonJson('[NaN,')).toThrow(SyntaxError);
    expect(() => parsePythonJson('{x: 1}')).toThrow(SyntaxError);
  });
});
