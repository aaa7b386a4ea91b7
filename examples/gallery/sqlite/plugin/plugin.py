import sqlite3

import sdk

CITIES = [
    ("Tokyo", "Japan", 37.1),
    ("Delhi", "India", 33.8),
    ("Shanghai", "China", 29.9),
    ("Dhaka", "Bangladesh", 23.9),
    ("São Paulo", "Brazil", 22.8),
]

# Built once per instance, when the plugin is imported.
db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE city (name TEXT PRIMARY KEY, country TEXT, millions REAL)")
db.executemany("INSERT INTO city VALUES (?, ?, ?)", CITIES)


def run_e(payload, ident):
    row = db.execute(
        "SELECT country, millions, (SELECT COUNT(*) FROM city c2 WHERE c2.millions > c.millions) + 1"
        " FROM city c WHERE name = ? COLLATE NOCASE",
        (payload.strip(),),
    ).fetchone()
    if row is None:
        sdk.return_error(404, f"no city named {payload.strip()!r}", ident)
        return
    country, millions, rank = row
    sdk.return_result(f"#{rank}: {payload.strip()}, {country}, {millions} million (SQLite {sqlite3.sqlite_version})", ident)
