#!/usr/bin/env bash
# compare.sh [CORPUS] — tifa against the peer pipeline (jieba + scikit-learn) on one corpus.
#
# Runs ../shared/bench/peer_jieba_sklearn.py and tifa on the same folder of reports (default
# ../shared/corpus), then prints
#   - the slogan counts that differ (tifa count --no-builtin --lexicon slogans.txt vs the peer's
#     slogan_counts.csv; a few differences come from web junk tifa's cleaner drops),
#   - how far the nearest neighbours agree (same first neighbour, overlap of the top 5) and the
#     clusters (adjusted Rand index),
#   - each stage's wall time for both, the ratio, and the peak RSS of both (/usr/bin/time -v).
# tifa runs the peer's settings: words space with the slogans as the only lexicon (the peer adds
# them to jieba as user words), --sublinear --min-df 2, 5 neighbours, k-means with k 8 and 10
# restarts. The peer runs on one core; tifa segments on every core (-j). Those stages run with
# --no-cache, each from scratch.
#
# With a cache (tifa --cache DIR), count, similar and cluster then run from an empty cache (cold)
# and again on it (warm), and their total is set against the peer's whole run of the same
# round: the targets of issue 17 are ≥ 10× cold and ≥ 30× warm. RUNS=N repeats the rounds (peer
# and tifa) N times and gives the median ratio, with the load average around each round: on a
# shared machine compare the ratios, not the seconds.
#
# Needs: Go, /usr/bin/time (apt-get install -y time), Debian's python3-jieba and python3-sklearn
# (apt-get install -y python3-jieba python3-sklearn). Environment: PEER (the peer script),
# SLOGANS (the slogan list), KEEP=1 keeps the work folder, TIFA (a tifa binary to time instead of
# building one from this tree), RUNS (rounds, default 1). Exits non-zero only when a run fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus}
peer=${PEER:-$root/../shared/bench/peer_jieba_sklearn.py}
slogans=${SLOGANS:-$root/../shared/bench/slogans.txt}
py=/usr/bin/python3

die() { echo "compare.sh: $*" >&2; exit 2; }
[ -d "$corpus" ] || die "no corpus folder $corpus"
[ -f "$peer" ] || die "no peer script $peer (set PEER)"
[ -f "$slogans" ] || die "no slogan list $slogans (set SLOGANS)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install -y time"
[ -x $py ] || die "$py is missing"
$py -c 'import jieba, sklearn' 2>/dev/null ||
	die "the peer needs Debian's jieba and scikit-learn: apt-get install -y python3-jieba python3-sklearn"

work=$(mktemp -d "${TMPDIR:-/tmp}/tifa-compare.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/peer" "$work/out"
times=$work/times.tsv # name, wall seconds, peak RSS in KB, CPU seconds (user + system)

# timed NAME CMD...: runs CMD under /usr/bin/time -v, its stdout to $work/NAME.out, and records
# its wall time and peak RSS; a failing CMD stops the script with its stderr.
timed() {
	local name=$1
	shift
	if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
		cat "$work/$name.err" >&2
		die "$name failed: $*"
	fi
	awk -v n="$name" -F': ' '
		/Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i] }
		/(User|System) time \(seconds\)/ { cpu += $2 }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%s\t%.2f\t%d\t%.2f\n", n, s, rss, cpu }' "$work/$name.time" >>"$times"
}

tifa=${TIFA:-$work/bin/tifa}
if [ -z "${TIFA:-}" ]; then
	echo "== building tifa"
	(cd "$root" && go build -o "$tifa" ./cmd/tifa)
fi
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)

lex=(--no-builtin --lexicon "$slogans")
vec=(--space words --sublinear --min-df 2 "${lex[@]}")
help=$("$tifa" similar --help)
nocache=()
grep -q -- --no-cache <<<"$help" && nocache=(--no-cache)
hascache=0
grep -qE -- '--cache (string|dir)' <<<"$help" && hascache=1
runs=${RUNS:-1}
loads=$work/loads.tsv # run, load average before, after

# three NAME CACHEFLAGS...: count, similar and cluster as the peer runs them, each timed as NAME_count …
three() {
	local name=$1
	shift
	timed "${name}_count" "$tifa" count "$corpus" "${lex[@]}" "$@" -f csv -q -o "$work/out/${name}_count.csv"
	timed "${name}_similar" "$tifa" similar "$corpus" "${vec[@]}" --top 5 "$@" -f csv -q -o "$work/out/${name}_similar.csv"
	timed "${name}_cluster" "$tifa" cluster "$corpus" "${vec[@]}" --k 8 "$@" -f csv -q -o "$work/out/${name}_cluster.csv"
}

for r in $(seq 1 "$runs"); do
	before=$(cut -d' ' -f1-3 /proc/loadavg)
	echo "== run $r of $runs: peer (jieba + scikit-learn) on $corpus (load average $before)"
	timed "peer_$r" $py "$peer" "$corpus" --slogans "$slogans" --k 8 --out "$work/peer"
	cp "$work/peer_$r.out" "$work/peer.out"
	[ "$r" = 1 ] && cat "$work/peer.out"
	echo "== run $r: tifa $commit$dirty"
	if [ "$r" = 1 ]; then
		# each command alone, without a cache; their outputs are compared with the peer's below
		timed count "$tifa" count "$corpus" "${lex[@]}" "${nocache[@]}" -f csv -q -o "$work/out/count.csv"
		"$tifa" docs "$corpus" "${nocache[@]}" -f csv -q -o "$work/out/docs.csv" # untimed: which files hold their text twice
		timed trend "$tifa" trend "$corpus" "${nocache[@]}" -f csv -q -o "$work/out/trend.csv"
		timed similar "$tifa" similar "$corpus" "${vec[@]}" --top 5 "${nocache[@]}" -f csv -q -o "$work/out/similar.csv"
		timed cluster "$tifa" cluster "$corpus" "${vec[@]}" --k 8 "${nocache[@]}" -f csv -q -o "$work/out/cluster.csv"
	fi
	if [ $hascache = 1 ]; then
		# the three from an empty cache (cold), then again on it (warm)
		rm -rf "$work/cache"
		three "cold_$r" --cache "$work/cache"
		three "warm_$r" --cache "$work/cache"
		for c in count similar cluster; do
			for w in cold warm; do
				cmp -s "$work/out/$c.csv" "$work/out/${w}_${r}_$c.csv" ||
					echo "compare.sh: warning: $c with a cache ($w, run $r) differs from without" >&2
			done
		done
	fi
	printf '%s\t%s\t%s\n' "$r" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$loads"
done
[ $hascache = 1 ] || echo "(tifa has no --cache DIR flag: no cold and warm sequences)"

$py - "$work" "$commit$dirty" <<'PY'
import csv, os, re, sys
from collections import Counter, defaultdict
from math import comb

work, commit = sys.argv[1], sys.argv[2]

def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

def base(doc):  # FILE#2 → FILE: the peer reads a bundle as one document
    return doc.split("#")[0]

# --- slogan counts
tifa, peer = Counter(), Counter()
for r in rows(f"{work}/out/count.csv"):
    tifa[base(r["doc"]), r["slogan"]] += int(r["count"])
for r in rows(f"{work}/peer/slogan_counts.csv"):
    peer[r["doc"], r["slogan"]] += int(r["count"])
cells = sorted(set(tifa) | set(peer))
diff = [c for c in cells if tifa[c] != peer[c]]
print(f"\n== slogan counts: {len(cells)} non-zero cells (report × slogan), {len(cells) - len(diff)} agree, {len(diff)} differ")
print(f"   total mentions: tifa {sum(tifa.values())}, peer {sum(peer.values())}")
# Files holding their text twice (a page and its print view): tifa reads one copy, the peer both.
twice = {base(r["id"]) for r in rows(f"{work}/out/docs.csv") if "appears twice" in r.get("warnings", "")}
doubled = [c for c in diff if c[0] in twice and peer[c] == 2 * tifa[c]]
if doubled:
    print(f"   {len(doubled)} of them in the {len(twice)} files whose text appears twice, where the peer counts both copies (exactly 2×)")
    diff = [c for c in diff if c not in set(doubled)]
    print(f"   the other {len(diff)}:")
for d, s in diff[:40]:
    print(f"   {d}  {s}: tifa {tifa[d, s]}, peer {peer[d, s]}")
if len(diff) > 40:
    print(f"   … and {len(diff) - 40} more")

# --- neighbours
def neigh(path, doc="doc"):
    out = defaultdict(list)
    for r in rows(path):
        out[base(r[doc])].append((int(r["rank"]), base(r["neighbour"])))
    return {d: [n for _, n in sorted(v)] for d, v in out.items()}
tn, pn = neigh(f"{work}/out/similar.csv"), neigh(f"{work}/peer/neighbours.csv")
both = sorted(set(tn) & set(pn))
if both:
    first = sum(tn[d][0] == pn[d][0] for d in both) / len(both)
    top5 = sum(len(set(tn[d][:5]) & set(pn[d][:5])) / 5 for d in both) / len(both)
    print(f"\n== nearest neighbours ({len(both)} reports in both): same first neighbour {first:.1%}, top-5 overlap {top5:.1%}")

# --- clusters: adjusted Rand index (Hubert & Arabie)
tc = {base(r["doc"]): r["cluster"] for r in rows(f"{work}/out/cluster.csv")}
pc = {r["doc"]: r["cluster"] for r in rows(f"{work}/peer/clusters.csv")}
docs = sorted(set(tc) & set(pc))
if len(docs) > 1:
    n = len(docs)
    pairs = sum(comb(v, 2) for v in Counter((tc[d], pc[d]) for d in docs).values())
    a = sum(comb(v, 2) for v in Counter(tc[d] for d in docs).values())
    b = sum(comb(v, 2) for v in Counter(pc[d] for d in docs).values())
    exp = a * b / comb(n, 2)
    ari = (pairs - exp) / ((a + b) / 2 - exp) if (a + b) / 2 != exp else 1.0
    print(f"== clusters: adjusted Rand index {ari:.3f} between tifa's and the peer's k-means (k 8)")

# --- times
t = {}
for line in open(f"{work}/times.tsv"):
    name, s, rss, cpu = line.split("\t")
    t[name] = (float(s), int(rss), float(cpu))
ps = {}
for line in open(f"{work}/peer.out"):
    m = re.match(r"\s*(\w+):\s+([\d.]+) s", line)
    if m:
        ps[m[1]] = float(m[2])
m = re.search(r"docs=(\d+) MB=([\d.]+)", open(f"{work}/peer.out").read())
ndocs, mb = (m[1], m[2]) if m else ("?", "?")
front = ps.get("load", 0) + ps.get("read", 0) + ps.get("segment", 0) + ps.get("tfidf", 0)
table = [  # stage, peer seconds (or None), tifa seconds, what the peer figure holds
    ("count", ps.get("read", 0) + ps.get("count", 0), t["count"][0], "peer: read + count"),
    ("trend", None, t["trend"][0], "tifa only (built-in lexicon)"),
    ("similar", front + ps.get("similarity", 0), t["similar"][0], "peer: load + read + segment + tfidf + neighbours"),
    ("cluster", front + ps.get("cluster", 0), t["cluster"][0], "peer: load + read + segment + tfidf + k-means"),
]
tsum = t["count"][0] + t["similar"][0] + t["cluster"][0]
table.append(("whole run", t["peer_1"][0], tsum, "peer: one process; tifa: count + similar + cluster, no cache"))
print(f"\n== times on {ndocs} reports, {mb} MB (wall seconds, and tifa's CPU seconds; tifa {commit}; {os.cpu_count()} cores; peer CPU {t['peer_1'][2]:.2f} s)")
print(f"{'stage':<14}{'peer':>9}{'tifa':>9}{'peer/tifa':>11}{'tifa CPU':>10}  {'tifa RSS':>9}  note")
for name, p, s, note in table:
    _, rss, cpu = t.get(name, (0, 0, 0))
    if name == "whole run":
        cpu = sum(t[k][2] for k in ("count", "similar", "cluster"))
    ratio = f"{p / s:.1f}×" if p is not None and s > 0 else "–"
    pstr = f"{p:.2f}" if p is not None else "–"
    rstr = f"{rss / 1024:.0f} MB" if rss else ""
    print(f"{name:<14}{pstr:>9}{s:>9.2f}{ratio:>11}{cpu:>10.2f}  {rstr:>9}  {note}")
tmax = max(v[1] for k, v in t.items() if not k.startswith("peer"))
print(f"{'peak RSS':<14}{t['peer_1'][1] / 1024:>6.0f} MB{tmax / 1024:>6.0f} MB{t['peer_1'][1] / tmax:>10.1f}×")

# --- cold and warm sequences, each against the peer of the same run
loads = {}
if os.path.exists(f"{work}/loads.tsv"):
    for line in open(f"{work}/loads.tsv"):
        r, before, after = line.rstrip("\n").split("\t")
        loads[r] = (before, after)
if loads and "cold_1_count" in t:
    targets = {"cold": 10, "warm": 30}
    print("\n== count + similar + cluster against the peer's whole run, run by run (wall seconds; CPU seconds)")
    print(f"{'run':<5}{'load before':>18}{'load after':>18}{'peer':>8}{'cold':>8}{'ratio':>8}{'warm':>8}{'ratio':>8}   tifa CPU cold / warm; peer CPU")
    ratios = {"cold": [], "warm": []}
    for r in sorted(loads, key=int):
        peer = t[f"peer_{r}"][0]
        row = f"{r:<5}{loads[r][0]:>18}{loads[r][1]:>18}{peer:>8.2f}"
        cpus = []
        for w in ("cold", "warm"):
            secs = sum(t[f"{w}_{r}_{c}"][0] for c in ("count", "similar", "cluster"))
            cpus.append(sum(t[f"{w}_{r}_{c}"][2] for c in ("count", "similar", "cluster")))
            ratios[w].append(peer / secs)
            row += f"{secs:>8.2f}{peer / secs:>7.1f}×"
        print(row + f"   {cpus[0]:.2f} / {cpus[1]:.2f}; {t[f'peer_{r}'][2]:.2f}")
    r1 = "1"
    print("   run 1 by command (wall s): " + "; ".join(
        f"{w} " + ", ".join(f"{c} {t[f'{w}_{r1}_{c}'][0]:.2f}" for c in ("count", "similar", "cluster")) for w in ("cold", "warm")))
    for w in ("cold", "warm"):
        rs = sorted(ratios[w])
        med = rs[len(rs) // 2] if len(rs) % 2 else (rs[len(rs) // 2 - 1] + rs[len(rs) // 2]) / 2
        verdict = "ok" if med >= targets[w] else "MISSED"
        print(f"{w}: median ratio {med:.1f}× over {len(rs)} run(s) (target ≥ {targets[w]}×): {verdict}")
PY
