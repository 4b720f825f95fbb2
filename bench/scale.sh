#!/usr/bin/env bash
# scale.sh [N] [DIR] — how tifa fares on N synthetic reports (default 20000).
#
# Generates the reports with bench/gen into DIR (kept), or into a temporary folder (removed at the
# end unless KEEP=1); a DIR already holding a manifest.csv is reused as it is. KB=20 makes
# township-length reports (about 20 KB; 100,000 of them about 2 GB); without it they have the
# real reports' sizes (about 48 KB; 20,000 about 1 GB). Then times, each from scratch (--no-cache)
# under /usr/bin/time -v (wall time, CPU time, peak RSS), with the load average before and after:
#   count, trend                                 issue 17: count + trend < 2 min, < 2 GB at 100,000
#   similar --space words --top 10 (exact)       with cluster: < 300 s together, < 4 GB at 20,000
#   cluster --space words --k 8 (k-means)        (both only up to EXACT_MAX reports, default 20000)
#   similar … --within county (blocking, exact)  < 10 min, < 4 GB at 100,000
#   similar … --approx (random projections)      < 10 min, < 4 GB at 100,000; with the exact run:
#                                                  recall@10 against it
#   cluster … --method minibatch                 < 5 min at 100,000
#   PEER=1: the peer pipeline (../shared/bench/peer_jieba_sklearn.py: read, count, TF-IDF,
#     neighbours, k-means in one process), stopped after LIMIT seconds
#   CACHE=1: count, similar and cluster on a cache, cold then warm
# and prints a table with the targets met or missed.
#
# Environment: CORPUS (the real corpus gen draws from, default ../shared/corpus), SEED (1), KB,
# LIMIT (seconds after which a stage is stopped, default 1800), EXACT_MAX, PEER, CACHE, KEEP=1,
# TIFA (a tifa binary to time instead of building one from this tree), RESULTS (a file to which
# the rows are appended as TSV: n, MB, stage, wall s, CPU s, RSS KB, status, load before, load
# after — bench/chart draws them). Needs Go and /usr/bin/time (apt-get install -y time); the
# peer needs Debian's python3-jieba and python3-sklearn. Exits 1 when a run failed (after
# timing the others); a missed target is printed, not fatal.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-20000}
dir=${2:-}
corpus=${CORPUS:-$root/../shared/corpus}
limit=${LIMIT:-1800}
exactMax=${EXACT_MAX:-20000}
peer=${PEER_SCRIPT:-$root/../shared/bench/peer_jieba_sklearn.py}
slogans=${SLOGANS:-$root/../shared/bench/slogans.txt}

die() { echo "scale.sh: $*" >&2; exit 2; }
[[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || die "N must be a positive number (got $n)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install -y time"

work=$(mktemp -d "${TMPDIR:-/tmp}/tifa-scale.XXXXXX")
cleanup() { rm -rf "$work"; }
if [ -z "$dir" ]; then
	dir=$work/synth
	[ "${KEEP:-}" = 1 ] && cleanup() { echo "kept $work"; }
fi
trap cleanup EXIT
mkdir -p "$work/out"
times=$work/times.tsv # name, wall s, RSS KB, status, CPU s, load before, load after

# timed NAME CMD...: runs CMD under /usr/bin/time -v (stopped after $limit s), its stderr to
# $work/NAME.err, and records wall time, CPU time, peak RSS, whether it finished and the load
# average around it. A CMD stopped by the limit is recorded; a failing one too (with its
# stderr), and the script exits 1 at the end.
failed=0
timed() {
	local name=$1 status=ok rc=0 before
	shift
	before=$(cut -d' ' -f1 /proc/loadavg)
	/usr/bin/time -v -o "$work/$name.time" timeout "$limit" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
	if [ $rc = 124 ]; then
		status="stopped after ${limit} s"
	elif [ $rc != 0 ]; then
		status="failed, exit $rc$([ $rc = 137 ] && echo ': killed, out of memory?')"
		failed=1
		echo "scale.sh: $name failed (exit $rc): $*" >&2
		grep -v '^\s*Command' "$work/$name.err" | tail -5 >&2 || true
	fi
	awk -v n="$name" -v st="$status" -v b="$before" -v a="$(cut -d' ' -f1 /proc/loadavg)" -F': ' '
		/Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i] }
		/(User|System) time \(seconds\)/ { cpu += $2 }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%s\t%.1f\t%d\t%s\t%.1f\t%s\t%s\n", n, s, rss, st, cpu, b, a }' "$work/$name.time" >>"$times"
	printf '  %-16s %s\n' "$name" "$(tail -1 "$times" | awk -F'\t' '{ printf "%.1f s (%.1f s CPU), %.0f MB, %s; load %s → %s", $2, $5, $3 / 1024, $4, $6, $7 }')"
}

echo "== building"
(cd "$root" && go build -o "$work/bin/gen" ./bench/gen)
tifa=${TIFA:-$work/bin/tifa}
[ -n "${TIFA:-}" ] || (cd "$root" && go build -o "$tifa" ./cmd/tifa)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)

if [ -f "$dir/manifest.csv" ]; then
	echo "== reusing $dir"
else
	echo "== generating $n reports into $dir"
	kb=()
	[ -n "${KB:-}" ] && kb=(-kb "$KB")
	"$work/bin/gen" -corpus "$corpus" -n "$n" -out "$dir" -seed "${SEED:-1}" "${kb[@]}"
fi
docs=$(($(wc -l <"$dir/manifest.csv") - 1))
mb=$(du -sm --apparent-size "$dir" | cut -f1)

when="$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== tifa $commit$dirty on $docs reports, $mb MB ($when)"
words=(--space words --no-cache -f csv -q)
timed count "$tifa" count "$dir" --no-cache -f csv -q -o "$work/out/count.csv"
timed trend "$tifa" trend "$dir" --no-cache -f csv -q -o "$work/out/trend.csv"
if [ "$docs" -le "$exactMax" ]; then
	timed similar "$tifa" similar "$dir" "${words[@]}" --top 10 -o "$work/out/similar.csv"
	timed cluster "$tifa" cluster "$dir" "${words[@]}" --k 8 -o "$work/out/cluster.csv"
fi
timed similar_within "$tifa" similar "$dir" "${words[@]}" --top 10 --within county -o "$work/out/similar_within.csv"
timed similar_approx "$tifa" similar "$dir" "${words[@]}" --top 10 --approx -o "$work/out/similar_approx.csv"
timed cluster_mini "$tifa" cluster "$dir" "${words[@]}" --k 8 --method minibatch -o "$work/out/cluster_mini.csv"
if [ "${CACHE:-}" = 1 ]; then
	for w in cold warm; do
		timed "count_$w" "$tifa" count "$dir" --cache "$work/cache" -f csv -q -o "$work/out/count_$w.csv"
		timed "similar_$w" "$tifa" similar "$dir" --space words --top 10 --cache "$work/cache" -f csv -q -o "$work/out/similar_$w.csv"
		timed "cluster_$w" "$tifa" cluster "$dir" --space words --k 8 --cache "$work/cache" -f csv -q -o "$work/out/cluster_$w.csv"
	done
fi
if [ "${PEER:-}" = 1 ]; then
	[ -f "$peer" ] || die "no peer script $peer (set PEER_SCRIPT)"
	mkdir -p "$work/peer"
	timed peer /usr/bin/python3 "$peer" "$dir" --slogans "$slogans" --k 8 --out "$work/peer"
fi

# recall@10 of the approximate search: the share of each report's 10 exact neighbours it finds
recall=""
if [ -s "$work/out/similar.csv" ] && [ -s "$work/out/similar_approx.csv" ]; then
	recall=$(awk -F, 'FNR == 1 { f++; next } f == 1 { exact[$1 SUBSEP $6] = 1; n++ } f == 2 && (($1 SUBSEP $6) in exact) { hit++ }
		END { if (n) printf "%.4f", hit / n }' "$work/out/similar.csv" "$work/out/similar_approx.csv")
	echo "  recall@10 of --approx against the exact search: $recall"
fi

if [ -n "${RESULTS:-}" ]; then
	awk -F'\t' -v n="$docs" -v mb="$mb" -v OFS='\t' '{ print n, mb, $1, $2, $5, $3, $4, $6, $7 }' "$times" >>"$RESULTS"
	[ -n "$recall" ] && printf '%s\t%s\trecall@10\t%s\t\t\tok\t\t\n' "$docs" "$mb" "$recall" >>"$RESULTS"
fi

awk -F'\t' -v docs="$docs" -v mb="$mb" -v commit="$commit$dirty" -v when="$when" '
	{ s[$1] = $2; rss[$1] = $3; st[$1] = $4; cpu[$1] = $5; load[$1] = $6 "→" $7 }
	function row(name, secs, c, mem, target, memcap, status, ld,   ok) {
		ok = (status == "ok" && (target == "" || secs < target) && (memcap == "" || mem < memcap * 1024)) ? "ok" : "MISSED"
		if (target == "" && memcap == "" && status == "ok") ok = ""
		if (status != "ok") ok = ok " (" status ")"
		printf "%-24s %9.1f %9.1f %9.0f %12s %10s  %s\n", name, secs, c, mem / 1024, (target == "" ? "–" : "< " target " s") (memcap == "" ? "" : ", " memcap " MB"), ld, ok
		if (ok ~ /MISSED/) missed++
	}
	function stage(name, target, memcap) { if (name in s) row(name, s[name], cpu[name], rss[name], target, memcap, st[name], load[name]) }
	function both(label, a, b, target, memcap) {
		if ((a in s) && (b in s))
			row(label, s[a] + s[b], cpu[a] + cpu[b], rss[a] > rss[b] ? rss[a] : rss[b], target, memcap, st[a] == "ok" ? st[b] : st[a], "")
	}
	END {
		big = docs >= 100000
		printf "\n== %d reports, %d MB, tifa %s (started %s)\n", docs, mb, commit, when
		printf "%-24s %9s %9s %9s %12s %10s\n", "stage", "wall s", "CPU s", "RSS MB", "target", "load"
		stage("count"); stage("trend")
		both("count + trend", "count", "trend", big ? 120 : "", big ? 2048 : "")
		stage("similar", "", 4096); stage("cluster", "", 4096)
		both("similar + cluster", "similar", "cluster", docs <= 20000 ? 300 : "", 4096)
		stage("similar_within", big ? 600 : "", 4096)
		stage("similar_approx", big ? 600 : "", 4096)
		stage("cluster_mini", big ? 300 : "", 4096)
		stage("count_cold"); stage("similar_cold"); stage("cluster_cold")
		stage("count_warm"); stage("similar_warm"); stage("cluster_warm")
		stage("peer")
		printf "(targets of issue 17 at 20,000 and 100,000 reports; throughput of count: %.0f MB/s)\n", mb / (s["count"] > 0 ? s["count"] : 1)
		if (missed) printf "%d target(s) missed\n", missed
	}' "$times"
exit $failed
