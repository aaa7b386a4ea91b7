#define PY_SSIZE_T_CLEAN
#include "sdk_module.h"

#include <stdint.h>

#include "log.h"
#include "wasm_shim.h"

/* "U" accepts only str (TypeError otherwise); UTF-8 encoding fails with UnicodeEncodeError
 * for lone surrogates, so the host only ever receives valid UTF-8. */

static PyObject *sdk_return_result(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"result", "ident", NULL};
    PyObject *result = NULL;
    int ident = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Ui:return_result", keywords, &result, &ident)) {
        return NULL;
    }
    Py_ssize_t len = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(result, &len);
    if (utf8 == NULL) {
        return NULL;
    }
    LOG_RUN(ident, "sdk.return_result called with %zd bytes", len);
    host_return_result(utf8, (size_t)len, (int32_t)ident);
    Py_RETURN_NONE;
}

static PyObject *sdk_return_error(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"code", "message", "ident", NULL};
    int code = 0;
    PyObject *message = NULL;
    int ident = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iUi:return_error", keywords, &code, &message,
                                     &ident)) {
        return NULL;
    }
    Py_ssize_t len = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(message, &len);
    if (utf8 == NULL) {
        return NULL;
    }
    LOG_RUN(ident, "sdk.return_error called with code %d and %zd bytes", code, len);
    host_return_error((int32_t)code, utf8, (size_t)len, (int32_t)ident);
    Py_RETURN_NONE;
}

static PyMethodDef sdk_methods[] = {
    {"return_result", (PyCFunction)(void (*)(void))sdk_return_result, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("return_result(result: str, ident: int) -> None\n\n"
               "Send the result of execution `ident` to the host.")},
    {"return_error", (PyCFunction)(void (*)(void))sdk_return_error, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("return_error(code: int, message: str, ident: int) -> None\n\n"
               "Send an error code and message for execution `ident` to the host.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sdk_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sdk",
    .m_doc = PyDoc_STR("The host's side of the SE2 plugin ABI."),
    .m_size = 0,
    .m_methods = sdk_methods,
};

PyMODINIT_FUNC sdk_module_init(void)
{
    return PyModuleDef_Init(&sdk_module);
}
