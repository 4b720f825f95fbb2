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
# restarts. The peer runs on one core; tifa segments on every core (-j). When tifa has a cache
# (--cache DIR), the stages above run with --no-cache and similar is timed again cold and warm.
#
# Needs: Go, /usr/bin/time (apt-get install -y time), Debian's python3-jieba and python3-sklearn
# (apt-get install -y python3-jieba python3-sklearn). Environment: PEER (the peer script),
# SLOGANS (the slogan list), KEEP=1 keeps the work folder, TIFA (a tifa binary to time instead of
# building one from this tree). Exits non-zero only when a run fails.
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

echo "== peer (jieba + scikit-learn) on $corpus"
timed peer $py "$peer" "$corpus" --slogans "$slogans" --k 8 --out "$work/peer"
cat "$work/peer.out"

lex=(--no-builtin --lexicon "$slogans")
vec=(--space words --sublinear --min-df 2 "${lex[@]}")
# With a cache (tifa --cache DIR, on by default where it exists), the timed stages run without it
# (--no-cache) so every one starts cold; then similar runs twice on a fresh cache: cold, warm.
help=$("$tifa" similar --help)
nocache=()
grep -q -- --no-cache <<<"$help" && nocache=(--no-cache)
echo "== tifa $commit$dirty"
timed count "$tifa" count "$corpus" "${lex[@]}" "${nocache[@]}" -f csv -q -o "$work/out/count.csv"
"$tifa" docs "$corpus" "${nocache[@]}" -f csv -q -o "$work/out/docs.csv" # untimed: which files hold their text twice
timed trend "$tifa" trend "$corpus" "${nocache[@]}" -f csv -q -o "$work/out/trend.csv"
timed similar "$tifa" similar "$corpus" "${vec[@]}" --k 5 "${nocache[@]}" -f csv -q -o "$work/out/similar.csv"
timed cluster "$tifa" cluster "$corpus" "${vec[@]}" --k 8 "${nocache[@]}" -f csv -q -o "$work/out/cluster.csv"
if grep -q -- '--cache ' <<<"$help"; then
	cache=(--cache)
	grep -qE -- '--cache (string|dir)' <<<"$help" && cache=(--cache "$work/cache")
	timed similar_cold "$tifa" similar "$corpus" "${vec[@]}" --k 5 "${cache[@]}" -f csv -q -o "$work/out/similar_cold.csv"
	timed similar_warm "$tifa" similar "$corpus" "${vec[@]}" --k 5 "${cache[@]}" -f csv -q -o "$work/out/similar_warm.csv"
	cmp -s "$work/out/similar.csv" "$work/out/similar_warm.csv" ||
		echo "compare.sh: warning: similar with ${cache[*]} (warm) differs from without" >&2
else
	echo "(tifa similar has no --cache flag: no warm re-run)"
fi

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
for name, note in (("similar_cold", "--cache, cold"), ("similar_warm", "--cache, warm")):
    if name in t:
        table.append((name, None, t[name][0], note))
tsum = t["count"][0] + t["similar"][0] + t["cluster"][0]
table.append(("whole run", t["peer"][0], tsum, "peer: one process; tifa: count + similar + cluster"))
print(f"\n== times on {ndocs} reports, {mb} MB (wall seconds, and tifa's CPU seconds; tifa {commit}; {os.cpu_count()} cores; peer CPU {t['peer'][2]:.2f} s)")
print(f"{'stage':<14}{'peer':>9}{'tifa':>9}{'peer/tifa':>11}{'tifa CPU':>10}  {'tifa RSS':>9}  note")
for name, p, s, note in table:
    _, rss, cpu = t.get(name, (0, 0, 0))
    ratio = f"{p / s:.1f}×" if p is not None and s > 0 else "–"
    pstr = f"{p:.2f}" if p is not None else "–"
    rstr = f"{rss / 1024:.0f} MB" if rss else ""
    cstr = f"{cpu:.2f}" if rss else ""
    print(f"{name:<14}{pstr:>9}{s:>9.2f}{ratio:>11}{cstr:>10}  {rstr:>9}  {note}")
tmax = max(v[1] for k, v in t.items() if k != "peer")
print(f"{'peak RSS':<14}{t['peer'][1] / 1024:>6.0f} MB{tmax / 1024:>6.0f} MB{t['peer'][1] / tmax:>10.1f}×")
PY
