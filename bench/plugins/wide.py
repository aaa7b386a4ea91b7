# A plugin that pulls in a wide slice of the standard library: sqlite3, decimal,
# xml.etree.ElementTree, zlib and hashlib. Its result is the same on every CPython >= 3.11.
import decimal
import hashlib
import sqlite3
import xml.etree.ElementTree as ET
import zlib

import sdk


def run_e(payload, ident):
    words = payload.split()
    db = sqlite3.connect(":memory:")
    db.execute("create table w (word text)")
    db.executemany("insert into w values (?)", [(w,) for w in words])
    (count,) = db.execute("select count(*) from w").fetchone()
    db.close()
    total = decimal.Decimal("0.1") * count
    root = ET.Element("p")
    for w in words:
        ET.SubElement(root, "w").text = w
    xml_len = len(ET.tostring(root))
    crc = zlib.crc32(payload.encode())
    digest = hashlib.sha256(payload.encode()).hexdigest()[:16]
    sdk.return_result(f"words={count} total={total} xml={xml_len} crc={crc:08x} sha256={digest}", ident)
