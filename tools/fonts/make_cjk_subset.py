#!/usr/bin/env python3
"""Makes the CJK font the charts use when a report is in Chinese.

The reports module draws Chinese chart text with a font it carries in the jar, so that a machine
without CJK fonts still shows hanzi, not empty boxes. This script makes that font once, at
development time, from Debian's fonts-noto-cjk (Noto Sans CJK SC, SIL Open Font License 1.1):
a subset to the 6,763 hanzi of GB 2312, ASCII, Latin-1, general and CJK punctuation, full-width
forms, and every character of the Chinese labels (labels_zh.properties).

Needs: apt-get install fonts-noto-cjk python3-fonttools. Run from the repository root:
    /usr/bin/python3 tools/fonts/make_cjk_subset.py
It rewrites reports/src/main/resources/org/wattledger/reports/fonts/NotoSansSC-wattledger.otf
and copies the licence beside it.
"""
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_INDEX_NAME = "Noto Sans CJK SC"
OUT_DIR = pathlib.Path("reports/src/main/resources/org/wattledger/reports/fonts")
OUT = OUT_DIR / "NotoSansSC-wattledger.otf"
LABELS = pathlib.Path("reports/src/main/resources/org/wattledger/reports/labels_zh.properties")
DEBIAN_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
LICENCE = OUT_DIR / "OFL.txt"


def gb2312_hanzi():
    """The 6,763 hanzi of GB 2312: rows 16-87 of the EUC-CN table (0xB0A1..0xF7FE)."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the five unassigned cells at the end of row 55
    return chars


def ranges(*pairs):
    return [chr(c) for a, b in pairs for c in range(a, b + 1)]


def licence_text(font):
    """The font's own copyright line and the SIL Open Font License 1.1 as Debian ships it with the font."""
    lines = pathlib.Path(DEBIAN_COPYRIGHT).read_text(encoding="utf-8").splitlines()
    start = max(i for i, l in enumerate(lines) if l.strip() == "License: SIL-1.1") + 1
    body = []
    for line in lines[start:]:
        if line.startswith("License:"):
            break
        body.append("" if line.strip() == "." else line[1:])
    header = [
        "NotoSansSC-wattledger.otf is a subset of Noto Sans CJK SC Regular (fonts-noto-cjk),",
        "made by tools/fonts/make_cjk_subset.py. It is licensed under the SIL Open Font License 1.1.",
        "",
        font["name"].getDebugName(0),
        "",
    ]
    return "\n".join(header + body).rstrip() + "\n"


def main():
    hanzi = gb2312_hanzi()
    assert len(hanzi) == 6763, len(hanzi)
    text = set(hanzi)
    text.update(ranges((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF),
                       (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x27BF),
                       (0x3000, 0x303F), (0xFF00, 0xFFEF)))
    text.update(LABELS.read_text(encoding="utf-8"))
    text.discard("\n")
    collection = TTCollection(SOURCE)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SC_INDEX_NAME)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(text="".join(sorted(text)))
    sub.subset(font)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    LICENCE.write_text(licence_text(font), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(text)} characters asked for")


if __name__ == "__main__":
    main()
