#!/bin/sh
# search_tool_pack.sh TOOL DATA_DIR PACK — fazhitong-search answers the same from a data folder
# (index built) and from its pack (index read from the pack): identical JSON lines for each query,
# and each query finds something.
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
echo "search tool: folder and pack agree"
