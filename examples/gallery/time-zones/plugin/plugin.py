"""Time zones from the IANA database (zoneinfo, with the tzdata package inside the module):
the payload is an ISO time in UTC; the answer is that moment in a few cities, DST included."""
import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import sdk

CITIES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]


def run_e(payload, ident):
    try:
        moment = datetime.fromisoformat(payload.strip()).replace(tzinfo=timezone.utc)
    except ValueError:
        sdk.return_error(400, f"not an ISO date and time: {payload!r}", ident)
        return
    try:
        local = {city: moment.astimezone(ZoneInfo(city)).strftime("%Y-%m-%d %H:%M %Z") for city in CITIES}
    except ZoneInfoNotFoundError as e:
        sdk.return_error(500, f"no time-zone data: {e}", ident)
        return
    local["zones_known"] = len(available_timezones()) > 400
    sdk.return_result(json.dumps(local), ident)
