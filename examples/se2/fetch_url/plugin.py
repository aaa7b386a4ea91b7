"""fetch_url: HTTP through the host. The CLI and the page answer from mocks only (--fetch)."""
import json

import sdk


def run_e(payload, ident):
    todo = json.loads(sdk.http.get("https://api.example.com/todos/1"))
    created = sdk.fetch_url(sdk.HttpMethod.POST, "https://api.example.com/todos::Content-Type:application/json",
                            json.dumps({"title": payload}), ident)
    try:
        sdk.http.get("https://api.example.com/todos/999")
        missing = "found"
    except sdk.HostError as e:  # a non-2xx status is an error "<status>: <body>"
        missing = str(e)
    sdk.return_result(f"{todo['title']} | {json.loads(created)['id']} | {missing}", ident)
