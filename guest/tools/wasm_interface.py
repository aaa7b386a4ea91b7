"""Prints a wasm module's imports and exports, one per line: "import env.return_result func
i32,i32,i32->" (an imported function's core signature, as guest/tools/abigen.py --print-imports
writes it), "export run_e func". Enough of the binary format for a build-time check of the ABI."""
import sys

KINDS = {0: "func", 1: "table", 2: "memory", 3: "global", 4: "tag"}
VALTYPES = {0x7F: "i32", 0x7E: "i64", 0x7D: "f32", 0x7C: "f64", 0x7B: "v128", 0x70: "funcref",
            0x6F: "externref"}


def leb(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def name(data: bytes, pos: int) -> tuple[str, int]:
    size, pos = leb(data, pos)
    return data[pos:pos + size].decode(), pos + size


def skip_import_desc(data: bytes, pos: int, kind: int) -> int:
    if kind == 0:  # type index
        return leb(data, pos)[1]
    if kind == 1:  # table: reftype + limits
        pos += 1
    if kind in (1, 2):  # limits
        flags = data[pos]
        pos = leb(data, pos + 1)[1]
        return leb(data, pos)[1] if flags & 1 else pos
    if kind == 3:  # global: valtype + mutability
        return pos + 2
    return leb(data, pos + 1)[1]  # tag: attribute + type index


def func_types(data: bytes, pos: int) -> list[str]:
    """The type section's function types as "i32,i32->i32"."""
    count, pos = leb(data, pos)
    types = []
    for _ in range(count):
        assert data[pos] == 0x60, "not a function type"
        pos += 1
        sides = []
        for _side in range(2):
            n, pos = leb(data, pos)
            sides.append(",".join(VALTYPES.get(b, hex(b)) for b in data[pos:pos + n]))
            pos += n
        types.append("->".join(sides))
    return types


def main() -> None:
    data = open(sys.argv[1], "rb").read()
    assert data[:4] == b"\0asm", "not a wasm module"
    pos = 8
    lines = []
    types: list[str] = []
    while pos < len(data):
        section = data[pos]
        size, pos = leb(data, pos + 1)
        end = pos + size
        if section == 1:
            types = func_types(data, pos)
        if section in (2, 7):
            count, p = leb(data, pos)
            for _ in range(count):
                if section == 2:
                    module, p = name(data, p)
                    field, p = name(data, p)
                    kind = data[p]
                    signature = f" {types[leb(data, p + 1)[0]]}" if kind == 0 else ""
                    p = skip_import_desc(data, p + 1, kind)
                    lines.append(f"import {module}.{field} {KINDS[kind]}{signature}")
                else:
                    field, p = name(data, p)
                    kind = data[p]
                    p = leb(data, p + 1)[1]
                    lines.append(f"export {field} {KINDS[kind]}")
        pos = end
    print("\n".join(lines))


if __name__ == "__main__":
    main()
