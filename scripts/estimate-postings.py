#!/usr/bin/env python3
"""Estimates the size of Fazhitong's posting lists with the records in another order (README, "Why
the memory goal is not met"). Lists of blocks of records, and lists coded against other lists, are
sized and timed by `fazhitong-bench --flat N --designs` (src/tools/IndexDesigns.cpp).

Reads a bench corpus (build/bench/corpus-100000.json, written by scripts/bench) and sizes the
lists of records (a list a character and a bigram; whitespace is a break, as in the index, and
text is not folded: the bench corpus is simplified Chinese already) as the index codes them:
Elias-Fano, 2 + log2(universe / entries) bits an entry, without the title bit. Once as the corpus
orders the records and once with them sorted by a min-hash of their bigrams (similar records side
by side, as document reordering does), each sized whole and partitioned (chunks of 128 entries,
each Elias-Fano over its own span or a bitmap, whichever is smaller, and a 32-bit header; the whole
list if that is smaller), which is what a coder gains from records that cluster.

usage: scripts/estimate-postings.py [CORPUS]
"""
import argparse
import collections
import json
import math
import zlib


def list_bytes(entries: int, universe: int) -> float:
    if entries == 0:
        return 0.0
    return entries * (2 + max(0.0, math.log2(universe / entries))) / 8


def partitioned_bytes(ids: list, universe: int, chunk: int = 128) -> float:
    bits = 0.0
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        span = part[-1] - part[0] + 1
        bits += 32 + min(list_bytes(len(part), span) * 8, span)
    return min(bits / 8, list_bytes(len(ids), universe))


def reorder(chars: list, bigrams: list) -> None:
    n = len(chars)

    def min_hash(keys: set, seed: int) -> int:
        return min((zlib.crc32(f"{seed}{k}".encode()) for k in keys), default=0)

    order = sorted(range(n), key=lambda r: tuple(min_hash(bigrams[r], s) for s in range(3)))
    print("| order | character lists MB | partitioned | bigram lists MB | partitioned |")
    print("|---|---|---|---|---|")
    for name, ids in (("as generated", list(range(n))), ("min-hash of bigrams", order)):
        row = [name]
        for sets in (chars, bigrams):
            lists = collections.defaultdict(list)
            for position, r in enumerate(ids):
                for key in sets[r]:
                    lists[key].append(position)
            row.append(f"{sum(list_bytes(len(v), n) for v in lists.values()) / 1e6:.2f}")
            row.append(f"{sum(partitioned_bytes(v, n) for v in lists.values()) / 1e6:.2f}")
        print("| " + " | ".join(row) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default="build/bench/corpus-100000.json")
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        records = json.load(f)["records"]
    # Each record's characters and bigrams, once.
    chars, bigrams = [], []
    for fields in records:
        c, b = set(), set()
        for field in fields:
            for run in field.split():
                c.update(run)
                b.update(run[i:i + 2] for i in range(len(run) - 1))
        chars.append(c)
        bigrams.append(b)
    print(f"{len(records)} records ({args.corpus})")
    reorder(chars, bigrams)

if __name__ == "__main__":
    main()
