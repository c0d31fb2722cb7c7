#!/usr/bin/env python3
"""Estimates the size of Fazhitong's posting lists if they listed blocks of records instead of
records (README, "Why the memory goal is not met").

For each block size B, counts the (character, block) and (bigram, block) entries of a bench corpus
(build/bench/corpus-100000.json, written by scripts/bench) and sizes each list as the index codes
it: Elias-Fano, 2 + log2(universe / entries) bits an entry, without the title bit. Whitespace is a
break, as in the index (no bigram spans it); text is not folded (the bench corpus is simplified
Chinese already).

usage: scripts/estimate-postings.py [CORPUS] [--blocks 1,2,4,8]
"""
import argparse
import collections
import json
import math


def list_bytes(entries: int, universe: int) -> float:
    if entries == 0:
        return 0.0
    return entries * (2 + max(0.0, math.log2(universe / entries))) / 8


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default="build/bench/corpus-100000.json")
    ap.add_argument("--blocks", default="1,2,4,8", help="block sizes, comma separated")
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
