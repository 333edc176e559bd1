#!/usr/bin/env bash
# Records what tshark decodes of one protocol, as the expected values of a conformance test.
#
#   collectors/conformance/tshark-fields.sh NAME 'DISPLAY FILTER' FIELD... 
#
# For every capture under $FENGHUO_SHARED_DATA/captures/{suricata-verify,ics} (default
# the nearest shared/data above the repository) with at least one packet matching the filter, writes
# collectors/src/test/resources/conformance/tshark/NAME/<path of the capture>.tsv: a header line
# (frame.number then the fields) and one line per matching packet, every occurrence of a field
# joined by "," (-E occurrence=a). Tests compare the project's decoding with these files and are
# skipped when the captures are absent. Rerun after upgrading tshark and review `git diff`;
# the tshark version used is written to NAME/TSHARK_VERSION.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,12p "$0"; exit 2; }
name=$1; filter=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${FENGHUO_SHARED_DATA:-}
if [ -z "$shared" ]; then # the nearest ancestor holding shared/data, as the tests look
  d=$repo; while [ "$d" != / ] && [ ! -d "$d/shared/data" ]; do d=$(dirname "$d"); done; shared=$d/shared/data
fi
out=$repo/collectors/src/test/resources/conformance/tshark/$name
command -v tshark >/dev/null || { echo "tshark is not installed (apt-get install tshark)" >&2; exit 3; }
[ -d "$shared/captures" ] || { echo "no captures at $shared/captures (set FENGHUO_SHARED_DATA)" >&2; exit 3; }
rm -rf "$out"; mkdir -p "$out"
args=(); for f in "$@"; do args+=(-e "$f"); done
count=0
while IFS= read -r -d '' cap; do
  rel=${cap#"$shared/captures/"}
  tsv=$(tshark -n -r "$cap" -Y "$filter" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
        -e frame.number "${args[@]}" 2>/dev/null || true)
  [ "$(printf '%s\n' "$tsv" | wc -l)" -gt 1 ] || continue
  mkdir -p "$out/$(dirname "$rel")"
  printf '%s\n' "$tsv" > "$out/$rel.tsv"
  count=$((count + 1))
done < <(find "$shared/captures/suricata-verify" "$shared/captures/ics" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) -print0 | sort -z)
tshark --version | head -1 > "$out/TSHARK_VERSION"
echo "$name: $count captures with '$filter' -> $out" >&2
