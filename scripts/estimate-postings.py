#!/usr/bin/env python3
"""Estimates the size of Fazhitong's posting lists if they listed blocks of records instead of
records, or records in another order (README, "Why the memory goal is not met").

For each block size B, counts the (character, block) and (bigram, block) entries of a bench corpus
(build/bench/corpus-100000.json, written by scripts/bench) and sizes each list as the index codes
it: Elias-Fano, 2 + log2(universe / entries) bits an entry, without the title bit. Whitespace is a
break, as in the index (no bigram spans it); text is not folded (the bench corpus is simplified
Chinese already).

With --reorder, instead: the lists of records (one a block) as the corpus orders them and with
the records sorted by a min-hash of their bigrams (similar records side by side, as document
reordering does), each sized whole as above and partitioned (chunks of 128 entries, each Elias-Fano
over its own span or a bitmap, whichever is smaller, and a 32-bit header; the whole list if that is
smaller), which is what a coder gains from records that cluster.

usage: scripts/estimate-postings.py [CORPUS] [--blocks 1,2,4,8] [--reorder]
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
    ap.add_argument("--blocks", default="1,2,4,8", help="block sizes, comma separated")
    ap.add_argument("--reorder", action="store_true", help="records reordered instead of blocks")
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
    if args.reorder:
        reorder(chars, bigrams)
        return
    print("| records a block | character entries | bigram entries | character lists MB | bigram lists MB | both MB |")
    print("|---|---|---|---|---|---|")
    for size in (int(x) for x in args.blocks.split(",")):
        uni, bi = collections.Counter(), collections.Counter()
        for start in range(0, len(records), size):
            uni.update(set().union(*chars[start:start + size]))
            bi.update(set().union(*bigrams[start:start + size]))
        universe = (len(records) + size - 1) // size
        u = sum(list_bytes(n, universe) for n in uni.values()) / 1e6
        b = sum(list_bytes(n, universe) for n in bi.values()) / 1e6
        print(f"| {size} | {sum(uni.values()):,} | {sum(bi.values()):,} | {u:.2f} | {b:.2f} | {u + b:.2f} |")


if __name__ == "__main__":
    main()
