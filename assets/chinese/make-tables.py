#!/usr/bin/env python3
"""Makes the Chinese tables under assets/chinese/ from Debian's packages (see the README's data tables):
libopencc-data's TSCharacters (Traditional -> Simplified, through `opencc_dict` from the opencc package), and
unicode-data's Unihan kCantonese (the first Jyutping reading of each character of the CJK Unified Ideographs
block)."""
import bz2, subprocess, tempfile, os

here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as tmp:
    text = os.path.join(tmp, "ts.txt")
    subprocess.run(["opencc_dict", "-i", "/usr/share/opencc/TSCharacters.ocd2", "-o", text,
                    "-f", "ocd2", "-t", "text"], check=True)
    pairs = set()
    for line in open(text, encoding="utf-8"):
        traditional, simplified = line.rstrip("\n").split("\t")
        first = simplified.split(" ")[0]
        # Characters only: the first (most common) Simplified form of each Traditional character.
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            pairs.add((traditional, first))
with open(os.path.join(here, "traditional-to-simplified.tsv"), "w", encoding="utf-8") as out:
    out.write("# OpenCC 1.1.6 TSCharacters (Apache-2.0), via Debian libopencc-data: Traditional<TAB>Simplified\n")
    for traditional, simplified in sorted(pairs):
        out.write(f"{traditional}\t{simplified}\n")

with open(os.path.join(here, "cantonese.tsv"), "w", encoding="utf-8") as out:
    out.write("# Unicode 15.0 Unihan kCantonese (Unicode License v3), via Debian unicode-data: character<TAB>Jyutping\n")
    for line in bz2.open("/usr/share/unicode/Unihan_Readings.txt.bz2", "rt", encoding="utf-8"):
        if "\tkCantonese\t" not in line:
            continue
        code, _, readings = line.rstrip("\n").split("\t")
        char = chr(int(code[2:], 16))
        if 0x4E00 <= ord(char) <= 0x9FFF:
            out.write(f"{char}\t{readings.split(' ')[0]}\n")
