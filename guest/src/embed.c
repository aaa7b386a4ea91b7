/*
 * The embedding of CPython: start-up, `import plugin`, calling plugin.run_e, and turning every
 * failure into an error code for the host (errors.h) plus a traceback on stderr.
 *
 * CPython must never end the process: PyErr_Print() would call exit() for SystemExit, and
 * Py_ExitStatusException() always exits, so neither is used. Exceptions are fetched, printed
 * with traceback.print_exception() (PyErr_Display() as a fallback) and released, and the
 * instance stays usable for the next run.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "embed.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>
#include <wasi/libc-environ.h>
#include <wasi/libc.h>

#include "errors.h"
#include "log.h"
#include "sdk_module.h"
#include "trace.h"
#include "wasm_shim.h"

#define PLUGIN_MODULE "plugin"
#define PLUGIN_DIR "/plugin"
#define DEFAULT_PYTHONPATH PLUGIN_DIR
/* The working directory every run starts in: the plugin folder, as when a script is run from
 * its own folder (the host makes it writable; guest/README.md, "File system"). */
#define WORK_DIR PLUGIN_DIR
/* The wrapper's Python helpers (guest/python/_se2.py, in the core zip and the snapshot). */
#define HELPER_MODULE "_se2"
/* The standard library: a small core (start-up and the warm set below) that the host loads
 * at once, and the rest, which the host may fetch on demand. Nothing at start-up may touch the
 * rest zip: every module that start-up imports must be in the core zip (build.sh checks this
 * by taking the snapshot with a /lib that holds only the core zip). */
#define CORE_ZIP L"/lib/python311-core.zip"
#define REST_ZIP L"/lib/python311-rest.zip"
/* The preopen a snapshot knows: 3 = "/" (build.sh's PREOPENS). */
#define FIRST_EXTRA_PREOPEN_FD 4

/* Modules that a snapshot should already hold: used by the wrapper and by most plugins.
 * No `random` (or anything importing it: tempfile, secrets, ...): its state would be seeded
 * once at build time and then shared by every instance. Together with Python's own start-up
 * modules they make up python311-core.zip (guest/core_modules.txt).
 * Not `dataclasses` (it imports inspect, ast, dis, tokenize) nor `typing`: in the snapshot they
 * cost every page load about 230 KB and 100 KB of brotli; a plugin that imports them reads them
 * from the core zip (guest/README.md, "Size levers"). */
static const char *const warm_modules[] = {
    "encodings.utf_8", "re", "json", "collections", "collections.abc", "functools",
    "itertools", "operator", "enum", "datetime", "time", "math",
    "string", "struct", "base64", "copy", "contextlib", "heapq", "bisect", "textwrap",
    "traceback", "warnings", "io", "abc", "types", "weakref", "keyword", HELPER_MODULE,
    /* The built-in sdk runs its enums and helpers (Python source) when first imported: tens of
     * ms at run time, nothing once in the snapshot. */
    "sdk",
};

/* All state lives in linear memory, so a Wizer snapshot carries it into every instance. */
static enum { PY_NOT_STARTED, PY_READY, PY_FAILED } python_state = PY_NOT_STARTED;
static enum { PLUGIN_NOT_LOADED, PLUGIN_LOADED, PLUGIN_FAILED } plugin_state = PLUGIN_NOT_LOADED;
static PyObject *plugin_module = NULL;
/* embed_prepare ran (the part of _start that needs no plugin file). */
static bool prepared = false;
/* A message with its length: an exception's text may hold NUL characters. */
struct text {
    char *data; /* malloc'd, NUL-terminated too; NULL when out of memory */
    size_t len;
};

/* Why Python or the plugin could not start; reported by every later run_e. */
static struct text startup_error = {NULL, 0};

static const char out_of_memory[] = "out of memory";

/* ---- strings ----------------------------------------------------------------------------- */

/* A malloc'd printf-style string, or NULL when out of memory. */
__attribute__((format(printf, 1, 2)))
static char *format_string(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int len = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (len < 0) {
        return NULL;
    }
    char *text = malloc((size_t)len + 1);
    if (text == NULL) {
        return NULL;
    }
    va_start(args, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, args);
    va_end(args);
    return text;
}

/* A text from a printf-style format (no NUL inside), data NULL when out of memory. */
#define TEXT_FORMAT(...) text_of_string(format_string(__VA_ARGS__))

static struct text text_of_string(char *string)
{
    return (struct text){string, string != NULL ? strlen(string) : 0};
}

/* str(obj) as a malloc'd UTF-8 text (lone surrogates backslash-escaped), every character kept,
 * NUL included; data NULL on failure. Leaves no Python error set. */
static struct text text_of(PyObject *obj)
{
    struct text copy = {NULL, 0};
    PyObject *text = PyObject_Str(obj);
    PyObject *bytes = text != NULL ? PyUnicode_AsEncodedString(text, "utf-8", "backslashreplace")
                                   : NULL;
    if (bytes != NULL) {
        size_t len = (size_t)PyBytes_GET_SIZE(bytes);
        copy.data = malloc(len + 1);
        if (copy.data != NULL) {
            memcpy(copy.data, PyBytes_AS_STRING(bytes), len + 1);
            copy.len = len;
        }
    }
    Py_XDECREF(bytes);
    Py_XDECREF(text);
    PyErr_Clear();
    return copy;
}

/* str(obj) as a C string for names and log lines (cut at a NUL, if any), or NULL. */
static char *str_of(PyObject *obj)
{
    return text_of(obj).data;
}

/* prefix + text, keeping any NUL of text; frees text. */
static struct text text_prefixed(const char *prefix, struct text text)
{
    struct text out = {NULL, 0};
    if (text.data != NULL) {
        size_t plen = strlen(prefix);
        out.data = malloc(plen + text.len + 1);
        if (out.data != NULL) {
            memcpy(out.data, prefix, plen);
            memcpy(out.data + plen, text.data, text.len + 1);
            out.len = plen + text.len;
        }
    }
    free(text.data);
    return out;
}

/* ---- exceptions -------------------------------------------------------------------------- */

struct py_exception {
    PyObject *type;
    PyObject *value;
    PyObject *traceback;
};

/* Takes the current exception out of the interpreter (owned references). */
static void exception_fetch(struct py_exception *exc)
{
    PyErr_Fetch(&exc->type, &exc->value, &exc->traceback);
    PyErr_NormalizeException(&exc->type, &exc->value, &exc->traceback);
    if (exc->value != NULL && exc->traceback != NULL) {
        PyException_SetTraceback(exc->value, exc->traceback);
    }
}

static void exception_release(struct py_exception *exc)
{
    Py_CLEAR(exc->type);
    Py_CLEAR(exc->value);
    Py_CLEAR(exc->traceback);
}

/* The full traceback on sys.stderr, as Python prints it. traceback.print_exception reads source
 * lines through linecache, which finds the standard library's sources in python311-source.zip
 * (_se2's fallback); PyErr_Display opens files by name, so frames inside the stdlib zips would show
 * no line. PyErr_Display stays as the fallback if the module cannot print. */
static void exception_print(const struct py_exception *exc)
{
    if (exc->type == NULL) {
        return;
    }
    PyObject *printed = NULL;
    PyObject *traceback = PyImport_ImportModule("traceback");
    if (traceback != NULL && exc->value != NULL) {
        printed = PyObject_CallMethod(traceback, "print_exception", "O", exc->value);
    }
    if (printed == NULL) {
        PyErr_Clear();
        PyErr_Display(exc->type, exc->value, exc->traceback);
    }
    Py_XDECREF(printed);
    Py_XDECREF(traceback);
    PyErr_Clear();
}

/* "module.QualName" as traceback shows it ("ValueError", "json.decoder.JSONDecodeError"). */
static char *exception_type_name(PyObject *type)
{
    char *name = NULL;
    PyObject *module = PyObject_GetAttrString(type, "__module__");
    PyObject *qualname = PyObject_GetAttrString(type, "__qualname__");
    if (qualname != NULL && module != NULL && PyUnicode_Check(module) &&
        PyUnicode_CompareWithASCIIString(module, "builtins") != 0 &&
        PyUnicode_CompareWithASCIIString(module, "__main__") != 0) {
        PyObject *full = PyUnicode_FromFormat("%U.%S", module, qualname);
        name = full != NULL ? str_of(full) : NULL;
        Py_XDECREF(full);
    } else if (qualname != NULL) {
        name = str_of(qualname);
    }
    Py_XDECREF(qualname);
    Py_XDECREF(module);
    PyErr_Clear();
    if (name == NULL && PyType_Check(type)) {
        name = format_string("%s", ((PyTypeObject *)type)->tp_name);
    }
    return name;
}

/* "ExcType: message" (or "ExcType" when the message is empty): the last line of the
 * traceback, NUL characters of the message kept. data NULL when out of memory. */
static struct text exception_summary(const struct py_exception *exc)
{
    if (exc->type == NULL) {
        return TEXT_FORMAT("SystemError: error return without exception set");
    }
    char *name = exception_type_name(exc->type);
    struct text message = exc->value != NULL ? text_of(exc->value) : (struct text){NULL, 0};
    struct text summary;
    if (message.data == NULL) {
        summary = TEXT_FORMAT("%s: <exception str() failed>", name ? name : "?");
    } else if (message.len == 0) {
        summary = TEXT_FORMAT("%s", name ? name : "?");
        free(message.data);
    } else {
        char *prefix = format_string("%s: ", name ? name : "?");
        if (prefix != NULL) {
            summary = text_prefixed(prefix, message);
            free(prefix);
        } else {
            free(message.data);
            summary = (struct text){NULL, 0};
        }
    }
    free(name);
    return summary;
}

/* "SystemExit: <code>" for sys.exit(code). */
static struct text system_exit_summary(const struct py_exception *exc)
{
    struct text code = {NULL, 0};
    PyObject *code_obj = exc->value != NULL ? PyObject_GetAttrString(exc->value, "code") : NULL;
    if (code_obj != NULL) {
        code = text_of(code_obj);
        Py_DECREF(code_obj);
    }
    PyErr_Clear();
    if (code.data == NULL) {
        return TEXT_FORMAT("SystemExit: None");
    }
    return text_prefixed("SystemExit: ", code);
}

static bool is_system_exit(const struct py_exception *exc)
{
    return exc->type != NULL && PyErr_GivenExceptionMatches(exc->type, PyExc_SystemExit);
}

/* ---- reporting --------------------------------------------------------------------------- */

/* Sends the whole message (NUL characters included); the log line shows it up to a NUL. */
static void report_error(int32_t ident, enum guest_error code, struct text message)
{
    if (message.data == NULL) {
        message = (struct text){(char *)out_of_memory, sizeof out_of_memory - 1};
    }
    LOG_RUN(ident, "Returning error %d: %s", (int)code, message.data);
    host_return_error((int32_t)code, message.data, message.len, ident);
}

/* Python's own buffers (unbuffered here, but a plugin may replace sys.stdout). */
static void flush_python_streams(void)
{
    static const char *const names[] = {"stdout", "stderr"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        PyObject *stream = PySys_GetObject(names[i]); /* borrowed */
        if (stream != NULL && stream != Py_None) {
            PyObject *ret = PyObject_CallMethod(stream, "flush", NULL);
            Py_XDECREF(ret);
        }
        PyErr_Clear();
    }
    fflush(stdout);
    fflush(stderr);
}

/* ---- start-up ---------------------------------------------------------------------------- */

static void python_failed(const char *what, PyStatus status)
{
    python_state = PY_FAILED;
    free(startup_error.data);
    if (PyStatus_IsExit(status)) {
        startup_error = TEXT_FORMAT("Python failed to initialise: %s exited with code %d",
                                    what, status.exitcode);
    } else {
        startup_error = TEXT_FORMAT("Python failed to initialise: %s: %s%s%s", what,
                                    status.func ? status.func : "",
                                    status.func ? ": " : "",
                                    status.err_msg ? status.err_msg : "unknown error");
    }
    fprintf(stderr, "%s\n", startup_error.data ? startup_error.data : out_of_memory);
    fflush(stderr);
    LOG("Python failed to initialise");
}

/* PYTHONPATH (default /plugin) as a malloc'd copy for strsep(), or NULL. */
static char *pythonpath_copy(void)
{
    const char *env = getenv("PYTHONPATH");
    return strdup(env != NULL && env[0] != '\0' ? env : DEFAULT_PYTHONPATH);
}

/* sys.path: the PYTHONPATH entries, then the core and the rest zip. A snapshot leaves the
 * plugin folders out: _start adds the run-time PYTHONPATH (nothing of the build machine's
 * /plugin is listed into the snapshot). */
static PyStatus set_search_path(PyConfig *config, bool snapshot)
{
    char *paths = snapshot ? strdup("") : pythonpath_copy();
    if (paths == NULL) {
        return PyStatus_NoMemory();
    }
    PyStatus status = PyStatus_Ok();
    char *rest = paths;
    char *entry;
    while ((entry = strsep(&rest, ":")) != NULL) {
        if (entry[0] == '\0') {
            continue;
        }
        wchar_t *wide = Py_DecodeLocale(entry, NULL);
        if (wide == NULL) {
            status = PyStatus_Error("PYTHONPATH is not valid UTF-8");
            break;
        }
        status = PyWideStringList_Append(&config->module_search_paths, wide);
        PyMem_RawFree(wide);
        if (PyStatus_Exception(status)) {
            break;
        }
    }
    free(paths);
    if (!PyStatus_Exception(status)) {
        status = PyWideStringList_Append(&config->module_search_paths, CORE_ZIP);
    }
    if (!PyStatus_Exception(status)) {
        status = PyWideStringList_Append(&config->module_search_paths, REST_ZIP);
    }
    config->module_search_paths_set = 1;
    return status;
}

bool embed_init_python(bool snapshot)
{
    if (python_state != PY_NOT_STARTED) {
        return python_state == PY_READY;
    }
    LOG("Initialising Python %s ...", PY_VERSION);

    if (PyImport_AppendInittab("sdk", sdk_module_init) != 0) {
        python_failed("PyImport_AppendInittab", PyStatus_Error("cannot register the sdk module"));
        return false;
    }

    /* UTF-8 mode: an isolated configuration would otherwise pick an ASCII file system
     * encoding under WASI's C locale. */
    PyPreConfig preconfig;
    PyPreConfig_InitIsolatedConfig(&preconfig);
    preconfig.utf8_mode = 1;
    PyStatus status = Py_PreInitialize(&preconfig);
    if (PyStatus_Exception(status)) {
        python_failed("Py_PreInitialize", status);
        return false;
    }

    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;          /* no site-packages under WASI */
    config.write_bytecode = 0;       /* the file system is the host's, possibly read-only */
    config.user_site_directory = 0;
    config.buffered_stdio = 0;       /* plugin output reaches the host in order with ours */
    config.install_signal_handlers = 0;
    config.pathconfig_warnings = 0;  /* the search path below is complete: no prefix search */
    if (snapshot) {
        /* A snapshot must not hold a random hash seed (the build would not be reproducible):
         * seed 0, i.e. no hash randomisation, the same in every instance of the module. */
        config.use_hash_seed = 1;
        config.hash_seed = 0;
    }
    status = PyConfig_SetString(&config, &config.home, L"/");
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetString(&config, &config.program_name, L"python3.11");
    }
    if (!PyStatus_Exception(status)) {
        status = set_search_path(&config, snapshot);
    }
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        python_failed("Py_InitializeFromConfig", status);
        return false;
    }
    python_state = PY_READY;
    LOG("Python initialised");
    return true;
}

/* The first compile() of source text in an interpreter makes the `ast` module's node types
 * (Python-ast.c's init_types, reached through PyAST_Check: over 100 heap types). Every fresh
 * instance compiles the plugin from source, and paid 2 to 4 ms for them on each edit; made once
 * here, they are in the snapshot. */
static bool warm_compile(void)
{
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *code = builtins != NULL ? PyObject_CallMethod(builtins, "compile", "sss", "pass",
                                                            "<warm-up>", "exec")
                                      : NULL;
    bool ok = code != NULL;
    if (!ok) {
        struct py_exception exc;
        exception_fetch(&exc);
        exception_print(&exc);
        exception_release(&exc);
    }
    Py_XDECREF(code);
    Py_XDECREF(builtins);
    return ok;
}

bool embed_warm_up(void)
{
    if (python_state != PY_READY) {
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < sizeof warm_modules / sizeof warm_modules[0]; i++) {
        PyObject *module = PyImport_ImportModule(warm_modules[i]);
        if (module == NULL) {
            /* Not fatal: the plugin gets the same error if it needs the module. */
            struct py_exception exc;
            exception_fetch(&exc);
            exception_print(&exc);
            exception_release(&exc);
            ok = false;
        }
        Py_XDECREF(module);
    }
    if (!warm_compile()) {
        ok = false;
    }
    LOG("Warm imports done");
    return ok;
}

/* sys.path rebuilt from the current PYTHONPATH, as set_search_path() does at start-up. */
static bool reset_sys_path(void)
{
    char *paths = pythonpath_copy();
    PyObject *list = PyList_New(0);
    bool ok = paths != NULL && list != NULL;
    char *rest = paths;
    char *entry;
    while (ok && (entry = strsep(&rest, ":")) != NULL) {
        if (entry[0] == '\0') {
            continue;
        }
        PyObject *item = PyUnicode_DecodeFSDefault(entry);
        ok = item != NULL && PyList_Append(list, item) == 0;
        Py_XDECREF(item);
    }
    if (ok) {
        PyObject *core = PyUnicode_FromWideChar(CORE_ZIP, -1);
        PyObject *rest_zip = PyUnicode_FromWideChar(REST_ZIP, -1);
        ok = core != NULL && rest_zip != NULL && PyList_Append(list, core) == 0 &&
             PyList_Append(list, rest_zip) == 0 && PySys_SetObject("path", list) == 0;
        Py_XDECREF(rest_zip);
        Py_XDECREF(core);
    }
    Py_XDECREF(list);
    free(paths);
    return ok;
}

/* os.environ (and os.environb) from this instance's environment: they share one dict of
 * bytes, which is refilled directly (no putenv, the C environment is already right). */
static bool refresh_os_environ(void)
{
    PyObject *os = PyImport_ImportModule("os");
    PyObject *environ_obj = os != NULL ? PyObject_GetAttrString(os, "environ") : NULL;
    PyObject *data = environ_obj != NULL ? PyObject_GetAttrString(environ_obj, "_data") : NULL;
    bool ok = data != NULL && PyDict_Check(data);
    if (ok) {
        PyDict_Clear(data);
    }
    for (char **entry = environ; ok && entry != NULL && *entry != NULL; entry++) {
        const char *eq = strchr(*entry, '=');
        if (eq == NULL || eq == *entry) {
            continue;
        }
        PyObject *key = PyBytes_FromStringAndSize(*entry, eq - *entry);
        PyObject *value = PyBytes_FromString(eq + 1);
        ok = key != NULL && value != NULL && PyDict_SetItem(data, key, value) == 0;
        Py_XDECREF(value);
        Py_XDECREF(key);
    }
    Py_XDECREF(data);
    Py_XDECREF(environ_obj);
    Py_XDECREF(os);
    return ok;
}

/* Drops every sys.path_importer_cache entry but the core zip's: the plugin folders are listed
 * afresh by new finders, and the rest zip (absent when the snapshot was taken) is looked at on
 * the first import that misses the core. (importlib.invalidate_caches() is not called: in 3.11
 * it makes every zipimporter re-read its archive's directory, which costs time and nothing is
 * stale: the core zip is byte-identical to the build's.) */
static bool forget_path_finders(void)
{
    PyObject *cache = PySys_GetObject("path_importer_cache"); /* borrowed */
    if (cache == NULL || !PyDict_Check(cache)) {
        return cache == NULL;
    }
    PyObject *core = PyUnicode_FromWideChar(CORE_ZIP, -1);
    PyObject *keys = PyDict_Keys(cache);
    bool ok = core != NULL && keys != NULL;
    for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        if (PyUnicode_Check(key) && PyUnicode_Compare(key, core) == 0 &&
            PyDict_GetItem(cache, key) != Py_None) {
            continue;
        }
        ok = PyDict_DelItem(cache, key) == 0;
    }
    Py_XDECREF(keys);
    Py_XDECREF(core);
    return ok;
}

/* wasi-libc listed the preopens when the snapshot was taken (fds 3-5); a host may add more
 * folders after them (fd 6 on): register those too. One fd_prestat_get call when there are none. */
static void register_extra_preopens(void)
{
    for (int fd = FIRST_EXTRA_PREOPEN_FD;; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get((__wasi_fd_t)fd, &prestat) != __WASI_ERRNO_SUCCESS) {
            return;
        }
        if (prestat.tag != __WASI_PREOPENTYPE_DIR) {
            continue;
        }
        size_t len = prestat.u.dir.pr_name_len;
        char *name = malloc(len + 1);
        if (name == NULL) {
            return;
        }
        if (__wasi_fd_prestat_dir_name((__wasi_fd_t)fd, (uint8_t *)name, len) ==
            __WASI_ERRNO_SUCCESS) {
            name[len] = '\0';
            __wasilibc_register_preopened_fd(fd, name);
            continue; /* kept: a few bytes once, whether or not wasi-libc copies the name */
        }
        free(name);
    }
}

/*
 * After a snapshot (Wizer ran wizer.initialize at build time): read this instance's
 * environment again (wasi-libc caches it) and refresh os.environ from it, register preopens
 * after the snapshot's three, rebuild sys.path from its PYTHONPATH, and forget the import system's finders for anything but the stdlib
 * zips (the zips are byte-identical to the build's; the plugin folders are not).
 */
static void refresh_after_snapshot(void)
{
    __wasilibc_deinitialize_environ();
    __wasilibc_initialize_environ();
    register_extra_preopens();
    if (!refresh_os_environ() || !reset_sys_path() || !forget_path_finders()) {
        struct py_exception exc;
        exception_fetch(&exc);
        exception_print(&exc);
        exception_release(&exc);
    }
}

/* The working directory (wasi-libc keeps one): relative paths then work as natively. A host
 * without the folder keeps "/" and the log says so. */
static void enter_work_dir(void)
{
    if (chdir(WORK_DIR) != 0) {
        LOG("cannot enter the working directory %s: %s", WORK_DIR, strerror(errno));
    }
}

/* Wheels at the top of the plugin folder on sys.path (guest/python/_se2.py); NULL means an
 * exception is set (a wheel with compiled code, say), which fails the plugin's import. */
static PyObject *add_wheels(void)
{
    PyObject *helper = PyImport_ImportModule(HELPER_MODULE);
    PyObject *paths = helper != NULL ? PyObject_CallMethod(helper, "add_wheels", "s", PLUGIN_DIR)
                                     : NULL;
    Py_XDECREF(helper);
    return paths;
}

/* The plugin folder's finder (guest/python/_se2.py), made before its files are in place: the
 * plugin's import then skips the path hooks. A failure here costs nothing but that: the import
 * makes the finder as usual. */
static void make_plugin_finder(void)
{
    PyObject *helper = PyImport_ImportModule(HELPER_MODULE);
    PyObject *done = helper != NULL ? PyObject_CallMethod(helper, "make_finder", "s", PLUGIN_DIR)
                                    : NULL;
    Py_XDECREF(done);
    Py_XDECREF(helper);
    PyErr_Clear();
}

void embed_prepare(void)
{
    if (prepared) {
        return;
    }
    prepared = true;
    if (python_state == PY_READY) {
        LOG("Python already initialised (snapshot)");
        refresh_after_snapshot();
    } else if (!embed_init_python(false)) {
        plugin_state = PLUGIN_FAILED;
        return;
    }
    enter_work_dir();
    make_plugin_finder();
}

void embed_start(void)
{
    if (plugin_state != PLUGIN_NOT_LOADED) {
        return;
    }
    embed_prepare();
    if (plugin_state == PLUGIN_FAILED) {
        return;
    }

    LOG("Importing %s ...", PLUGIN_MODULE);
    PyObject *wheels = add_wheels();
    PyObject *module = NULL;
    if (wheels != NULL) {
        if (PyList_Check(wheels) && PyList_GET_SIZE(wheels) > 0) {
            LOG("%d wheel(s) on sys.path", (int)PyList_GET_SIZE(wheels));
        }
        Py_DECREF(wheels);
        module = PyImport_ImportModule(PLUGIN_MODULE);
    }
    if (module == NULL) {
        struct py_exception exc;
        exception_fetch(&exc);
        struct text summary = is_system_exit(&exc) ? system_exit_summary(&exc)
                                                   : exception_summary(&exc);
        exception_print(&exc);
        exception_release(&exc);
        free(startup_error.data);
        startup_error = summary.data != NULL
                            ? text_prefixed("cannot import plugin: ", summary)
                            : TEXT_FORMAT("cannot import plugin: %s", out_of_memory);
        plugin_state = PLUGIN_FAILED;
        flush_python_streams();
        LOG("%s", startup_error.data ? startup_error.data : out_of_memory);
        return;
    }
    plugin_module = module;
    plugin_state = PLUGIN_LOADED;
    flush_python_streams();
    LOG("Imported %s", PLUGIN_MODULE);
}

/* ---- runs -------------------------------------------------------------------------------- */

/* After a MemoryError the plugin's data is still referenced by the traceback's frames: clear
 * their locals first, so that the traceback can be formatted and printed (the memory is at
 * its cap, --max-memory in build.sh) and the memory is free for the next run. */
static void release_traceback_locals(PyObject *traceback)
{
    for (PyObject *tb = traceback; tb != NULL && PyTraceBack_Check(tb);
         tb = (PyObject *)((PyTracebackObject *)tb)->tb_next) {
        PyObject *frame = (PyObject *)((PyTracebackObject *)tb)->tb_frame;
        if (frame != NULL) {
            PyObject *ret = PyObject_CallMethod(frame, "clear", NULL);
            Py_XDECREF(ret);
            PyErr_Clear();
        }
    }
}

/* The plugin's run_e raised: code 1 with a traceback on stderr, or code 5 for SystemExit. */
static void report_run_exception(int32_t ident)
{
    struct py_exception exc;
    exception_fetch(&exc);
    if (is_system_exit(&exc)) {
        struct text summary = system_exit_summary(&exc);
        exception_release(&exc);
        report_error(ident, GUEST_ERR_SYSTEM_EXIT, summary);
        free(summary.data);
        return;
    }
    if (PyErr_GivenExceptionMatches(exc.type, PyExc_MemoryError)) {
        release_traceback_locals(exc.traceback);
    }
    struct text summary = exception_summary(&exc);
    exception_print(&exc);
    exception_release(&exc);
    flush_python_streams();
    report_error(ident, GUEST_ERR_EXCEPTION, summary);
    free(summary.data);
}

/* The plugin's run_e attribute, or NULL after reporting code 3. */
static PyObject *find_run_e(int32_t ident)
{
    PyObject *run = PyObject_GetAttrString(plugin_module, "run_e");
    if (run != NULL && PyCallable_Check(run)) {
        return run;
    }
    struct text message;
    if (run == NULL) {
        PyErr_Clear();
        message = TEXT_FORMAT("plugin has no callable run_e (no attribute run_e)");
    } else {
        message = TEXT_FORMAT("plugin has no callable run_e (plugin.run_e is a %s)",
                              Py_TYPE(run)->tp_name);
        Py_DECREF(run);
    }
    report_error(ident, GUEST_ERR_NO_RUN_E, message);
    free(message.data);
    return NULL;
}

/* The payload as str, or NULL after reporting code 4. */
static PyObject *decode_payload(const char *payload, size_t len, int32_t ident)
{
    PyObject *text = PyUnicode_DecodeUTF8(payload, (Py_ssize_t)len, "strict");
    if (text != NULL) {
        return text;
    }
    struct py_exception exc;
    exception_fetch(&exc);
    char *reason = exc.value != NULL ? str_of(exc.value) : NULL;
    exception_release(&exc);
    struct text message = TEXT_FORMAT("payload is not valid UTF-8: %s", reason ? reason : "?");
    free(reason);
    report_error(ident, GUEST_ERR_BAD_UTF8, message);
    free(message.data);
    return NULL;
}

/* The return of plugin.run_e by an exception: its type's name (the message follows in
 * return_error). Reads the pending exception without clearing it. */
static void trace_raised(void)
{
    if (!trace_enabled) {
        return;
    }
    PyObject *type = PyErr_Occurred(); /* borrowed */
    const char *name = type != NULL ? ((PyTypeObject *)type)->tp_name : "?";
    TRACE(TRACE_RETURN, TRACE_C_PYTHON, "plugin.run_e", TRACE_BYTES("raised", name, strlen(name)));
}

void embed_run(const char *payload, size_t len, int32_t ident)
{
    if (python_state != PY_READY) {
        report_error(ident, GUEST_ERR_PYTHON_INIT, startup_error);
        return;
    }
    if (plugin_state != PLUGIN_LOADED) {
        report_error(ident, GUEST_ERR_IMPORT, startup_error);
        return;
    }
    PyObject *run = find_run_e(ident);
    if (run == NULL) {
        return;
    }
    PyObject *text = decode_payload(payload, len, ident);
    if (text == NULL) {
        Py_DECREF(run);
        return;
    }
    PyObject *ident_obj = PyLong_FromLong((long)ident);
    if (ident_obj == NULL) {
        Py_DECREF(text);
        Py_DECREF(run);
        report_run_exception(ident);
        return;
    }

    LOG_RUN(ident, "Calling plugin.run_e ...");
    TRACE(TRACE_CALL, TRACE_C_PYTHON, "plugin.run_e", TRACE_BYTES("payload", payload, len),
          TRACE_INT("ident", ident));
    PyObject *ret = PyObject_CallFunctionObjArgs(run, text, ident_obj, NULL);
    Py_DECREF(ident_obj);
    Py_DECREF(text);
    Py_DECREF(run);
    if (ret != NULL && PyCoro_CheckExact(ret)) {
        /* An `async def run_e`: run the coroutine to completion (asyncio.run). */
        LOG_RUN(ident, "plugin.run_e is a coroutine: running it with asyncio.run");
        PyObject *helper = PyImport_ImportModule(HELPER_MODULE);
        PyObject *done = helper != NULL ? PyObject_CallMethod(helper, "run_coroutine", "O", ret)
                                        : NULL;
        Py_XDECREF(helper);
        Py_DECREF(ret);
        ret = done;
    }
    if (ret == NULL) {
        trace_raised();
        report_run_exception(ident);
        return;
    }
    Py_DECREF(ret);
    flush_python_streams();
    TRACE_NONE(TRACE_RETURN, TRACE_C_PYTHON, "plugin.run_e");
    LOG_RUN(ident, "plugin.run_e returned");
}
