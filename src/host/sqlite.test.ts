// SQLite inside the committed wrapper (public/guest/), through the host as the page and the CLI
// run it: the WASI VFS (guest/deps/sqlite_wasi_vfs.c) keeps SQLite's file locks between the
// connections of one instance, and refuses a folder as natively.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { createHost, type StdlibFiles } from './index.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

/** Runs `body` (the inside of run_e, which fills the dict `r`) and returns `r`. */
async function runPython(body: string, folder = 'tmp'): Promise<unknown> {
  const source = `import sdk, json, sqlite3, time, os
def run_e(payload, ident):
    os.chdir("/${folder}")
    r = {}
${body
  .trim()
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
    sdk.return_result(json.dumps(r), ident)
`;
  const host = await createHost({ module, stdlib, files: { 'plugin.py': source } });
  const report = host.run('', 1);
  const stderr = report.log.filter((e) => e.stream === 'stderr').map((e) => e.text);
  expect(stderr).toEqual([]);
  expect(report.outcome.kind).toBe('result');
  return report.outcome.kind === 'result' ? JSON.parse(report.outcome.value) : null;
}

const LOCKED = 'database is locked';

describe('SQLite file locks between connections of one instance', () => {
  it('a writer keeps other writers out, readers see the last commit, and an exclusive lock keeps everyone out', async () => {
    // Two spellings of one file: the lock table knows a file by its identity, not its name.
    const result = await runPython(`
a = sqlite3.connect("locks.db", timeout=0)
b = sqlite3.connect("/tmp/./locks.db", timeout=0)
a.execute("create table t(x)")
a.commit()
a.execute("insert into t values (1)")  # a holds RESERVED until it commits
def attempt(con, sql):
    try:
        return con.execute(sql).fetchall()
    except sqlite3.OperationalError as e:
        return str(e)
r["write_while_reserved"] = attempt(b, "insert into t values (2)")
b.rollback()  # the failed insert left b in a transaction, whose reads would hold SHARED
r["reserved_seen"] = attempt(b, "select count(*) from t")
r["read_while_reserved"] = attempt(b, "select x from t")
a.commit()
r["read_after_commit"] = attempt(b, "select x from t")
r["write_after_commit"] = attempt(b, "insert into t values (2)")
b.commit()
a.execute("begin exclusive")
r["read_while_exclusive"] = attempt(b, "select x from t")
a.rollback()
r["read_after_rollback"] = attempt(b, "select x from t order by x")
`);
    expect(result).toEqual({
      write_while_reserved: LOCKED,
      reserved_seen: [[0]],
      read_while_reserved: [],
      read_after_commit: [[1]],
      write_after_commit: [],
      read_while_exclusive: LOCKED,
      read_after_rollback: [[1], [2]],
    });
  });

  it('a reader holding a transaction keeps a writer from committing until it ends', async () => {
    const result = await runPython(
      `
w = sqlite3.connect("/plugin/shared.db", timeout=0)
w.execute("create table t(x)")
w.commit()
reader = sqlite3.connect("shared.db", timeout=0, isolation_level=None)
reader.execute("begin")
r["reader_sees"] = reader.execute("select count(*) from t").fetchall()  # holds SHARED
w.execute("insert into t values (1)")
try:
    w.commit()
    r["commit_while_reading"] = "committed"
except sqlite3.OperationalError as e:
    r["commit_while_reading"] = str(e)
# The writer waits at PENDING: no new reader gets in meanwhile.
late = sqlite3.connect("shared.db", timeout=0)
try:
    r["new_reader"] = late.execute("select count(*) from t").fetchall()
except sqlite3.OperationalError as e:
    r["new_reader"] = str(e)
reader.execute("commit")
w.commit()
r["after"] = late.execute("select count(*) from t").fetchall()
`,
      'plugin',
    );
    expect(result).toEqual({ reader_sees: [[0]], commit_while_reading: LOCKED, new_reader: LOCKED, after: [[1]] });
  });

  it("a busy lock waits for the connection's timeout, then raises", async () => {
    const result = (await runPython(`
a = sqlite3.connect("timeout.db")
a.execute("create table t(x)")
a.execute("insert into t values (1)")  # RESERVED, never committed in this run
b = sqlite3.connect("timeout.db", timeout=0.3)
start = time.monotonic()
try:
    b.execute("insert into t values (2)")
    r["error"] = None
except sqlite3.OperationalError as e:
    r["error"] = str(e)
r["waited"] = time.monotonic() - start
`)) as { error: string; waited: number };
    expect(result.error).toBe(LOCKED);
    // SQLite's busy handler sleeps between tries until the timeout: the VFS said SQLITE_BUSY.
    expect(result.waited).toBeGreaterThanOrEqual(0.25);
    expect(result.waited).toBeLessThan(5);
  });
});

describe('SQLite on a folder', () => {
  it('says "unable to open database file" (SQLITE_CANTOPEN), as on Linux', async () => {
    const result = await runPython(`
os.mkdir("folder.db")
try:
    sqlite3.connect("folder.db").execute("select 1")
except sqlite3.Error as e:
    r = {"type": type(e).__name__, "message": str(e), "code": e.sqlite_errorcode, "name": e.sqlite_errorname}
`);
    expect(result).toEqual({ type: 'OperationalError', message: 'unable to open database file', code: 14, name: 'SQLITE_CANTOPEN' });
  });
});
