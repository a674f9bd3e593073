#!/usr/bin/env python3
"""Write the development data sets of ../shared/data as labelled Mention JSON lines, for
`firebreak evaluate` and `firebreak train`. The output goes to a folder outside the repository's
tracked files (default: target/devdata); the data is never committed (see ../shared/data/README.md).

    python3 tools/devdata.py [--data ../shared/data] [--out target/devdata]

Writes xlmt-<language>-{train,val}.jsonl, norec-{train,dev}.jsonl, chnsenticorp.jsonl (polarity) and
complaints-dev.jsonl (complaint).
"""
import argparse, csv, json, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
ap.add_argument("--out", default="target/devdata")
a = ap.parse_args()
if not os.path.isdir(a.data):
    sys.exit("no development data at " + a.data)
os.makedirs(a.out, exist_ok=True)
NAMES = ["negative", "neutral", "positive"]


def write(name, rows):
    with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
        for i, (text, label) in enumerate(rows):
            f.write(json.dumps({"id": "%s-%d" % (name.split(".")[0], i), "platform": "devdata",
                                "createdAt": "2024-01-01T00:00:00Z", "text": text, "label": label},
                               ensure_ascii=False) + "\n")
    print("wrote %s (%d lines)" % (os.path.join(a.out, name), len(rows)))


x = os.path.join(a.data, "sentiment", "xlmt")
for lang in sorted(os.listdir(x)):
    if not os.path.isdir(os.path.join(x, lang)):
        continue
    for split in ("train", "val"):
        texts = open(os.path.join(x, lang, split + "_text.txt"), encoding="utf-8").read().split("\n")
        labels = open(os.path.join(x, lang, split + "_labels.txt"), encoding="utf-8").read().split("\n")
        rows = [(t, NAMES[int(l)]) for t, l in zip(texts, labels) if l.strip()]
        write("xlmt-%s-%s.jsonl" % (lang, split), rows)
for split in ("train", "dev"):
    data = json.load(open(os.path.join(a.data, "sentiment", "norec", split + ".json"), encoding="utf-8"))
    write("norec-%s.jsonl" % split, [(d["text"], d["label"].lower()) for d in data])
with open(os.path.join(a.data, "sentiment", "chnsenticorp-hotel.csv"), encoding="utf-8-sig") as f:
    rows = [(r["review"], "positive" if r["label"].strip() == "1" else "negative")
            for r in csv.DictReader(f) if r.get("review")]
write("chnsenticorp.jsonl", rows)
with open(os.path.join(a.data, "complaints", "dev.csv"), encoding="utf-8") as f:
    rows = [(r["text"], r["complaint"].strip() == "1") for r in csv.DictReader(f)]
write("complaints-dev.jsonl", rows)
