# The helpers of the `sdk` module, in the spirit of SE2's own SDKs: the same host functions with the
# id of the run in progress filled in, text decoded, and names a plugin author expects.
# This file is not imported on its own: guest/tools/abigen.py embeds it in the wrapper, and it
# runs in the namespace of the built-in `sdk` module, after the functions and enums of se2.wit
# (so the names it uses without defining them come from there).


def _ident() -> int:
    ident = current_ident()
    if ident is None:
        raise RuntimeError("the sdk helpers work only while run_e runs; outside it, pass an ident "
                           "to the functions of se2.wit")
    return ident


def _get(field_type: int, key: str) -> str:
    return request_get_field(field_type, key, _ident()).decode()


def _set(field_type: int, key: str, value: bytes | str) -> None:
    request_set_field(field_type, key, value, _ident())


class log:
    """Lines in the host's log at a level (log_msg)."""

    @staticmethod
    def error(message: str) -> None:
        log_msg(message, LogLevel.ERROR, _ident())

    @staticmethod
    def warn(message: str) -> None:
        log_msg(message, LogLevel.WARN, _ident())

    @staticmethod
    def info(message: str) -> None:
        log_msg(message, LogLevel.INFO, _ident())

    @staticmethod
    def debug(message: str) -> None:
        log_msg(message, LogLevel.DEBUG, _ident())


class req:
    """The request the run serves (request_get_field / request_set_field). A missing key reads as ''."""

    @staticmethod
    def method() -> str:
        return _get(FieldType.META, "method")

    @staticmethod
    def url() -> str:
        return _get(FieldType.META, "url")

    @staticmethod
    def id() -> str:
        return _get(FieldType.META, "id")

    @staticmethod
    def body() -> bytes:
        return request_get_field(FieldType.META, "body", _ident())

    @staticmethod
    def json() -> object:
        """The body parsed as JSON."""
        import json

        return json.loads(req.body())

    @staticmethod
    def body_field(key: str) -> str:
        """A top-level string field of the JSON body."""
        return _get(FieldType.BODY, key)

    @staticmethod
    def header(name: str) -> str:
        """A request header; the name is case-insensitive."""
        return _get(FieldType.HEADER, name)

    @staticmethod
    def param(name: str) -> str:
        """A URL parameter of the route."""
        return _get(FieldType.PARAMS, name)

    @staticmethod
    def query(name: str) -> str:
        """A query parameter of the URL."""
        return _get(FieldType.QUERY, name)

    @staticmethod
    def state(key: str) -> str:
        return _get(FieldType.STATE, key)

    @staticmethod
    def set_method(value: str) -> None:
        _set(FieldType.META, "method", value)

    @staticmethod
    def set_url(value: str) -> None:
        _set(FieldType.META, "url", value)

    @staticmethod
    def set_body(value: bytes | str) -> None:
        _set(FieldType.META, "body", value)

    @staticmethod
    def set_body_field(key: str, value: str) -> None:
        _set(FieldType.BODY, key, value)

    @staticmethod
    def set_header(name: str, value: str) -> None:
        _set(FieldType.HEADER, name, value)

    @staticmethod
    def set_param(name: str, value: str) -> None:
        _set(FieldType.PARAMS, name, value)

    @staticmethod
    def set_state(key: str, value: str) -> None:
        """Changes the run's state (the host reports the state after the run)."""
        _set(FieldType.STATE, key, value)


class resp:
    """The response the run's request gets."""

    @staticmethod
    def set_header(name: str, value: str) -> None:
        resp_set_header(name, value, _ident())

    @staticmethod
    def content_type(value: str) -> None:
        resp_set_header("Content-Type", value, _ident())


class http:
    """HTTP requests through the host (fetch_url). A 2xx status gives the body; any other status
    raises HostError("<status>: <body>")."""

    @staticmethod
    def request(method: str | int, url: str, body: bytes | str = b"",
                headers: dict[str, str] | None = None) -> bytes:
        if isinstance(method, str):
            try:
                method = HttpMethod[method.upper()]
            except KeyError:
                raise ValueError(f"unknown HTTP method {method!r}") from None
        for name, value in (headers or {}).items():
            if "::" in name + value or ":" in name:
                raise ValueError(f"a header name may not hold ':' and a value not '::': {name!r}")
            url += f"::{name}:{value}"
        return fetch_url(method, url, body, _ident())

    @staticmethod
    def get(url: str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("GET", url, b"", headers)

    @staticmethod
    def head(url: str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("HEAD", url, b"", headers)

    @staticmethod
    def options(url: str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("OPTIONS", url, b"", headers)

    @staticmethod
    def post(url: str, body: bytes | str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("POST", url, body, headers)

    @staticmethod
    def put(url: str, body: bytes | str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("PUT", url, body, headers)

    @staticmethod
    def patch(url: str, body: bytes | str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("PATCH", url, body, headers)

    @staticmethod
    def delete(url: str, headers: dict[str, str] | None = None) -> bytes:
        return http.request("DELETE", url, b"", headers)


class ffi:
    """Variables stored with the run for a later host call (add_ffi_var)."""

    @staticmethod
    def add_var(name: str, value: str) -> None:
        if add_ffi_var(name, value, _ident()) != 0:
            raise HostError(f"the host refused the variable {name!r}")
