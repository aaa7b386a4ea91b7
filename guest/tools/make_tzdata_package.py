"""Turns a folder of compiled zones (zic -d PKG/zoneinfo) into the `tzdata` package that
CPython's zoneinfo reads through importlib.resources where the system has no database:
PKG/__init__.py, an __init__.py in every folder under PKG/zoneinfo (a resource is found only
in a package), and PKG/zones listing every key, sorted (zoneinfo.available_timezones()).

Usage: python3.11 -I -S make_tzdata_package.py PKG IANA_VERSION   (e.g. 2026b)
"""
import re
import sys
from pathlib import Path


def main() -> None:
    pkg, iana = Path(sys.argv[1]), sys.argv[2]
    match = re.fullmatch(r"(\d{4})([a-z])", iana)
    if not match:
        sys.exit(f"make_tzdata_package.py: unexpected IANA version {iana!r}")
    # The PyPI package's numbering: 2026b -> 2026.2.
    version = f"{match[1]}.{ord(match[2]) - ord('a') + 1}"
    zoneinfo = pkg / "zoneinfo"
    keys = []
    for path in sorted(zoneinfo.rglob("*")):
        if path.is_dir():
            (path / "__init__.py").write_text("")
        elif path.read_bytes()[:4] == b"TZif":
            keys.append(path.relative_to(zoneinfo).as_posix())
    (zoneinfo / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text(
        "# The IANA time-zone database, compiled with zic from Debian's tzdata source.\n"
        f'IANA_VERSION = "{iana}"\n__version__ = "{version}"\n')
    (pkg / "zones").write_text("".join(f"{key}\n" for key in keys))
    print(f"  tzdata {iana}: {len(keys)} zones")


if __name__ == "__main__":
    main()
