"""Writes manifest.json for the guest artifacts: versions, sources, checksums and sizes.

Reproducible: no dates other than SOURCE_DATE_EPOCH, no host paths, sorted keys.
"""
import argparse
import gzip
import hashlib
import json
import subprocess
from pathlib import Path


def sizes(path: Path) -> dict:
    data = path.read_bytes()
    brotli = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True,
                            check=True).stdout
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "raw": len(data),
        "gzip": len(gzip.compress(data, compresslevel=9, mtime=0)),
        "brotli": len(brotli),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--lock", required=True, type=Path)
    parser.add_argument("--python", required=True)
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--link-flags", required=True)
    parser.add_argument("--wasm-opt", required=True, choices=["true", "false"])
    parser.add_argument("--source-date-epoch", required=True, type=int)
    parser.add_argument("--builtins", required=True, type=Path)
    parser.add_argument("--core-modules", required=True, type=Path)
    parser.add_argument("--wizer-version", required=True)
    parser.add_argument("--preopens", required=True, help="space-separated, in fd order from 3")
    parser.add_argument("--max-memory", required=True, type=int)
    parser.add_argument("--zic", required=True, help="zic --version (compiles the tzdata)")
    parser.add_argument("--patches", required=True, help="space-separated stdlib patches")
    parser.add_argument("artifacts", nargs="+", type=Path)
    args = parser.parse_args()

    sources = []
    for line in args.lock.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, version, tarball, sha256 = line.split()
        sources.append({"name": name, "debian_version": version, "tarball": tarball,
                        "sha256": sha256})
    manifest = {
        "python_version": args.python,
        "target": "wasm32-wasi",
        "source_date_epoch": args.source_date_epoch,
        "compiler": args.compiler,
        "link_flags": args.link_flags,
        "wasm_opt": args.wasm_opt == "true",
        "sources": sources,
        "builtin_modules": args.builtins.read_text().split(),
        "preinitialized": True,
        "wizer_version": args.wizer_version,
        "hash_seed": 0,
        "max_memory": args.max_memory,
        "fd_layout": {"0": "stdin", "1": "stdout", "2": "stderr",
                      **{str(3 + i): path for i, path in enumerate(args.preopens.split())}},
        "cwd": "/plugin",
        "sys_path": ["$PYTHONPATH (default /plugin)", "/plugin/*.whl (name order)",
                     "/lib/python311-core.zip", "/lib/python311-rest.zip"],
        "zic": args.zic,
        "stdlib_patches": args.patches.split(),
        "core_modules": [line.strip() for line in args.core_modules.read_text().splitlines()
                         if line.strip() and not line.startswith("#")],
        "artifacts": {path.name: sizes(path) for path in args.artifacts},
    }
    args.out.write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
