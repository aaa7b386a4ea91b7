# The plugin `npm run test:cpython` runs in a fresh instance per module: the payload names a
# module of CPython's Lib/test (in /plugin/test); the result is its unittest counts as JSON.
import collections
import io
import json
import time
import unittest

import sdk


def run_e(name, ident):
    import test.support

    if name.startswith("test_asyncio"):
        # test_asyncio skips itself whole where there are no sockets (WASI); its event loop
        # works here without them (guest/patches), so run it: the tests that do need sockets
        # then fail and are counted as such.
        test.support.has_socket_support = True

    started = time.monotonic()
    suite = unittest.defaultTestLoader.loadTestsFromName("test." + name)
    result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)

    def brief(items):
        return [[str(test), (traceback.strip().splitlines() or [""])[-1][:400]] for test, traceback in items]

    sdk.return_result(json.dumps({
        "ran": result.testsRun,
        "failures": brief(result.failures),
        "errors": brief(result.errors),
        "skipped": len(result.skipped),
        "skip_reasons": collections.Counter(reason for _, reason in result.skipped).most_common(6),
        "seconds": time.monotonic() - started,
    }), ident)
