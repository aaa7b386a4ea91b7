import json

import sdk


def run_e(payload, ident):
    try:
        order = json.loads(payload)
        items = order["items"]
        total = sum(item["price"] * item.get("qty", 1) for item in items)
    except (ValueError, KeyError, TypeError) as e:
        sdk.return_error(400, f"bad order: {type(e).__name__}: {e}", ident)
        return
    answer = {"customer": order.get("customer"), "count": len(items), "total": round(total, 2)}
    sdk.return_result(json.dumps(answer, sort_keys=True), ident)
