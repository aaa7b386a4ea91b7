"""Test plugin: calls every function of the SE2 surface (guest/abi/se2.wit) and returns what it
saw as JSON. The payload names the scenario: "raw", "helpers" or "errors". Run by
src/host/se2.test.ts (browser_wasi_shim) and guest/wrapper.test.ts (node:wasi)."""
import json

import sdk

F = sdk.FieldType

# At import time no run is in progress: the helpers say so.
try:
    sdk.req.method()
    OUTSIDE = "no error"
except RuntimeError as e:
    OUTSIDE = f"RuntimeError: {e}"


def get(field_type, key, ident):
    return sdk.request_get_field(field_type, key, ident).decode()


def raw(ident):
    out = {
        "method": get(F.META, "method", ident),
        "url": get(F.META, "url", ident),
        "id": get(F.META, "id", ident),
        "meta_body": get(F.META, "body", ident),
        "meta_other": get(F.META, "nope", ident),
        "body_field": get(F.BODY, "name", ident),
        "body_missing": get(F.BODY, "missing", ident),
        "header": get(F.HEADER, "x-token", ident),
        "header_upper": get(F.HEADER, "X-TOKEN", ident),
        "header_missing": get(F.HEADER, "x-none", ident),
        "param": get(F.PARAMS, "user", ident),
        "state": get(F.STATE, "step", ident),
        "query": get(F.QUERY, "q", ident),
        "query_missing": get(F.QUERY, "none", ident),
    }
    out["set_answer"] = sdk.request_set_field(F.STATE, "step", b"2", ident).decode()
    sdk.request_set_field(F.STATE, "added", "yes", ident)
    out["state_after"] = get(F.STATE, "step", ident)
    sdk.request_set_field(F.HEADER, "X-New", "fresh", ident)
    out["header_after"] = get(F.HEADER, "x-new", ident)
    sdk.request_set_field(F.BODY, "name", "Bo", ident)
    out["body_after"] = get(F.META, "body", ident)
    sdk.request_set_field(F.PARAMS, "user", "43", ident)
    out["param_after"] = get(F.PARAMS, "user", ident)
    sdk.request_set_field(F.META, "method", "PUT", ident)
    out["method_after"] = get(F.META, "method", ident)
    sdk.resp_set_header("Content-Type", "application/json", ident)
    sdk.resp_set_header("content-type", "text/plain", ident)
    sdk.resp_set_header("X-Count", "1", ident)
    out["fetch_get"] = sdk.fetch_url(sdk.HttpMethod.GET, "https://api.example.com/users/1::Authorization:Bearer t", b"", ident).decode()
    out["fetch_post"] = sdk.fetch_url(3, "https://api.example.com/users", '{"name": "Al"}', ident).decode()
    for level in (1, 2, 3, 4, 0, 9):
        sdk.log_msg(f"level {level}", level, ident)
    out["add_ffi_var"] = sdk.add_ffi_var("name", "value", ident)
    return out


def helpers(ident):
    out = {
        "current_ident": sdk.current_ident(),
        "method": sdk.req.method(),
        "url": sdk.req.url(),
        "id": sdk.req.id(),
        "body": sdk.req.body().decode(),
        "json": sdk.req.json(),
        "body_field": sdk.req.body_field("name"),
        "header": sdk.req.header("X-Token"),
        "param": sdk.req.param("user"),
        "query": sdk.req.query("q"),
        "state": sdk.req.state("step"),
        "get": sdk.http.get("https://api.example.com/users/1", headers={"Authorization": "Bearer t"}).decode(),
        "post": sdk.http.post("https://api.example.com/users", b'{"name": "Al"}').decode(),
    }
    sdk.req.set_header("X-Set", "h")
    sdk.req.set_param("p", "v")
    sdk.req.set_url("/new?q=z")
    sdk.req.set_method("PATCH")
    out["after"] = [sdk.req.header("x-set"), sdk.req.param("p"), sdk.req.query("q"), sdk.req.method()]
    sdk.req.set_body('{"k": "v"}')
    sdk.req.set_body_field("k2", "v2")
    out["body_after"] = sdk.req.json()
    u = "https://api.example.com/users/1"
    out["verbs"] = [sdk.http.put(u, b"x").decode(), sdk.http.patch(u, "y").decode(), sdk.http.delete(u).decode(),
                    sdk.http.head(u).decode(), sdk.http.options(u).decode(),
                    sdk.http.request(sdk.HttpMethod.GET, u, headers={"A": "b"}).decode()]
    sdk.req.set_state("step", "3")
    sdk.resp.set_header("X-Helper", "yes")
    sdk.resp.content_type("application/json")
    sdk.log.error("e")
    sdk.log.warn("w")
    sdk.log.info("i")
    sdk.log.debug("d")
    sdk.ffi.add_var("k", "v")
    out["outside"] = OUTSIDE
    return out


def failure(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001 - the test wants every kind
        return f"{type(e).__name__}: {e}"
    return "no error"


def errors(ident):
    big = "x" * (sdk.MAX_VALUE_BYTES + 1)
    cases = {
        "unknown_field_type": lambda: sdk.request_get_field(9, "x", ident),
        "set_query": lambda: sdk.request_set_field(F.QUERY, "q", "x", ident),
        "set_meta_unknown": lambda: sdk.request_set_field(F.META, "nope", "x", ident),
        "body_not_string": lambda: sdk.request_get_field(F.BODY, "count", ident),
        "unmocked_url": lambda: sdk.http.get("https://unmocked.example.com/"),
        "status_404": lambda: sdk.http.get("https://api.example.com/users/404"),
        "invalid_method": lambda: sdk.fetch_url(42, "https://api.example.com/users/1", b"", ident),
        "bad_header_in_url": lambda: sdk.fetch_url(0, "https://api.example.com/users/1::nocolon", b"", ident),
        "set_not_utf8": lambda: sdk.request_set_field(F.STATE, "k", b"\xff\xfe", ident),
        "wrong_ident": lambda: sdk.request_get_field(F.META, "method", ident + 1),
        "type_field_type": lambda: sdk.request_get_field("0", "x", ident),
        "type_key_bytes": lambda: sdk.request_get_field(0, b"method", ident),
        "type_log_level": lambda: sdk.log_msg("m", "info", ident),
        "type_header_value": lambda: sdk.resp_set_header("k", 1, ident),
        "type_body_int": lambda: sdk.fetch_url(0, "https://api.example.com/users/1", 5, ident),
        "type_helper": lambda: sdk.req.header(5),
        "missing_argument": lambda: sdk.request_get_field(0, "method"),
        "overflow": lambda: sdk.request_get_field(2**40, "x", ident),
        "surrogate": lambda: sdk.resp_set_header("k", "\ud800", ident),
        "oversized_log": lambda: sdk.log_msg(big, 3, ident),
        "oversized_value": lambda: sdk.request_set_field(F.STATE, "k", big.encode(), ident),
        "unknown_method_name": lambda: sdk.http.request("BREW", "https://api.example.com/"),
    }
    out = {name: failure(call) for name, call in cases.items()}
    # After all of that the surface still answers.
    out["still_works"] = get(F.META, "method", ident)
    return out


def run_e(payload, ident):
    scenario = {"raw": raw, "helpers": helpers, "errors": errors}[payload]
    sdk.return_result(json.dumps(scenario(ident), sort_keys=True), ident)
