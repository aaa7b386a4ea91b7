"""The wrapper's own Python helpers (guest/src/embed.c imports this module at start-up; it is
in the snapshot): wheels at the top of the plugin folder on sys.path, async run_e, and the
standard library's source lines for tracebacks."""
import linecache
import os
import sys

# What marks a wheel that cannot run here: compiled extension modules of any platform.
COMPILED_SUFFIXES = (".so", ".pyd", ".dylib", ".dll")


def _wheel_error(name, why):
    return ImportError(f"wheel {name} {why}: only pure-Python wheels (tag py3-none-any) "
                       "can run in the module")


def _check_pure(path):
    """Raises ImportError naming the wheel when it is no pure-Python wheel."""
    import zipfile  # from the rest zip, and only when a plugin has wheels

    name = os.path.basename(path)
    try:
        with zipfile.ZipFile(path) as wheel:
            members = wheel.namelist()
            compiled = [m for m in members if m.lower().endswith(COMPILED_SUFFIXES)]
            if compiled:
                raise _wheel_error(name, f"holds compiled code ({compiled[0]})")
            metadata = [m for m in members if m.count("/") == 1 and m.endswith(".dist-info/WHEEL")]
            if not metadata:
                raise _wheel_error(name, "has no *.dist-info/WHEEL (is it a wheel?)")
            fields = [line.partition(":") for line in
                      wheel.read(metadata[0]).decode("utf-8", "replace").splitlines()]
    except zipfile.BadZipFile as e:
        raise _wheel_error(name, f"is not a zip file ({e})") from None
    purelib = [v.strip().lower() for k, _, v in fields if k.strip() == "Root-Is-Purelib"]
    tags = [v.strip() for k, _, v in fields if k.strip() == "Tag"]
    if purelib != ["true"]:
        raise _wheel_error(name, "is not pure (Root-Is-Purelib is not true)")
    for tag in tags:
        _, _, rest = tag.partition("-")
        if rest != "none-any":
            raise _wheel_error(name, f"is built for a platform (Tag: {tag})")


def add_wheels(folder):
    """Puts every *.whl at the top of `folder` on sys.path right after `folder`, in name order,
    as if installed (zipimport reads them in place); refuses wheels with compiled code."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".whl"))
    except FileNotFoundError:
        return []
    paths = [f"{folder}/{name}" for name in names]
    for path in paths:
        _check_pure(path)
    at = sys.path.index(folder) + 1 if folder in sys.path else 0
    sys.path[at:at] = paths
    return paths


def make_finder(folder):
    """The import system's finder for `folder`, made as the import would make it (the first path
    hook that takes the folder) and kept in sys.path_importer_cache. Made before the folder's files
    are in place, it still finds them: a FileFinder lists its folder on its first lookup."""
    if folder in sys.path_importer_cache:
        return
    for hook in sys.path_hooks:
        try:
            sys.path_importer_cache[folder] = hook(folder)
            return
        except ImportError:
            continue


def run_coroutine(coroutine):
    """An `async def run_e`: run it to completion in a fresh event loop, as asyncio.run does."""
    import asyncio

    return asyncio.run(coroutine)


# Source lines of the standard library. Its code objects name files inside the .pyc zips
# ("/lib/python311-core.zip/json/decoder.py", make_stdlib_zip.py), which hold no .py, so
# linecache (and with it traceback.extract_tb, format_exc, inspect.getsource) found no line where
# native Python shows one. The sources are in python311-source.zip, by the same entry names. It
# is opened only when linecache first misses a standard-library line, so start-up and plugins
# that never format such a traceback never read it (a host can fetch it then, or never).
STDLIB_ZIPS = ("/lib/python311-core.zip/", "/lib/python311-rest.zip/")
SOURCE_ZIP = "/lib/python311-source.zip"
_source_zip = None
_linecache_updatecache = linecache.updatecache


def stdlib_source_lines(filename):
    """The lines of a standard-library module's source, by its code objects' file name; [] when
    it is none or the source zip is missing."""
    global _source_zip
    if not filename.startswith(STDLIB_ZIPS):
        return []
    import io
    import tokenize
    import zipimport  # frozen, and imported already: it is the import system's zip path hook

    try:
        if _source_zip is None:
            _source_zip = zipimport.zipimporter(SOURCE_ZIP)
        data = _source_zip.get_data(filename.split("/", 3)[3])
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return []
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def _updatecache(filename, module_globals=None):
    """linecache.updatecache, falling back to the source zip for the standard library."""
    lines = _linecache_updatecache(filename, module_globals)
    if lines:
        return lines
    lines = stdlib_source_lines(filename)
    if lines:
        # mtime None: checkcache() keeps the entry (the zips do not change under a running module).
        linecache.cache[filename] = (sum(map(len, lines)), None, lines, filename)
    return lines


# linecache.getlines() calls the module global, so this reaches traceback, inspect and warnings.
linecache.updatecache = _updatecache
