#!/usr/bin/env bash
# Records Suricata's TLS handshake fingerprints as expected values for TlsSuricataConformanceTest.
#
#   collectors/src/test/resources/conformance/suricata/tls/record.sh
#
# Runs Suricata (7.x, built with JA3 and JA4) with suricata-tls.yaml on every capture under
# $FENGHUO_SHARED_DATA/captures/suricata-verify (default: the nearest shared/data above the
# repository) and writes expected.tsv: one line per eve "tls" event over TCP with
# capture (relative path), sni, version, ja3, ja3s, ja4 ("-" when absent). Rerun after upgrading
# Suricata and review `git diff`; the version used is written to SURICATA_VERSION.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../../../.." && pwd)
shared=${FENGHUO_SHARED_DATA:-}
if [ -z "$shared" ]; then
  d=$repo; while [ "$d" != / ] && [ ! -d "$d/shared/data" ]; do d=$(dirname "$d"); done; shared=$d/shared/data
fi
command -v suricata >/dev/null || { echo "suricata is not installed" >&2; exit 3; }
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 3; }
[ -d "$shared/captures/suricata-verify" ] || { echo "no captures at $shared/captures" >&2; exit 3; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
out=$here/expected.tsv
printf 'capture\tsni\tversion\tja3\tja3s\tja4\n' > "$out"
while IFS= read -r -d '' cap; do
  rel=${cap#"$shared/captures/"}
  rm -rf "$tmp/log"; mkdir -p "$tmp/log"
  suricata -c "$here/suricata-tls.yaml" -k none --runmode single -S /dev/null -r "$cap" -l "$tmp/log" >/dev/null 2>&1 || continue
  [ -f "$tmp/log/eve.json" ] || continue
  jq -r --arg cap "$rel" 'select(.event_type=="tls" and .proto=="TCP") | .tls
      | [$cap, (.sni // "-"), (.version // "-"), (.ja3.hash // "-"), (.ja3s.hash // "-"), (.ja4 // "-")] | @tsv' \
      "$tmp/log/eve.json" >> "$out"
done < <(find "$shared/captures/suricata-verify" -type f \( -name '*.pcap' -o -name '*.pcapng' \) -print0 | sort -z)
suricata -V 2>/dev/null | head -1 > "$here/SURICATA_VERSION"
echo "$(($(wc -l < "$out") - 1)) tls events -> $out" >&2
