"""The wrapper's own Python helpers (guest/src/embed.c imports this module at start-up; it is
in the snapshot): wheels at the top of the plugin folder on sys.path, and async run_e."""
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


def run_coroutine(coroutine):
    """An `async def run_e`: run it to completion in a fresh event loop, as asyncio.run does."""
    import asyncio

    return asyncio.run(coroutine)
