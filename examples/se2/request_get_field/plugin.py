"""request_get_field: read the request the run serves. A missing key reads as ''."""
import json

import sdk


def run_e(payload, ident):
    sdk.return_result(json.dumps({
        "method": sdk.req.method(),
        "url": sdk.req.url(),
        "user_agent": sdk.req.header("user-agent"),  # header names are case-insensitive
        "page": sdk.req.query("page"),
        "user": sdk.req.param("user"),
        "plan": sdk.req.state("plan"),
        "name": sdk.req.body_field("name"),
        "missing": sdk.req.header("x-not-sent"),
    }), ident)
