package audit

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// z95 is the 0.975 quantile of the standard normal distribution: the z of
// a two-sided 95 % interval.
const z95 = 1.959963984540054

// Wilson returns the Wilson score interval (see the package documentation)
// for a proportion p observed on n trials, n > 0 (a fractional n is an
// effective sample size), at the given z. It returns NaN, NaN when n ≤ 0.
func Wilson(p, n, z float64) (low, high float64) {
	if !(n > 0) {
		return math.NaN(), math.NaN()
	}
	z2 := z * z
	d := 1 + z2/n
	centre := (p + z2/(2*n)) / d
	half := z / d * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return max(0, centre-half), min(1, centre+half)
}

// Precision is the score of one entry, one category or the whole lexicon.
type Precision struct {
	Name     string // the entry, the category, or "all"
	Category string // an entry's category; "" for groups
	Entries  int    // entries with judged lines (1 for an entry that has some)
	Mentions int    // mentions in the documents sampled, of the entries with judged lines
	Judged   int    // lines judged yes or no
	Yes      int    // lines judged yes
	Lines    int    // lines in the file, judged or not
	// P is the precision (weighted by mentions for a group), Low and High
	// its Wilson 95 % interval, N the sample size behind it (the effective
	// one for a group); all NaN when no line is judged.
	P, Low, High, N float64
	// False is the estimated number of false mentions, Mentions·(1−P);
	// MaxFalse the most the interval allows, Mentions·(1−Low).
	False, MaxFalse float64
}

// Report holds the scores of a judged sample.
type Report struct {
	// Entries are ranked by the false mentions they add: False, then
	// MaxFalse, descending — the entries to look at first come first;
	// entries without judged lines come last, by mentions.
	Entries    []Precision
	Categories []Precision // by name
	All        Precision
	Unjudged   int // lines without a verdict
}

// Score computes the precision of each entry, each category and the whole
// sample from judged lines (see the package documentation for the
// formulas). An entry's Mentions and Category are those of its first line
// (Read checks that all its lines agree).
func Score(lines []Line) *Report {
	byEntry := map[string]*Precision{}
	var order []string
	r := &Report{}
	for i := range lines {
		l := &lines[i]
		p := byEntry[l.Entry]
		if p == nil {
			p = &Precision{Name: l.Entry, Category: l.Category, Mentions: l.Mentions}
			byEntry[l.Entry] = p
			order = append(order, l.Entry)
		}
		p.Lines++
		switch l.Verdict {
		case Yes:
			p.Judged++
			p.Yes++
		case No:
			p.Judged++
		default:
			r.Unjudged++
		}
	}
	cats := map[string][]Precision{}
	var all []Precision
	for _, name := range order {
		p := *byEntry[name]
		finishEntry(&p)
		r.Entries = append(r.Entries, p)
		cats[p.Category] = append(cats[p.Category], p)
		all = append(all, p)
	}
	slices.SortStableFunc(r.Entries, lookFirst)
	for _, c := range sortedKeys(cats) {
		r.Categories = append(r.Categories, group(c, cats[c]))
	}
	r.All = group("all", all)
	return r
}

// finishEntry computes an entry's precision, interval and false mentions.
func finishEntry(p *Precision) {
	p.P, p.Low, p.High, p.N = math.NaN(), math.NaN(), math.NaN(), float64(p.Judged)
	p.False, p.MaxFalse = math.NaN(), math.NaN()
	if p.Judged == 0 {
		return
	}
	p.Entries = 1
	p.P = float64(p.Yes) / float64(p.Judged)
	p.Low, p.High = Wilson(p.P, p.N, z95)
	p.False = float64(p.Mentions) * (1 - p.P)
	p.MaxFalse = float64(p.Mentions) * (1 - p.Low)
}

// group weighs the judged entries es by their mentions into one score.
func group(name string, es []Precision) Precision {
	g := Precision{Name: name}
	var w, wp, w2n float64 // Σ M, Σ M·p, Σ M²/n
	for _, e := range es {
		g.Lines += e.Lines
		if e.Judged == 0 {
			continue
		}
		g.Entries++
		g.Mentions += e.Mentions
		g.Judged += e.Judged
		g.Yes += e.Yes
		m := float64(e.Mentions)
		w += m
		wp += m * e.P
		w2n += m * m / float64(e.Judged)
	}
	g.P, g.Low, g.High, g.N, g.False, g.MaxFalse = math.NaN(), math.NaN(), math.NaN(), 0, math.NaN(), math.NaN()
	if g.Judged == 0 {
		return g
	}
	if w == 0 {
		// Entries with lines but no mentions (a hand-made file): weigh
		// them equally.
		g.P = float64(g.Yes) / float64(g.Judged)
		g.N = float64(g.Judged)
	} else {
		g.P = wp / w
		g.N = w * w / w2n
	}
	g.Low, g.High = Wilson(g.P, g.N, z95)
	g.False = float64(g.Mentions) * (1 - g.P)
	g.MaxFalse = float64(g.Mentions) * (1 - g.Low)
	return g
}

// lookFirst orders entries by False, then MaxFalse, descending; entries
// without judged lines last, by mentions descending; then by name.
func lookFirst(a, b Precision) int {
	if (a.Judged == 0) != (b.Judged == 0) {
		if a.Judged == 0 {
			return 1
		}
		return -1
	}
	if a.Judged == 0 {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	}
	return cmp.Or(cmp.Compare(b.False, a.False), cmp.Compare(b.MaxFalse, a.MaxFalse), strings.Compare(a.Name, b.Name))
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Summary says in one line what the audit found: the lexicon's precision
// with its interval, the lines judged and not, and the (at most five)
// entries adding false mentions, worst first.
func (r *Report) Summary() string {
	a := r.All
	if a.Judged == 0 {
		return fmt.Sprintf("no line judged yet (%d lines): write yes or no in the verdict column", r.Unjudged)
	}
	s := fmt.Sprintf("precision %.1f %% (95 %% interval %.1f–%.1f %%), weighted by mentions, from %d judged lines of %d entries",
		100*a.P, 100*a.Low, 100*a.High, a.Judged, a.Entries)
	if r.Unjudged > 0 {
		s += fmt.Sprintf(" (%d lines not judged)", r.Unjudged)
	}
	var first []string
	for _, p := range r.Entries {
		if len(first) == 5 || !(p.False > 0) {
			break
		}
		first = append(first, fmt.Sprintf("%s (~%.0f false of %d)", p.Name, p.False, p.Mentions))
	}
	if len(first) > 0 {
		s += "; look first at " + strings.Join(first, ", ")
	}
	return s
}
