#!/usr/bin/env bash
# Builds the WebAssembly guest from pinned Debian sources:
#   wrapper.wasm        the C wrapper (guest/src) linked against a static CPython 3.11.2 for
#                       wasm32-wasi, pre-initialised by Wizer (Python started, warm imports done)
#   python311-core.zip  the standard library modules start-up needs (guest/core_modules.txt)
#   python311-rest.zip  every other stdlib module (.pyc, stored, sorted, fixed timestamps)
#   python311-source.zip  the .py sources of both, for traceback lines (not on sys.path)
#   manifest.json       versions, checksums and sizes of the above
# The plain (not pre-initialised) module stays in the build folder as wrapper-plain.wasm.
#
# Usage: bash guest/build.sh [--build-dir DIR] [--out DIR] [--source-cache DIR] [--jobs N]
#        bash guest/build.sh --fetch-only [--source-cache DIR]   (the pinned tarballs, checked; no build)
# Defaults: --build-dir guest/.build, --out public/guest, --source-cache guest/.build/sources.
# The output is reproducible: two builds in different folders give the same bytes.
set -euo pipefail

GUEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$GUEST_DIR/.." && pwd)

BUILD_DIR=$GUEST_DIR/.build
OUT_DIR=$REPO_DIR/public/guest
SOURCE_CACHE=
JOBS=$(nproc 2>/dev/null || echo 2)
FETCH_ONLY=false
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --source-cache) SOURCE_CACHE=$2; shift 2 ;;
    --jobs|-j) JOBS=$2; shift 2 ;;
    --fetch-only) FETCH_ONLY=true; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$BUILD_DIR" "$OUT_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
OUT_DIR=$(cd "$OUT_DIR" && pwd)
SOURCE_CACHE=${SOURCE_CACHE:-$BUILD_DIR/sources}
mkdir -p "$SOURCE_CACHE"
SOURCE_CACHE=$(cd "$SOURCE_CACHE" && pwd)

# Reproducibility: fixed clock (CPython 3.11.2's release day), locale, time zone and umask.
export SOURCE_DATE_EPOCH=1675728000
export LC_ALL=C TZ=UTC
umask 022

PY_VERSION=3.11.2
BUILD_PYTHON=/usr/bin/python3.11
LLVM=19
CC_BIN=clang-$LLVM
SYSROOT=$BUILD_DIR/sysroot
TARGET=wasm32-wasi
# Every compile maps the build folder to "." so no absolute path reaches the output.
REPRO_CFLAGS="-ffile-prefix-map=$BUILD_DIR=. -fdebug-prefix-map=$BUILD_DIR=. -fmacro-prefix-map=$BUILD_DIR=."
WASM_CC="$CC_BIN --target=$TARGET --sysroot=$SYSROOT"
# -Os for every C file (CPython's configure would use -O3): a smaller module downloads and
# compiles faster (guest/README.md, "Size levers").
OPT_LEVEL=-Os
WASM_CFLAGS="$OPT_LEVEL -g0 $REPRO_CFLAGS"
# --max-memory: 1 GiB cap, so a plugin that allocates without end gets a MemoryError.
MAX_MEMORY=1073741824
LINK_FLAGS="-Wl,-z,stack-size=524288 -Wl,--stack-first -Wl,--initial-memory=10485760 -Wl,--max-memory=$MAX_MEMORY"
# --compress-relocations: the code's call and data references as shortest LEB128s, not padded to
# five bytes (10 KB less brotli; wasm-ld wants --strip-debug with it).
LINK_FLAGS="$LINK_FLAGS -Wl,--compress-relocations,--strip-debug"
# Wizer (npm @bytecodealliance/wizer, pinned in package.json; its Linux binary ships inside).
WIZER=$REPO_DIR/node_modules/.bin/wizer
WIZER_VERSION=10.0.0
# --- filesystem layout (issue 16) ---
# One preopen, fd 3 = "/": the module sees one tree (/plugin, /lib, /tmp) as a script does
# natively, and a missing path anywhere is ENOENT. The snapshot binds it: every host must give
# fd 3 = "/" and nothing else before fd 4 (guest/README.md, "File system").
PREOPENS="/"
# utimensat/futimens with NULL times ("now") reach WASI as time 0 in Debian's wasi-libc: the
# wrapper passes the current time instead (guest/src/wasm_shim.c).
LINK_FLAGS="$LINK_FLAGS -Wl,--wrap=utimensat,--wrap=futimens"
# --- end filesystem layout ---
# Snapshot hygiene (see wasm_shim.c): clock and file status are anonymised during wizer.initialize.
LINK_FLAGS="$LINK_FLAGS -Wl,--wrap=__wasi_clock_time_get,--wrap=__wasi_fd_filestat_get,--wrap=__wasi_path_filestat_get"
# ... and freed memory is zeroed then, so the snapshot holds zeros instead of stale bytes.
LINK_FLAGS="$LINK_FLAGS -Wl,--wrap=free,--wrap=realloc"
LINK_LIBS="-lwasi-emulated-signal -lwasi-emulated-getpid -lwasi-emulated-process-clocks -lm"

say() { printf '\033[1m[build.sh]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[build.sh] error:\033[0m %s\n' "$*" >&2; exit 1; }
step_start() { STEP_T0=$(date +%s); say "$1"; }
step_done() { say "  done in $(( $(date +%s) - STEP_T0 )) s"; }
T_START=$(date +%s)

# --- toolchain ------------------------------------------------------------------------------
APT_PACKAGES="clang-$LLVM lld-$LLVM llvm-$LLVM libclang-rt-$LLVM-dev-wasm32 wasi-libc tcl python3.11 dpkg-dev binaryen brotli patch libc-bin"
need_tools() {
  local missing=()
  local t
  for t in "$CC_BIN" "wasm-ld-$LLVM" "llvm-ar-$LLVM" "llvm-ranlib-$LLVM" "llvm-strip-$LLVM" \
           tclsh wasm-opt brotli gzip make cc pkg-config apt-get sha256sum patch zic; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [ -x "$BUILD_PYTHON" ] || missing+=("$BUILD_PYTHON")
  [ -x "$WIZER" ] || missing+=("$WIZER (run npm ci)")
  [ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=("wasi-libc (/usr/lib/wasm32-wasi/libc.a)")
  [ -f "/usr/lib/llvm-$LLVM/lib/clang/$LLVM/lib/wasi/libclang_rt.builtins-wasm32.a" ] \
    || missing+=("libclang-rt-$LLVM-dev-wasm32")
  printf '%s\n' "${missing[@]}"
}
MISSING=$([ "$FETCH_ONLY" = true ] || need_tools)
if [ -n "$MISSING" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing missing tools: $(echo $MISSING | tr '\n' ' ')"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $APT_PACKAGES pkg-config make gcc >/dev/null
    MISSING=$(need_tools)
  fi
  [ -z "$MISSING" ] || die "missing tools: $(echo $MISSING | tr '\n' ' ')
  install them with: sudo apt-get install $APT_PACKAGES pkg-config make gcc"
fi
if [ "$FETCH_ONLY" = false ]; then
  "$BUILD_PYTHON" -c 'import sys; assert sys.version_info[:3] == (3, 11, 2), sys.version' \
    || die "$BUILD_PYTHON must be Debian's CPython $PY_VERSION (package python3.11)"
  [ "$("$WIZER" --version)" = "wizer $WIZER_VERSION" ] || die "$WIZER is not wizer $WIZER_VERSION"
fi

# --- sources --------------------------------------------------------------------------------
ensure_deb_src() {
  if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    [ "$(id -u)" = 0 ] || die "no deb-src entry in APT sources; add one for bookworm (as root) and run again"
    say "adding a deb-src entry for bookworm"
    cat > /etc/apt/sources.list.d/bookworm-src.sources <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq
  fi
}

fetch_sources() {
  local name version tarball sha have
  while read -r name version tarball sha; do
    case "$name" in ''|'#'*) continue ;; esac
    if [ ! -f "$SOURCE_CACHE/$tarball" ]; then
      ensure_deb_src
      say "fetching $name=$version"
      (cd "$SOURCE_CACHE" && apt-get source --download-only -qq "$name=$version" 2>&1 \
        | grep -v 'Download is performed unsandboxed' || true)
      [ -f "$SOURCE_CACHE/$tarball" ] || die "apt-get source did not give $tarball for $name=$version"
    fi
    have=$(sha256sum "$SOURCE_CACHE/$tarball" | cut -d' ' -f1)
    [ "$have" = "$sha" ] || die "$tarball: sha256 $have, sources.lock pins $sha"
  done < "$GUEST_DIR/sources.lock"
}
tarball_of() { awk -v n="$1" '$1 == n { print $3 }' "$GUEST_DIR/sources.lock"; }

# unpack NAME DIR: fresh upstream tree of source package NAME in DIR
unpack() {
  rm -rf "$2" "$2.tmp"
  mkdir -p "$2.tmp"
  tar -xf "$SOURCE_CACHE/$(tarball_of "$1")" -C "$2.tmp"
  if [ "$(ls "$2.tmp" | wc -l)" = 1 ] && [ -d "$2.tmp/$(ls "$2.tmp")" ]; then
    mv "$2.tmp"/* "$2"
    rmdir "$2.tmp"
  else
    mv "$2.tmp" "$2"  # a tarball without a top folder (tzdata)
  fi
}

# --- sysroot: Debian's wasi-libc plus our wasm libraries, and nothing from the host ------------
make_sysroot() {
  rm -rf "$SYSROOT"
  mkdir -p "$SYSROOT/include" "$SYSROOT/lib/$TARGET/pkgconfig"
  ln -s "/usr/include/$TARGET" "$SYSROOT/include/$TARGET"
  local f
  for f in /usr/lib/$TARGET/*; do ln -s "$f" "$SYSROOT/lib/$TARGET/"; done
}

# write_pc NAME VERSION LIBS: a pkg-config file for a library installed in the sysroot
write_pc() {
  cat > "$SYSROOT/lib/$TARGET/pkgconfig/$1.pc" <<EOF
Name: $1
Description: $1 for $TARGET
Version: $2
Cflags:
Libs: $3
EOF
}

# compile_lib NAME SRCDIR "CFLAGS" FILES...: objects into $SYSROOT/lib/$TARGET/libNAME.a
compile_lib() {
  local name=$1 dir=$2 flags=$3
  shift 3
  local objs=() f
  for f in "$@"; do
    # -w: third-party sources as released; their warnings are not ours to fix.
    $WASM_CC $WASM_CFLAGS -w $flags -c "$dir/$f" -o "$dir/${f%.c}.o"
    objs+=("$dir/${f%.c}.o")
  done
  rm -f "$SYSROOT/lib/$TARGET/lib$name.a"
  "llvm-ar-$LLVM" rcsD "$SYSROOT/lib/$TARGET/lib$name.a" "${objs[@]}"
}

build_zlib() {
  local d=$BUILD_DIR/deps/zlib
  unpack zlib "$d"
  # zlib's configure only sets Z_HAVE_UNISTD_H for us; compiling the files directly is simpler.
  compile_lib z "$d" "-DZ_HAVE_UNISTD_H -D_LARGEFILE64_SOURCE=1" \
    adler32.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c zutil.c \
    compress.c uncompr.c gzclose.c gzlib.c gzread.c gzwrite.c
  cp "$d/zlib.h" "$d/zconf.h" "$SYSROOT/include/"
  write_pc zlib 1.2.13 "-lz"
}

build_bzip2() {
  local d=$BUILD_DIR/deps/bzip2
  unpack bzip2 "$d"
  compile_lib bz2 "$d" "-D_FILE_OFFSET_BITS=64" \
    blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c
  cp "$d/bzlib.h" "$SYSROOT/include/"
  write_pc bzip2 1.0.8 "-lbz2"
}

build_xz() {
  local d=$BUILD_DIR/deps/xz
  unpack xz-utils "$d"
  # liblzma's single-threaded build still defines an (unused) inline helper around
  # sigprocmask(), which wasi-libc's <signal.h> does not declare: give it stand-ins.
  cat > "$d/wasi-compat.h" <<'EOF'
#include <__typedef_sigset_t.h>
static inline int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{ (void)how; (void)set; (void)old; return 0; }
EOF
  (cd "$d" && CC="$WASM_CC" AR="llvm-ar-$LLVM" RANLIB="llvm-ranlib-$LLVM" \
    CFLAGS="$WASM_CFLAGS -w -D_WASI_EMULATED_SIGNAL -include $d/wasi-compat.h" \
    ./configure -q --host=wasm32-unknown-wasi --build=x86_64-pc-linux-gnu \
      --disable-shared --enable-static --disable-threads --disable-nls --disable-xz \
      --disable-xzdec --disable-lzmadec --disable-lzmainfo --disable-lzma-links \
      --disable-scripts --disable-doc --disable-symbol-versions >/dev/null \
    && make -s -j"$JOBS" -C src/liblzma >/dev/null)
  cp "$d/src/liblzma/.libs/liblzma.a" "$SYSROOT/lib/$TARGET/"
  cp -r "$d/src/liblzma/api/lzma.h" "$d/src/liblzma/api/lzma" "$SYSROOT/include/"
  write_pc liblzma 5.4.1 "-llzma"
}

build_sqlite() {
  local d=$BUILD_DIR/deps/sqlite3
  unpack sqlite3 "$d"
  # The amalgamation (sqlite3.c) is generated by host tools (lemon, tclsh) from the full tree.
  (cd "$d" && CC=cc CFLAGS="-O1 $REPRO_CFLAGS" ./configure -q --disable-tcl --disable-shared \
      >/dev/null && make -s sqlite3.c >/dev/null)
  # SQLite 3.40's unix VFS needs locks, fchown, mmap and shared memory that WASI lacks: build
  # with SQLITE_OS_OTHER and our own small VFS (guest/deps/sqlite_wasi_vfs.c: plain file I/O,
  # SQLite's locks within the instance), single-threaded, without extension loading, temp store
  # in memory. HAVE_USLEEP (as configure finds it natively): the busy handler then retries
  # after 1, 2, 5, ... ms up to the connection's timeout; without it, it sleeps whole seconds
  # and gives up at once when the timeout is under one (sqlite3.connect(timeout=0.3)).
  cp "$GUEST_DIR/deps/sqlite_wasi_vfs.c" "$d/"
  compile_lib sqlite3 "$d" "-I$d -DSQLITE_OS_OTHER=1 -DSQLITE_THREADSAFE=0 -DHAVE_USLEEP=1 \
    -DSQLITE_OMIT_LOAD_EXTENSION=1 -DSQLITE_OMIT_WAL=1 -DSQLITE_MAX_MMAP_SIZE=0 \
    -DSQLITE_TEMP_STORE=3 -DSQLITE_ENABLE_MATH_FUNCTIONS=1" sqlite3.c sqlite_wasi_vfs.c
  cp "$d/sqlite3.h" "$SYSROOT/include/"
  write_pc sqlite3 3.40.1 "-lsqlite3"
}

# --- CPython ------------------------------------------------------------------------------
PYDIR=$BUILD_DIR/cpython
build_cpython() {
  unpack python3.11 "$PYDIR"
  cd "$PYDIR"
  # config.site-wasm32-wasi carries CPython's own WASI overrides (each with its reason).
  # PKG_CONFIG_* make configure see only the wasm libraries in our sysroot, never the host's.
  PKG_CONFIG_LIBDIR=$SYSROOT/lib/$TARGET/pkgconfig PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR=$SYSROOT \
  CONFIG_SITE=Tools/wasm/config.site-wasm32-wasi \
    ./configure --host=wasm32-unknown-wasi --build=x86_64-pc-linux-gnu \
      --with-build-python="$BUILD_PYTHON" --disable-test-modules --without-ensurepip \
      CC="$WASM_CC" CPP="$WASM_CC -E" AR="llvm-ar-$LLVM" RANLIB="llvm-ranlib-$LLVM" \
      OPT="-DNDEBUG -fwrapv $OPT_LEVEL -g0" CFLAGS="-Wno-int-conversion $REPRO_CFLAGS" \
      > "$BUILD_DIR/cpython-configure.log" 2>&1 \
    || { tail -30 "$BUILD_DIR/cpython-configure.log"; die "CPython configure failed"; }
  # The stdlib extension modules we promise must be found and built in (static on wasm).
  local m state
  for m in ZLIB _BZ2 _LZMA _SQLITE3 _DECIMAL PYEXPAT _ELEMENTTREE _MD5 _SHA1 _SHA256 _SHA512 \
           _SHA3 _BLAKE2 BINASCII UNICODEDATA _JSON _CSV _DATETIME MATH CMATH _STRUCT _RANDOM \
           _BISECT _HEAPQ _PICKLE _STATISTICS _ZONEINFO ARRAY SELECT _SOCKET _CONTEXTVARS; do
    state=$(sed -n "s/^MODULE_${m}_STATE=//p" Makefile)
    [ "$state" = yes ] || die "CPython configure: module ${m,,} is '${state:-absent}', expected yes"
  done
  # uuid works in pure Python (uuid4 from os.urandom); the C _uuid module is not needed.
  say "  _uuid: $(sed -n 's/^MODULE__UUID_STATE=//p' Makefile) (not required)"
  make -s -j"$JOBS" all > "$BUILD_DIR/cpython-make.log" 2>&1 \
    || { tail -30 "$BUILD_DIR/cpython-make.log"; die "CPython make failed"; }
  cd "$BUILD_DIR"
}

# One fat libpython3.11.a with everything it needs merged in, like the original release.
merge_libpython() {
  local lib=$BUILD_DIR/lib/libpython3.11.a
  mkdir -p "$BUILD_DIR/lib"
  rm -f "$lib"
  {
    echo "CREATE $lib"
    echo "ADDLIB $PYDIR/libpython3.11.a"
    echo "ADDLIB $PYDIR/Modules/_decimal/libmpdec/libmpdec.a"
    echo "ADDLIB $PYDIR/Modules/expat/libexpat.a"
    local l
    for l in z bz2 lzma sqlite3; do echo "ADDLIB $SYSROOT/lib/$TARGET/lib$l.a"; done
    echo "SAVE"
    echo "END"
  } | "llvm-ar-$LLVM" -M
  "llvm-ranlib-$LLVM" -D "$lib"
}

# --- the wrapper ----------------------------------------------------------------------------
build_wrapper() {
  local w=$BUILD_DIR/wrapper
  rm -rf "$w"
  mkdir -p "$w/src"
  # Compile copies inside the build folder so that -ffile-prefix-map covers every path.
  cp "$GUEST_DIR"/src/*.c "$GUEST_DIR"/src/*.h "$w/src/"
  local objs=() f
  for f in "$w"/src/*.c; do
    $WASM_CC $WASM_CFLAGS -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter \
      -I"$PYDIR/Include" -I"$PYDIR" -c "$f" -o "${f%.c}.o"
    objs+=("${f%.c}.o")
  done
  # -nostartfiles/--no-entry: no crt1, so neither _initialize nor a command-style _start is
  # generated, and the linker does not wrap our exports with ctor/dtor calls; our own _start
  # runs the constructors once.
  # The exports are named in wasm_shim.c (export_name attributes).
  $WASM_CC -nostartfiles -Wl,--no-entry $LINK_FLAGS \
    -o "$w/wrapper.full.wasm" "${objs[@]}" "$BUILD_DIR/lib/libpython3.11.a" $LINK_LIBS
  "llvm-strip-$LLVM" -o "$w/wrapper.strip.wasm" "$w/wrapper.full.wasm"
  # No wasm-opt: -Oz saved 16 KB brotli but made a fresh instance 14 ms slower (guest/README.md,
  # "Size levers"); --compress-relocations already gives what its rewrite saved.
  cp "$w/wrapper.strip.wasm" "$w/wrapper-plain.wasm"
  WASM_OPT_USED=false
  local raw
  raw=$(wc -c < "$w/wrapper-plain.wasm")
  [ "$raw" -le $((8 * 1024 * 1024)) ] || die "wrapper-plain.wasm is $raw bytes, over the 8 MiB budget"
  check_wrapper_interface "$w/wrapper-plain.wasm" "wizer.initialize "
}

# The ABI allows exactly these exports and imports; the host relies on it. $2: extra exports.
check_wrapper_interface() {
  local iface exports imports
  iface=$("$BUILD_PYTHON" -I -S "$GUEST_DIR/tools/wasm_interface.py" "$1")
  exports=$(awk '$1 == "export" { print $2 }' <<<"$iface" | sort | tr '\n' ' ')
  [ "$exports" = "_start allocate deallocate memory prepare run_e ${2:-}" ] \
    || die "unexpected exports: $exports"
  # ---- SE2 ABI (issue 12): the env imports are exactly the .wit's, with its signatures ----
  local want
  imports=$(grep '^import ' <<<"$iface" | grep -v '^import wasi_snapshot_preview1\.' | sort)
  want=$("$BUILD_PYTHON" -I -S "$GUEST_DIR/tools/abigen.py" --print-imports | sort)
  [ "$imports" = "$want" ] || die "the module's imports are not those of guest/abi/se2.wit:
$(diff <(echo "$want") <(echo "$imports") || true)"
  # ---- end SE2 ABI ----
}

# --- the standard library bundle ----------------------------------------------------------
# --- stdlib patches and extra packages (issue 16) ---
# guest/patches/*.patch change the standard library only (Lib/), so they are applied to a copy
# of Lib/ that the zips are built from; the C build uses the tarball as released.
STDLIB_SRC=$BUILD_DIR/stdlib-src
patch_stdlib() {
  rm -rf "$STDLIB_SRC"
  mkdir -p "$STDLIB_SRC"
  cp -r "$PYDIR/Lib" "$STDLIB_SRC/Lib"
  local p
  for p in "$GUEST_DIR"/patches/*.patch; do
    [ -e "$p" ] || continue
    patch -s -p1 -d "$STDLIB_SRC" < "$p" || die "patch $(basename "$p") does not apply"
  done
}

# The IANA time-zone database as the `tzdata` package (what zoneinfo uses where the system has
# no database): compiled from Debian's tzdata source with zic (libc-bin), one module folder per
# zone folder so importlib.resources finds each file, and tzdata/zones listing every key.
TZ_PKG=$BUILD_DIR/tzdata-pkg
build_tzdata() {
  local d=$BUILD_DIR/deps/tzdata version
  unpack tzdata "$d"
  version=$(cat "$d/version")
  rm -rf "$TZ_PKG"
  mkdir -p "$TZ_PKG/tzdata/zoneinfo"
  # -b slim: the small TZif form (zoneinfo reads its footer for later years); the backward file
  # keeps the old names (US/Eastern, ...) as CPython's own tzdata package does.
  (cd "$d" && zic -b slim -d "$TZ_PKG/tzdata/zoneinfo" \
      africa antarctica asia australasia europe northamerica southamerica etcetera backward factory) \
    || die "zic failed"
  "$BUILD_PYTHON" -I -S "$GUEST_DIR/tools/make_tzdata_package.py" "$TZ_PKG/tzdata" "$version"
}
# --- end stdlib patches and extra packages ---

# ---- stdlib zips (make_stdlib_zip.py): the core and rest zips of .pyc, and the source zip that
# tracebacks read lines from (fetched by a host only when first read; not on sys.path) ----
STDLIB_ZIPS="python311-core.zip python311-rest.zip python311-source.zip"
build_stdlib_zip() {
  local sysconfigdata
  sysconfigdata=$(ls "$PYDIR"/build/lib.*/_sysconfigdata_*.py)
  mkdir -p "$BUILD_DIR/stdlib"
  rm -f "$BUILD_DIR/stdlib"/*.zip "$BUILD_DIR/python311.zip"
  # Extra package roots after the stdlib: our start-up helper (guest/python) and tzdata.
  SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH PYTHONHASHSEED=0 "$BUILD_PYTHON" -I -S \
    "$GUEST_DIR/tools/make_stdlib_zip.py" "$STDLIB_SRC/Lib" "$sysconfigdata" "$BUILD_DIR" \
    "$GUEST_DIR/core_modules.txt" "$BUILD_DIR/stdlib" "$GUEST_DIR/python" "$TZ_PKG"
}
# ---- end stdlib zips ----

# --- the snapshot (Wizer) ---------------------------------------------------------------------
# Runs wizer.initialize (C constructors, Python, warm imports; see guest/src/wasm_shim.c) and
# writes the memory into wrapper.wasm. /lib holds ONLY the core zip: a warm import that needs
# the rest zip fails the build (wizer.initialize traps), so start-up never touches it. The
# folders get a fixed mtime and stdio is redirected (no tty), so nothing of this machine or
# this moment reaches the snapshot. --mapdir order = preopen order (fd 3 = "/").
build_snapshot() {
  local s=$BUILD_DIR/snapshot w=$BUILD_DIR/wrapper
  rm -rf "$s"
  mkdir -p "$s/root/plugin" "$s/root/lib" "$s/root/tmp"
  cp "$BUILD_DIR/stdlib/python311-core.zip" "$s/root/lib/"
  touch -d "@$SOURCE_DATE_EPOCH" "$s/root/lib/python311-core.zip" "$s/root/plugin" \
    "$s/root/lib" "$s/root/tmp" "$s/root"
  local mapdirs=() d
  for d in $PREOPENS; do mapdirs+=(--mapdir "$d::$s/root${d}"); done
  (cd "$s" && "$WIZER" --allow-wasi --inherit-env false --inherit-stdio true \
      --wasm-bulk-memory true --init-func wizer.initialize "${mapdirs[@]}" \
      -o "$w/wrapper.wasm" "$w/wrapper-plain.wasm" </dev/null >"$s/wizer.log" 2>&1) \
    || { cat "$s/wizer.log"; die "wizer failed"; }
  grep -q 'Warm imports done' "$s/wizer.log" || { cat "$s/wizer.log"; die "wizer.initialize did not finish"; }
  if grep -q 'Traceback' "$s/wizer.log"; then cat "$s/wizer.log"; die "wizer.initialize raised"; fi
  local raw
  raw=$(wc -c < "$w/wrapper.wasm")
  [ "$raw" -le $((12 * 1024 * 1024)) ] || die "wrapper.wasm is $raw bytes, over the 12 MiB budget"
  check_wrapper_interface "$w/wrapper.wasm"
}

# --- manifest ------------------------------------------------------------------------------
write_manifest() {
  local clang_version
  clang_version=$($CC_BIN --version | head -1)
  "$BUILD_PYTHON" -I -S "$GUEST_DIR/tools/make_manifest.py" \
    --out "$OUT_DIR/manifest.json" --lock "$GUEST_DIR/sources.lock" \
    --python "$PY_VERSION" --compiler "$clang_version" \
    --link-flags "-nostartfiles -Wl,--no-entry $LINK_FLAGS $LINK_LIBS" \
    --wasm-opt "$WASM_OPT_USED" --source-date-epoch "$SOURCE_DATE_EPOCH" \
    --builtins "$BUILD_DIR/builtin_modules.txt" --core-modules "$GUEST_DIR/core_modules.txt" \
    --wizer-version "$WIZER_VERSION" --preopens "$PREOPENS" --max-memory "$MAX_MEMORY" \
    --zic "$(zic --version)" --patches "$(cd "$GUEST_DIR" && ls patches/*.patch 2>/dev/null | tr '\n' ' ')" \
    "$OUT_DIR/wrapper.wasm" $(for z in $STDLIB_ZIPS; do echo "$OUT_DIR/$z"; done)
}

# --- main ---------------------------------------------------------------------------------
# --fetch-only: what `npm run test:cpython` uses to get CPython's Lib/test by the same pins.
if [ "$FETCH_ONLY" = true ]; then
  command -v apt-get >/dev/null && command -v sha256sum >/dev/null || die "needs apt-get and sha256sum"
  fetch_sources
  say "sources in $SOURCE_CACHE"
  exit 0
fi
# cached STAMP FUNCTIONS...: run the functions unless a stamp says they already ran with the
# same definitions, sources and flags (so a rebuild of the wrapper alone takes seconds).
cached() {
  local stamp=$BUILD_DIR/.stamp-$1 key
  shift
  # (tzdata is compiled by its own step, which is not cached: its pin does not key the C builds)
  key=$( { grep -v '^tzdata ' "$GUEST_DIR/sources.lock"; cat "$GUEST_DIR"/deps/*; echo "$WASM_CC $WASM_CFLAGS";
          declare -f "$@"; } | sha256sum)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then say "  (up to date)"; return; fi
  rm -f "$stamp"
  local f
  for f in "$@"; do "$f"; done
  echo "$key" > "$stamp"
}
step_start "sources (cache: $SOURCE_CACHE)"; fetch_sources; step_done
step_start "sysroot + zlib, bzip2, xz, sqlite3 for $TARGET"
cached deps make_sysroot build_zlib build_bzip2 build_xz build_sqlite
step_done
step_start "CPython $PY_VERSION (configure + make)"; cached cpython build_cpython; step_done
step_start "libpython3.11.a (merged)"; merge_libpython; step_done
# ---- SE2 ABI (issue 12): the committed bindings must be what guest/abi/se2.wit gives ----
step_start "ABI bindings (guest/abi/se2.wit -> se2_env.h, sdk_functions.c, sdk.pyi, abi.generated.ts)"
"$BUILD_PYTHON" -I -S "$GUEST_DIR/tools/abigen.py" --check \
  || die "generated ABI files are stale: run $BUILD_PYTHON guest/tools/abigen.py and commit them"
step_done
# ---- end SE2 ABI ----
step_start "wrapper.wasm"; build_wrapper; step_done
step_start "stdlib patches + tzdata"; patch_stdlib; build_tzdata; step_done
step_start "stdlib zips ($STDLIB_ZIPS)"; build_stdlib_zip; step_done
step_start "wrapper.wasm (Wizer snapshot)"; build_snapshot; step_done
# The built-in module list comes from CPython's generated Modules/config.c (what the wrapper has).
sed -n 's/^ *{"\([A-Za-z0-9_.]*\)", PyInit_.*/\1/p' "$PYDIR/Modules/config.c" | sort > "$BUILD_DIR/builtin_modules.txt"
cp "$BUILD_DIR/wrapper/wrapper-plain.wasm" "$BUILD_DIR/"
rm -f "$OUT_DIR/python311.zip"
cp "$BUILD_DIR/wrapper/wrapper.wasm" $(for z in $STDLIB_ZIPS; do echo "$BUILD_DIR/stdlib/$z"; done) "$OUT_DIR/"
write_manifest
say "artifacts in $OUT_DIR:"
(cd "$OUT_DIR" && ls -l wrapper.wasm $STDLIB_ZIPS manifest.json \
  | awk '{print "  " $5 "  " $9}')
say "total build time $(( $(date +%s) - T_START )) s"
