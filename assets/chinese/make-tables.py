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

# The common readings of characters read more than one way (heteronyms), from Unihan's kHanyuPinlu: the readings
# with their counts in the Xiandai Hanyu Pinlu Cidian. Tones and umlauts dropped, as spellings have them; a reading
# kept if it is a syllable (it has a vowel) and at least one use in fifty; only characters left with two or more.
import re, unicodedata
def plain(reading):
    letters = unicodedata.normalize("NFD", reading)
    return "".join(c for c in letters if not unicodedata.combining(c)).replace("ü", "u")
with open(os.path.join(here, "readings.tsv"), "w", encoding="utf-8") as out:
    out.write("# Unicode 15.0 Unihan kHanyuPinlu (Unicode License v3), via Debian unicode-data: character<TAB>"
              "its common readings, most used first\n")
    for line in bz2.open("/usr/share/unicode/Unihan_Readings.txt.bz2", "rt", encoding="utf-8"):
        if "\tkHanyuPinlu\t" not in line:
            continue
        code, _, readings = line.rstrip("\n").split("\t")
        counts = {}
        for found in re.finditer(r"([^\s(]+)\((\d+)\)", readings):
            syllable = plain(found.group(1))
            counts[syllable] = counts.get(syllable, 0) + int(found.group(2))
        total = sum(counts.values())
        common = [s for s, n in sorted(counts.items(), key=lambda item: -item[1])
                  if n * 50 >= total and re.search("[aeiou]", s)]
        if len(common) > 1:
            out.write(f"{chr(int(code[2:], 16))}\t{' '.join(common)}\n")
