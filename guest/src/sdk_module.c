#define PY_SSIZE_T_CLEAN
#include "sdk_module.h"

#include "se2_env.h"

/* The module's exception and the run in progress. Plain statics: one interpreter, and a Wizer
 * snapshot carries them like the rest of linear memory. */
static PyObject *host_error = NULL;
static bool run_active = false;
static int32_t run_ident = 0;

void sdk_run_begin(int32_t ident)
{
    run_active = true;
    run_ident = ident;
}

void sdk_run_end(void)
{
    run_active = false;
}

bool sdk_check_size(const char *func, const char *param, Py_ssize_t len)
{
    if (len > SE2_MAX_VALUE_BYTES) {
        PyErr_Format(PyExc_ValueError, "%s: %s is %zd bytes, over the limit of %d bytes", func, param,
                     len, SE2_MAX_VALUE_BYTES);
        return false;
    }
    return true;
}

/* E2Core's convention: size >= 0 bytes of result wait, size < -1 an error message of -size
 * bytes, -1 nothing (the host refused the call). The plugin must collect a waiting answer
 * before its next call, so even an empty one is fetched. The bytes object is the buffer the
 * host writes into: no copy. */
PyObject *sdk_take_ffi_result(int32_t size, int32_t ident)
{
    if (size == -1) {
        PyErr_SetString(host_error, "the host refused the call (no run with this ident is in "
                                    "progress, or an earlier answer was not collected)");
        return NULL;
    }
    Py_ssize_t len = size < 0 ? -(Py_ssize_t)size : size;
    PyObject *data = PyBytes_FromStringAndSize(NULL, len);
    if (data == NULL) {
        return NULL;
    }
    if (se2_env_get_ffi_result(PyBytes_AS_STRING(data), ident) != 0) {
        Py_DECREF(data);
        PyErr_SetString(host_error, "the host has no answer to collect (get_ffi_result failed)");
        return NULL;
    }
    if (size >= 0) {
        return data;
    }
    PyObject *message = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(data), len, "replace");
    Py_DECREF(data);
    if (message != NULL) {
        PyErr_SetObject(host_error, message);
        Py_DECREF(message);
    }
    return NULL;
}

static PyObject *sdk_current_ident(PyObject *self, PyObject *unused)
{
    if (!run_active) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(run_ident);
}

static PyMethodDef sdk_own_methods[] = {
    {"current_ident", sdk_current_ident, METH_NOARGS,
     PyDoc_STR("current_ident() -> int | None\n\n"
               "The id of the run in progress (what run_e was given), or None outside a run.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sdk_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sdk",
    .m_doc = PyDoc_STR("The host's side of the SE2 plugin ABI (guest/abi/se2.wit)."),
    .m_size = -1,
    .m_methods = sdk_own_methods,
};

/* The generated functions, the exception, the limit, then the enums and helpers (Python
 * source run in the module's namespace). */
static bool fill_module(PyObject *module)
{
    if (PyModule_AddFunctions(module, sdk_generated_methods) != 0) {
        return false;
    }
    if (host_error == NULL) {
        host_error = PyErr_NewExceptionWithDoc(
            "sdk.HostError", "The host answered a call with an error; str(error) is its message.",
            NULL, NULL);
        if (host_error == NULL) {
            return false;
        }
    }
    if (PyModule_AddObjectRef(module, "HostError", host_error) != 0 ||
        PyModule_AddIntConstant(module, "MAX_VALUE_BYTES", SE2_MAX_VALUE_BYTES) != 0) {
        return false;
    }
    PyObject *globals = PyModule_GetDict(module); /* borrowed */
    if (PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) != 0) {
        return false;
    }
    PyObject *code = Py_CompileString(sdk_python_source, "<sdk>", Py_file_input);
    PyObject *done = code != NULL ? PyEval_EvalCode(code, globals, globals) : NULL;
    Py_XDECREF(code);
    Py_XDECREF(done);
    return done != NULL;
}

PyMODINIT_FUNC sdk_module_init(void)
{
    PyObject *module = PyModule_Create(&sdk_module);
    if (module != NULL && !fill_module(module)) {
        Py_CLEAR(module);
    }
    return module;
}
