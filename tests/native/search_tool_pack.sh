#!/bin/sh
# search_tool_pack.sh TOOL DATA_DIR PACK — fazhitong-search answers the same from a data folder
# (index built) and from its pack (index read from the pack): identical JSON lines for each query,
# and each query finds something; and what it says when a query matches nothing as typed.
set -eu
tool=$1 dir=$2 pack=$3
for q in 法援 flyz 12348 復議 "fa lv yuan zhu" 行政fy; do
  a=$("$tool" --data "$dir" --limit 5 "$q" 2>/dev/null) || { echo "no hits from $dir for $q"; exit 1; }
  b=$("$tool" --data "$pack" --limit 5 "$q" 2>/dev/null) || { echo "no hits from $pack for $q"; exit 1; }
  if [ "$a" != "$b" ]; then
    echo "different results for $q:"; echo "$a"; echo "--- from the pack:"; echo "$b"; exit 1
  fi
done
"$tool" --data "$pack" 法援 2>&1 >/dev/null | grep -q "read from the pack" || { echo "the pack's index was not used"; exit 1; }
# What it says when nothing matches: the query's punctuation as spaces, then each word alone.
"$tool" --data "$pack" "法律援助。" 2>&1 >/dev/null | grep -qF 'these are the matches of "法律援助"' ||
  { echo "no relaxed search for 法律援助。"; exit 1; }
if "$tool" --data "$pack" "调解 热线，复议" >/dev/null 2>&1; then echo "调解 热线 复议 found something"; exit 1; fi
"$tool" --data "$pack" "调解 热线，复议" 2>&1 >/dev/null | grep -qF "each word alone: 调解 15, 热线 8, 复议 18" ||
  { echo "no word counts for 调解 热线，复议"; exit 1; }
# A word no record holds, nor a part of it (航天), is left out and listed with none.
"$tool" --data "$pack" "航天 法律援助，复议" 2>&1 >/dev/null | grep -qF "each part alone: 法律援助 4, 复议 18, 航天 0" ||
  { echo "航天 not left out of 航天 法律援助，复议"; exit 1; }
# Pinyin typed as a sentence: its runs of syllables some record holds.
"$tool" --data "$pack" "falvyuanzhuzenmeban" 2>&1 >/dev/null | grep -qF 'these are the matches of "falvyuanzhu" (its parts)' ||
  { echo "no parts for falvyuanzhuzenmeban"; exit 1; }
# A word that matches nothing, split into its parts: nothing holds both, so the longer alone.
"$tool" --data "$pack" "怎么申请法律援助" 2>&1 >/dev/null | grep -qF 'these are the matches of "法律援助" (its parts)' ||
  { echo "no parts for 怎么申请法律援助"; exit 1; }
"$tool" --data "$pack" "怎么申请法律援助" 2>&1 >/dev/null | grep -qF "each part alone: 申请 7, 法律援助 4" ||
  { echo "no part counts for 怎么申请法律援助"; exit 1; }
echo "search tool: folder and pack agree"
