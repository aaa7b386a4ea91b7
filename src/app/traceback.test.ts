import { describe, expect, it } from 'vitest';
import { frameOf, locateError } from './traceback.ts';

describe('locateError', () => {
  it('finds the innermost frame in the plugin files, with its marks and exception', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/plugin/plugin.py", line 4, in run_e',
      '    sdk.return_result(helper.f(p), i)',
      '                      ^^^^^^^^^^^',
      '  File "/plugin/helper.py", line 5, in f',
      '    return g(p)',
      '           ^^^^',
      '  File "/plugin/helper.py", line 2, in g',
      '    return 1 / 0',
      '           ~~^~~',
      '  File "/lib/python311.zip/json/__init__.py", line 346, in loads',
      '    return _default_decoder.decode(s)',
      'ZeroDivisionError: division by zero',
    ];
    expect(locateError(lines)).toEqual({
      path: 'helper.py',
      line: 2,
      span: { start: 7, end: 12 },
      message: 'ZeroDivisionError: division by zero',
    });
  });

  it('reads a SyntaxError at import, through the import machinery frames', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "<frozen importlib._bootstrap>", line 1178, in _find_and_load',
      '  File "<frozen importlib._bootstrap_external>", line 1004, in source_to_code',
      '  File "/plugin/pkg/mod.py", line 3',
      '    x = (1,',
      '        ^',
      "SyntaxError: '(' was never closed",
    ];
    expect(locateError(lines)).toEqual({
      path: 'pkg/mod.py',
      line: 3,
      span: { start: 4, end: 5 },
      message: "SyntaxError: '(' was never closed",
    });
  });

  it('takes the last traceback of a run (a chained exception), and skips other output', () => {
    const lines = [
      'hello from print',
      'Traceback (most recent call last):',
      '  File "/plugin/plugin.py", line 9, in run_e',
      '    int(p)',
      "ValueError: invalid literal for int() with base 10: 'x'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/plugin/plugin.py", line 11, in run_e',
      '    raise KeyError(p)',
      "KeyError: 'x'",
    ];
    expect(locateError(lines)).toEqual({ path: 'plugin.py', line: 11, message: "KeyError: 'x'" });
  });

  it('falls back to the import error message, and finds nothing outside the plugin files', () => {
    expect(locateError([], 'cannot import plugin: IndentationError: unexpected indent (helper.py, line 2)')).toEqual({
      path: 'helper.py',
      line: 2,
      message: 'IndentationError: unexpected indent',
    });
    expect(locateError(['Traceback (most recent call last):', '  File "/lib/x.py", line 3, in f', 'OSError: nope'])).toBeNull();
    expect(locateError(['just output'], 'ValueError: x')).toBeNull();
  });

  it('links a frame line of the log to its file and line', () => {
    expect(frameOf('  File "/plugin/pkg/a.py", line 12, in <module>')).toEqual({ path: 'pkg/a.py', line: 12 });
    expect(frameOf('  File "/lib/python311.zip/json/decoder.py", line 2, in f')).toBeNull();
    expect(frameOf('File "/plugin/a.py", line 1')).toBeNull();
  });
});
