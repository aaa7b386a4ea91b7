"""Builds the standard library as .pyc files for the wasm guest, in two zips:
python311-core.zip (the modules named in CORE_LIST: what start-up and the warm imports load,
and the whole of every package among them) and python311-rest.zip (everything else); and
python311-source.zip, the .py source of every module of both, by the same entry names
("json/decoder.py"). No importer reads the source zip: it is not on sys.path. It is there for
tracebacks, whose source lines linecache reads from it (guest/python/_se2.py), so a host fetches
it only when a traceback first goes through the standard library.

Usage: python3.11 -I -S make_stdlib_zip.py LIB_DIR SYSCONFIGDATA_PY BUILD_DIR CORE_LIST OUT_DIR [EXTRA_ROOT...]
EXTRA_ROOT: more package trees bundled the same way (our guest/python, the tzdata package);
their files other than .py (time-zone data) are stored as they are.
CORE_LIST: zip entry names, one a line ("re/__init__.pyc"), '#' comments allowed
(guest/core_modules.txt, written by guest/tools/core_modules.mjs).

Reproducible: .pyc use UNCHECKED_HASH (no source mtimes), entries are sorted, stored
uncompressed (zipimport needs no zlib at start-up) with a fixed timestamp, and the build
folder's absolute path is replaced in the wasm build's _sysconfigdata module.
Must run under the same CPython release as the guest (3.11.2) so the bytecode matches.
"""
import importlib.util
import io
import marshal
import os
import pprint
import sys
import zipfile
from pathlib import Path

# Left out: tests, and GUI, tooling and OS features a WASI sandbox cannot offer (Tk, ctypes,
# curses, processes, package installation, the interactive help data).
EXCLUDED_DIRS = {
    "test", "tests", "idle_test", "idlelib", "tkinter", "turtledemo", "ensurepip", "venv",
    "lib2to3", "distutils", "pydoc_data", "site-packages", "ctypes", "curses",
    "multiprocessing", "__pycache__", "__phello__",
}
# _pydecimal is the fallback for the built-in _decimal, which this build always has.
EXCLUDED_FILES = {"turtle.py", "antigravity.py", "__hello__.py", "_pydecimal.py"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CORE_ZIP = "python311-core.zip"
REST_ZIP = "python311-rest.zip"
SOURCE_ZIP = "python311-source.zip"
RUNTIME_DIR = "/lib"


def pyc_bytes(source: bytes, display_name: str) -> bytes:
    code = compile(source, display_name, "exec", dont_inherit=True, optimize=0)
    data = bytearray(importlib.util.MAGIC_NUMBER)
    data += (0b01).to_bytes(4, "little")  # flags: hash-based, unchecked
    data += importlib.util.source_hash(source)
    data += marshal.dumps(code)
    return bytes(data)


def sysconfig_without_paths(path: Path, build_dir: str) -> bytes:
    """The wasm build's _sysconfigdata module with the build folder replaced by "/build".

    Re-printed after the replacement: the generated file is pprint-ed, so its line breaks
    depend on the length of the build folder's path."""
    namespace: dict = {}
    exec(path.read_text(), namespace)
    values = {
        key: value.replace(build_dir, "/build") if isinstance(value, str) else value
        for key, value in namespace["build_time_vars"].items()
    }
    text = "# system configuration generated and used by the sysconfig module\n"
    text += "build_time_vars = " + pprint.pformat(values) + "\n"
    return text.encode()


def collect(lib: Path):
    for path in sorted(lib.rglob("*.py")):
        rel = path.relative_to(lib)
        if any(part in EXCLUDED_DIRS for part in rel.parts[:-1]) or rel.name in EXCLUDED_FILES:
            continue
        yield rel.as_posix(), path.read_bytes()


def collect_all(root: Path):
    """Every file of an extra root: .py sources and data files alike."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path.relative_to(root).as_posix(), path.read_bytes()


def write_zip(path: Path, entries: list) -> int:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())


def main() -> None:
    lib, sysconfigdata, build_dir, core_list, out_dir = (Path(a) for a in sys.argv[1:6])
    extra_roots = [Path(a) for a in sys.argv[6:]]
    if sys.version_info[:3] != (3, 11, 2):
        sys.exit(f"make_stdlib_zip.py: needs CPython 3.11.2, this is {sys.version}")
    sources = dict(collect(lib))
    sources[sysconfigdata.name] = sysconfig_without_paths(sysconfigdata, str(build_dir))
    data_files = {}
    for root in extra_roots:
        for name, data in collect_all(root):
            if name in sources or name in data_files:
                sys.exit(f"make_stdlib_zip.py: {root}/{name} is already in the bundle")
            if name.endswith(".py"):
                sources[name] = data
            else:
                data_files[name] = data
    core = {line.strip() for line in core_list.read_text().splitlines()
            if line.strip() and not line.startswith("#")}
    pyc_names = {name[:-3] + ".pyc" for name in sources}
    unknown = sorted(core - pyc_names)
    if unknown:
        sys.exit(f"make_stdlib_zip.py: {core_list.name} names modules the bundle lacks: {unknown}")
    # A package's __path__ covers only the zip it was imported from, so a package with any
    # module in the core zip goes there whole: otherwise encodings.ascii, importlib.metadata or
    # json.tool could not be imported at all.
    core_packages = {name.split("/")[0] for name in core if "/" in name}
    zips = {CORE_ZIP: [], REST_ZIP: [], SOURCE_ZIP: []}
    for name in sorted(sources):
        pyc_name = name[:-3] + ".pyc"
        in_core = pyc_name in core or pyc_name.split("/")[0] in core_packages
        zip_name = CORE_ZIP if in_core else REST_ZIP
        # co_filename as tracebacks show it at run time: /lib/python311-core.zip/re/__init__.py
        pyc = pyc_bytes(sources[name], f"{RUNTIME_DIR}/{zip_name}/{name}")
        zips[zip_name].append((pyc_name, pyc))
        zips[SOURCE_ZIP].append((name, sources[name]))
    for name, data in data_files.items():
        in_core = name in core or name.split("/")[0] in core_packages
        zips[CORE_ZIP if in_core else REST_ZIP].append((name, data))
    for zip_name, entries in zips.items():
        entries.sort()
        size = write_zip(out_dir / zip_name, entries)
        print(f"  {zip_name}: {len(entries)} modules, {size} bytes")


if __name__ == "__main__":
    main()
