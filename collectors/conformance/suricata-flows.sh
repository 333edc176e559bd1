#!/usr/bin/env bash
# Records Suricata's flow records for the suricata-verify captures, as the expected values of
# SuricataFlowConformanceTest (collectors/src/test/java/org/fenghuo/collectors/pcap/flow/).
#
#   collectors/conformance/suricata-flows.sh
#
# For every directory $FENGHUO_SHARED_DATA/captures/suricata-verify/<case>/ (default: the nearest
# shared/data above the repository, as the tests look) holding a *.pcap (normally input.pcap),
# runs
#   suricata -r PCAP -c collectors/conformance/suricata-flows.yaml -S /dev/null -l TMP -k none --runmode single
# (eve-log with the "flow" type only, no rules, checksums ignored, flow timeouts equal to
# FlowTableConfig.defaults(), stream.midstream on: see the yaml) and writes
# collectors/src/test/resources/conformance/suricata/flows/<case>.jsonl: one compact JSON object
# per eve flow record, sorted, with src_ip, src_port, dest_ip, dest_port, proto, vlan (array,
# when tagged, outermost first), icmp_type/icmp_code/response_icmp_type (ICMP), spi (ESP),
# pkts/bytes toserver/toclient,
# start, state, reason, app_proto. Suricata's src is the client as Suricata judged it (toserver
# direction), not necessarily the first sender. The Suricata version goes to flows/VERSION.
# Rerun after upgrading Suricata and review `git diff`.
# Counters are reproducible; `reason` is not quite: whether Suricata's flow manager thread times
# out a finished flow before the end of the file ("timeout") or the shutdown flush reports it
# ("shutdown") varies between runs, so a rerun may change `reason` of a few flows. The test
# compares counters only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${FENGHUO_SHARED_DATA:-}
if [ -z "$shared" ]; then # the nearest ancestor holding shared/data, as the tests look
  d=$repo; while [ "$d" != / ] && [ ! -d "$d/shared/data" ]; do d=$(dirname "$d"); done; shared=$d/shared/data
fi
src=$shared/captures/suricata-verify
out=$repo/collectors/src/test/resources/conformance/suricata/flows
command -v suricata >/dev/null || { echo "suricata is not installed (apt-get install suricata)" >&2; exit 3; }
command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 3; }
[ -d "$src" ] || { echo "no captures at $src (set FENGHUO_SHARED_DATA)" >&2; exit 3; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"; mkdir -p "$out"
count=0
for dir in "$src"/*/; do
  case_name=$(basename "$dir")
  pcap=$dir/input.pcap
  if [ ! -f "$pcap" ]; then
    pcap=$(find "$dir" -maxdepth 1 -type f -name '*.pcap' | sort | head -1)
    [ -n "$pcap" ] || continue
  fi
  rm -rf "$tmp/log"; mkdir -p "$tmp/log"
  if ! suricata -r "$pcap" -c "$here/suricata-flows.yaml" -S /dev/null -l "$tmp/log" -k none --runmode single \
      >"$tmp/log/console.txt" 2>&1; then
    echo "$case_name: suricata failed:" >&2; tail -5 "$tmp/log/console.txt" >&2; continue
  fi
  [ -f "$tmp/log/eve.json" ] || touch "$tmp/log/eve.json"
  jq -c 'select(.event_type == "flow") | {src_ip, src_port, dest_ip, dest_port, proto, vlan,
          icmp_type, icmp_code, response_icmp_type, spi,
          pkts_toserver: .flow.pkts_toserver, pkts_toclient: .flow.pkts_toclient,
          bytes_toserver: .flow.bytes_toserver, bytes_toclient: .flow.bytes_toclient,
          start: .flow.start, state: .flow.state, reason: .flow.reason, app_proto}
        | with_entries(select(.value != null))' "$tmp/log/eve.json" | LC_ALL=C sort > "$out/$case_name.jsonl"
  count=$((count + 1))
done
suricata -V | head -1 > "$out/VERSION"
echo "$count captures -> $out" >&2
