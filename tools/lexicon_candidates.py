#!/usr/bin/env python3
"""Suggest lexicon words from a labelled training split (XLM-T train, NoReC train), for curating the
built-in lexicons. See docs/lexicon-format.md, "Provenance".

    python3 tools/lexicon_candidates.py --train target/devdata/xlmt-english-train.jsonl --lang en \
        [--min 4] [--threshold 0.45] [--scale 3.5] [--fold all|0|1] [--exclude LEXICON_FILE ...]

For each word it counts the labels of the training examples it occurs in, and scores
E = (positive - negative) / (count + 2): a word that occurs as often in neutral as in polar examples
scores near 0. Words with count >= --min and |E| >= --threshold are printed as lexicon lines
`word <scale * E> <word>`, strongest first. Words already in an --exclude lexicon are skipped, and so are
numbers, one-letter words, stop words of that lexicon and names (words capitalised in at least 70%
of their occurrences). --fold 0/1 uses every other example, to check
on the other half that the words generalise (never tune on the validation splits).
"""
import argparse, json, re, sys, unicodedata
from collections import Counter, defaultdict

KEEP = set("äöüßåæøñœëïÿ")
AR = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0649": "\u064a",
      "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a"}


def fold(ch):
    c = ch.lower()
    if c in KEEP:
        return c
    o = ord(c)
    if 0x300 <= o <= 0x36F or 0x64B <= o <= 0x65F or o in (0x670, 0x640):
        return ""
    if 0xC0 <= o < 0x250:
        d = unicodedata.normalize("NFD", c)
        if len(d) >= 2 and ord(d[0]) < 128 and all(0x300 <= ord(m) <= 0x36F for m in d[1:]):
            return d[0]
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        n = unicodedata.normalize("NFKC", c)
        if len(n) == 1:
            c = n
    return AR.get(c, c)


def is_word_char(ch):
    cat = unicodedata.category(ch)
    return cat[0] in "LNM"


def tokens(text, caps=None):
    out = []
    for chunk in text.split():
        if chunk.startswith("@") or chunk.lower().startswith(("http", "www.")):
            continue
        chunk = chunk.lstrip("#")
        word = []
        first = True
        for ch in chunk + " ":
            if is_word_char(ch):
                if not word:
                    first = ch.isupper()
                word.append(fold(ch))
            elif ch in "'’" and len(word) > 2:
                word.append("'")
            else:
                if word:
                    w = re.sub(r"(.)\1\1+", r"\1\1", "".join(word)).strip("'")
                    if w:
                        out.append(w)
                        if caps is not None:
                            caps[w][0] += 1 if first else 0
                            caps[w][1] += 1
                word = []
    return out


def known(files):
    terms, stops = set(), set()
    for f in files:
        for line in open(f, encoding="utf-8"):
            p = line.split()
            if not p or p[0].startswith(("#", "@")):
                continue
            t = None
            if p[0] in ("word", "boost", "situation", "sarcasm", "complaint") and len(p) >= 3:
                t = " ".join(p[2:])
            elif p[0] in ("negator", "contrast", "ignore") and len(p) >= 2:
                t = " ".join(p[1:])
            elif p[0] == "stop" and len(p) >= 2:
                stops.add("".join(fold(c) for c in p[1]))
            elif p[0] == "category" and len(p) >= 4:
                t = " ".join(p[3:])
            if t:
                terms.add("".join(fold(c) for c in t))
    return terms, stops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--min", type=int, default=4)
    ap.add_argument("--threshold", type=float, default=0.45)
    ap.add_argument("--scale", type=float, default=3.5)
    ap.add_argument("--fold", default="all")
    ap.add_argument("--exclude", nargs="*", default=[])
    a = ap.parse_args()
    terms, stops = known(a.exclude)
    counts = defaultdict(Counter)
    caps = defaultdict(lambda: [0, 0])
    for i, line in enumerate(open(a.train, encoding="utf-8")):
        if a.fold != "all" and i % 2 != int(a.fold):
            continue
        d = json.loads(line)
        for w in set(tokens(d["text"], caps)):
            counts[w][d["label"]] += 1
    rows = []
    for w, c in counts.items():
        n = sum(c.values())
        # names (capitalised in most of their occurrences) say what a tweet is about, not how it feels
        proper = caps[w][1] > 0 and caps[w][0] / caps[w][1] >= 0.7 and any(ch.isalpha() and ch.isascii() for ch in w)
        if proper or n < a.min or w.isdigit() or len(w) < 2 or (len(w) < 3 and w.isascii()) or w in terms or w in stops:
            continue
        e = (c["positive"] - c["negative"]) / (n + 2)
        if abs(e) >= a.threshold:
            rows.append((e, w, c, n))
    rows.sort(key=lambda r: -abs(r[0]))
    print("@lang " + a.lang)
    for e, w, c, n in rows:
        print("word %.1f %s" % (a.scale * e, w) + "    " * 0)
    print("# %d words from %s" % (len(rows), a.train), file=sys.stderr)


if __name__ == "__main__":
    main()
