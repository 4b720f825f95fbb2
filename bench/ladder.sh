#!/usr/bin/env bash
# ladder.sh [SIZES] — scale.sh on township-length synthetic corpora of each size (default
# "1000 5000 20000 100000"), the peer too where it can finish (sizes up to PEER_MAX, default
# 20000, stopped after LIMIT seconds, default 1800), then the README's charts: time and peak
# memory against the number of reports (docs/img/scale-time.png, scale-memory.png).
#
# The corpora are generated once into DIR/N (DIR default /tmp/tifa-ladder; 100,000 reports
# are about 2 GB) and reused; the rows go to RESULTS (default DIR/results.tsv), appended, so a
# size can be run again alone (the last row of a stage counts). The sizes run one after the
# other: never two big runs at once. Environment as scale.sh (TIFA, KB, EXACT_MAX …).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-1000 5000 20000 100000}
dir=${DIR:-/tmp/tifa-ladder}
results=${RESULTS:-$dir/results.tsv}
peerMax=${PEER_MAX:-20000}
mkdir -p "$dir"
tifa=${TIFA:-$dir/tifa}
if [ -z "${TIFA:-}" ]; then
	(cd "$root" && go build -o "$tifa" ./cmd/tifa)
fi
for n in $sizes; do
	peer=
	[ "$n" -le "$peerMax" ] && peer=1
	echo "=== $n reports"
	TIFA=$tifa KB=${KB:-20} PEER=$peer RESULTS=$results bash "$root/bench/scale.sh" "$n" "$dir/$n" || echo "ladder.sh: a stage failed at $n reports" >&2
done
(cd "$root" && go run ./bench/chart -in "$results" -out docs/img)
