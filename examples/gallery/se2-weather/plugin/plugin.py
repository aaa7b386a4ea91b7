"""A real SE2-style handler: reads a JSON body and an API key header, calls an upstream API
(mocked by the host), sets response headers and answers with JSON, or with an HTTP-like error."""
import json
from urllib.parse import quote

import sdk


def run_e(payload, ident):
    key = sdk.req.header("X-Api-Key")
    if not key:
        sdk.return_error(401, "missing X-Api-Key header", ident)
        return
    try:
        city = sdk.req.json()["city"]
    except (ValueError, KeyError, TypeError):
        sdk.return_error(400, 'the body must be JSON like {"city": "Oslo"}', ident)
        return
    sdk.log.info(f"looking up {city}")
    try:
        upstream = sdk.http.get(f"https://api.weather.example/v1/current?city={quote(city)}",
                                headers={"Authorization": f"Bearer {key}"})
    except sdk.HostError as e:
        sdk.log.error(f"upstream failed: {e}")
        sdk.return_error(502, f"weather service: {e}", ident)
        return
    weather = json.loads(upstream)
    sdk.resp.content_type("application/json")
    sdk.resp.set_header("X-Upstream", "api.weather.example")
    sdk.req.set_state("last_city", city)
    sdk.return_result(json.dumps({"city": city, "celsius": weather["temp_c"],
                                  "summary": weather["condition"]}), ident)
