#!/usr/bin/env bash
# Records what tshark decodes of the 92 NetFlow v5/v9/IPFIX datagrams of logstash-codec-netflow,
# as the expected values of NetflowTsharkConformanceTest (so CI needs no tshark).
#
#   collectors/conformance/netflow-tshark.sh
#
# The datagrams come in groups sharing a name prefix (an exporter's template datagrams and its
# data datagrams, e.g. netflow9_test_cisco_asa_1_tpl + netflow9_test_cisco_asa_1_data). Each group
# is merged into one capture, templates first (the order groups.txt gives), and decoded by tshark
# as a collector would (udp 2055 as cflow; 4739 is IPFIX by default). Writes
# collectors/src/test/resources/conformance/netflow/<group>.tsv: a header line, then one line per
# datagram: the file it came from, then every occurrence of each field joined by "|"; _ws.malformed is
# set where tshark gave up on the datagram (its values are then a prefix of the records).
# Rerun after upgrading tshark and review `git diff`; the version is written to TSHARK_VERSION.
set -euo pipefail
. "$(dirname "$0")/shared-data.sh"
pcaps=$shared/netflow/logstash-codec-netflow/dat_as_pcap
out=$repo/collectors/src/test/resources/conformance/netflow
command -v tshark >/dev/null || { echo "tshark is not installed (apt-get install tshark)" >&2; exit 3; }
[ -d "$pcaps" ] || { echo "no captures at $pcaps (set FENGHUO_SHARED_DATA)" >&2; exit 3; }
fields=(cflow.version cflow.sequence cflow.source_id cflow.od_id cflow.srcaddr cflow.dstaddr cflow.srcaddrv6
  cflow.dstaddrv6 cflow.srcport cflow.dstport cflow.protocol cflow.octets cflow.packets cflow.initiator_octets
  cflow.initiator_packets cflow.responder_octets cflow.responder_packets cflow.inputint cflow.outputint
  cflow.direction cflow.tcpflags cflow.tos cflow.srcas cflow.dstas cflow.srcmask cflow.dstmask cflow.nexthop
  cflow.abstimestart cflow.abstimeend cflow.sampling_interval _ws.malformed)
args=(); for f in "${fields[@]}"; do args+=(-e "$f"); done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
count=0
while read -r group files; do
  [ -n "$group" ] && [ "${group:0:1}" != "#" ] || continue
  list=(); for f in $files; do list+=("$pcaps/$f.pcap"); done
  mergecap -F pcap -a -w "$tmp/$group.pcap" "${list[@]}"
  {
    printf 'file'; for f in "${fields[@]}"; do printf '\t%s' "$f"; done; printf '\n'
    # -t ud: absolute UTC times; one line per frame, in the order of $files
    paste <(printf '%s\n' $files) <(TZ=UTC tshark -n -t ud -r "$tmp/$group.pcap" -d udp.port==2055,cflow -T fields \
      -E separator=/t -E occurrence=a -E "aggregator=|" "${args[@]}" 2>/dev/null)
  } > "$out/$group.tsv.new"
  mv "$out/$group.tsv.new" "$out/$group.tsv"
  count=$((count + 1))
done < "$out/groups.txt"
tshark --version | head -1 > "$out/TSHARK_VERSION"
echo "netflow: $count groups -> $out" >&2
