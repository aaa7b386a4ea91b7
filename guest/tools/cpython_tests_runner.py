# The plugin `npm run test:cpython` runs in a fresh instance per module: the payload names a
# module of CPython's Lib/test (in /plugin/test); the result is its unittest counts as JSON.
# Modules are run as CPython's regrtest runs them: through their test_main() when they have one
# (test_xml_etree), else every test the module (or its load_tests) gives.
import collections
import importlib
import io
import json
import sys
import time
import unittest

import sdk

# Tests that wait for a thread that WASI cannot start, so they never end: left out, said in the
# skip reasons. (Elsewhere a missing thread is an error the counts show.)
NEEDS_A_THREAD = {
    "test.test_asyncio.test_tasks.RunCoroutineThreadsafeTests":
        "waits for a thread (run_coroutine_threadsafe from an executor): WASI has no threads",
}


class Result(unittest.TextTestResult):
    def startTest(self, test):
        # One line per test on stderr: the runner reports the last one if a module hangs.
        sys.stderr.write(f"[test] {test.id()}\n")
        super().startTest(test)


def without_hanging(suite, left_out):
    kept = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            kept.addTest(without_hanging(test, left_out))
            continue
        reason = next((why for prefix, why in NEEDS_A_THREAD.items() if test.id().startswith(prefix)), None)
        if reason is None:
            kept.addTest(test)
        else:
            left_out.append(reason)
    return kept


def run_e(name, ident):
    import test.support

    if name.startswith("test_asyncio") or name == "test_contextlib_async":
        # These skip themselves whole where there are no sockets (WASI); asyncio's event loop
        # works here without them (guest/patches), so run them: the tests that do need
        # sockets then fail and are counted as such.
        test.support.has_socket_support = True

    started = time.monotonic()
    results, left_out = [], []
    runner = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0, resultclass=Result)

    def run_suite(suite):
        results.append(runner.run(without_hanging(suite, left_out)))

    loader = unittest.defaultTestLoader
    module = importlib.import_module("test." + name)
    if hasattr(module, "test_main") and not hasattr(module, "load_tests"):
        def run_unittest(*classes):
            suite = unittest.TestSuite()
            for cls in classes:
                if isinstance(cls, str):
                    suite.addTest(loader.loadTestsFromModule(sys.modules[cls]))
                elif isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
                    suite.addTest(cls)
                else:
                    suite.addTest(loader.loadTestsFromTestCase(cls))
            run_suite(suite)

        test.support.run_unittest = run_unittest
        module.test_main()
    else:
        run_suite(loader.loadTestsFromModule(module))

    def brief(items):
        return [[str(test), (traceback.strip().splitlines() or [""])[-1][:400]] for test, traceback in items]

    skip_reasons = collections.Counter(reason for r in results for _, reason in r.skipped)
    skip_reasons.update(left_out)
    sdk.return_result(json.dumps({
        "ran": sum(r.testsRun for r in results),
        "failures": brief([f for r in results for f in r.failures]),
        "errors": brief([e for r in results for e in r.errors]),
        "skipped": sum(len(r.skipped) for r in results) + len(left_out),
        "skip_reasons": skip_reasons.most_common(6),
        "seconds": time.monotonic() - started,
    }), ident)
