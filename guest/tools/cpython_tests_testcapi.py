# A stand-in for CPython's C test module _testcapi (not built: --disable-test-modules), with only
# its integer limits for wasm32. `npm run test:cpython` gives it to the modules that import
# nothing else from _testcapi at load time (test_sqlite3: INT_MAX, ULLONG_MAX), so their other
# tests run; elsewhere _testcapi stays missing and its tests skip or error as without it.
CHAR_MAX, CHAR_MIN, UCHAR_MAX = 127, -128, 255
SHRT_MAX, SHRT_MIN, USHRT_MAX = 2**15 - 1, -2**15, 2**16 - 1
INT_MAX, INT_MIN, UINT_MAX = 2**31 - 1, -2**31, 2**32 - 1
LONG_MAX, LONG_MIN, ULONG_MAX = 2**31 - 1, -2**31, 2**32 - 1
LLONG_MAX, LLONG_MIN, ULLONG_MAX = 2**63 - 1, -2**63, 2**64 - 1
PY_SSIZE_T_MAX, PY_SSIZE_T_MIN = 2**31 - 1, -2**31
