import { describe, expect, it } from 'vitest';
import { normalizeProgramText } from './normalize-program-text.ts';

describe('normalizeProgramText', () => {
  it('drops comments and layout but keeps string contents', () => {
    expect(
      normalizeProgramText("def f(x):  # hi\n\n    return   x + '#  no'  \n\t# c\n", 'python'),
    ).toBe("def f(x):\n    return x+'#  no'");
    expect(normalizeProgramText('int f() { /* a */ return  1; // x\n}\n', 'cpp')).toBe(
      'int f(){return 1;\n}',
    );
    expect(normalizeProgramText('x = a+1', 'ruby')).toBe(normalizeProgramText('x=a + 1', 'ruby'));
    expect(normalizeProgramText('s = "a // b";', 'javascript')).toBe('s="a // b";');
  });

  it('knows each language family', () => {
    expect(normalizeProgramText('local x = 1 -- c\n--[[ blk\n ]] return   x', 'lua')).toBe(
      'local x=1\nreturn x',
    );
    expect(normalizeProgramText('(define x 1) ; c\n#| b |#', 'racket')).toBe('(define x 1)');
    expect(normalizeProgramText('x = 1 #= b =# # c', 'julia')).toBe('x=1');
    expect(normalizeProgramText("fn f<'a>(x: &'a str) {} // c", 'rust')).toBe(
      "fn f<'a>(x:&'a str){}",
    );
  });

  it('keeps Python indentation, which carries meaning', () => {
    const nested = normalizeProgramText('if a:\n    b\nc', 'python');
    const flat = normalizeProgramText('if a:\nb\nc', 'python');
    expect(nested).not.toBe(flat);
    expect(normalizeProgramText('if a:\n\tb', 'python')).toBe('if a:\n        b');
    // Other languages: indentation is layout only.
    expect(normalizeProgramText('  {\n      x;\n  }', 'cpp')).toBe('{\nx;\n}');
  });

  it('does not remove comment markers inside strings, and ends unterminated comments', () => {
    expect(normalizeProgramText('x = "/* no */" /* yes', 'cpp')).toBe('x="/* no */"');
    expect(normalizeProgramText('x = """# a\n# b""" # c', 'python')).toBe('x="""# a\n# b"""');
  });
});
