#!/usr/bin/env python3
"""Packs PNG files into a Windows .ico or a macOS .icns, using only the Python standard library.

  pack_icons.py ico  OUT.ico  A.png B.png ...          one PNG-compressed entry per file (Windows Vista+)
  pack_icons.py icns OUT.icns TYPE=A.png TYPE=B.png     e.g. ic07=128px.png; PNG entries (macOS 10.7+)
"""
import struct
import sys


def png_size(data):
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def write_ico(out, paths):
    images = [open(path, "rb").read() for path in paths]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for data in images:
        width, height = png_size(data)
        if width > 256 or height > 256:
            raise ValueError(f"ICO entries are at most 256 px, got {width}x{height}")
        # 0 stands for 256 in the one-byte width and height fields.
        entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    with open(out, "wb") as f:
        f.write(header + entries + payload)


ICNS_SIZES = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024,
              "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512}


def write_icns(out, pairs):
    body = b""
    for pair in pairs:
        kind, path = pair.split("=", 1)
        data = open(path, "rb").read()
        width, height = png_size(data)
        if ICNS_SIZES.get(kind) != width or width != height:
            raise ValueError(f"{kind} needs a {ICNS_SIZES.get(kind)} px square PNG, got {width}x{height} ({path})")
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main(argv):
    if len(argv) < 4 or argv[1] not in ("ico", "icns"):
        sys.exit(__doc__)
    if argv[1] == "ico":
        write_ico(argv[2], argv[3:])
    else:
        write_icns(argv[2], argv[3:])


if __name__ == "__main__":
    main(sys.argv)
