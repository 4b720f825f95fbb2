package analysis

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/reports"
)

// Filter selects documents by metadata. Each condition is key=value; all
// conditions must hold. Keys: region, level (values separated by | are
// alternatives: region=浙江|江苏), year (2020, 2015..2019, 2015.., ..2019),
// doc (a document ID or a glob: doc=national/*), and any manifest extra
// column (exact value).
type Filter struct {
	conds []cond
	text  string
}

type cond struct {
	key    string
	values []string // alternatives
	lo, hi int      // year range, inclusive
}

// ParseFilter reads specs, each "key=value" or several joined by commas.
func ParseFilter(specs []string) (Filter, error) {
	f := Filter{text: strings.Join(specs, ",")}
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			key, val, ok := strings.Cut(part, "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			if !ok || key == "" || val == "" {
				return f, fmt.Errorf("filter %q: want key=value (region=浙江, year=2015..2019, level=county)", part)
			}
			c := cond{key: key, values: strings.Split(val, "|")}
			if key == "year" {
				lo, hi, err := yearRange(val)
				if err != nil {
					return f, fmt.Errorf("filter %q: %w", part, err)
				}
				c.lo, c.hi = lo, hi
			}
			if key == "level" {
				for _, v := range c.values {
					if levelRank(v) == len(reports.Levels) {
						return f, fmt.Errorf("filter %q: unknown level %q (want %s)", part, v, strings.Join(reports.Levels, ", "))
					}
				}
			}
			f.conds = append(f.conds, c)
		}
	}
	if len(f.conds) == 0 {
		return f, fmt.Errorf("empty filter: want key=value (region=浙江, year=2015..2019, level=county)")
	}
	return f, nil
}

func yearRange(s string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(s, "..")
	parse := func(x string, def int) (int, error) {
		if x == "" {
			return def, nil
		}
		y, err := strconv.Atoi(x)
		if err != nil {
			return 0, fmt.Errorf("year %q is not a number", x)
		}
		return y, nil
	}
	if lo, err = parse(a, math.MinInt); err != nil {
		return
	}
	if !isRange {
		return lo, lo, nil
	}
	if hi, err = parse(b, math.MaxInt); err != nil {
		return
	}
	if lo > hi {
		return 0, 0, fmt.Errorf("year range %s is empty", s)
	}
	return lo, hi, nil
}

// String returns the filter as given.
func (f Filter) String() string { return f.text }

// Match reports whether a unit with this ID and metadata passes.
func (f Filter) Match(id string, m reports.Meta) bool {
	for _, c := range f.conds {
		if !c.match(id, m) {
			return false
		}
	}
	return true
}

func (c cond) match(id string, m reports.Meta) bool {
	if c.key == "year" {
		return m.Year != 0 && m.Year >= c.lo && m.Year <= c.hi
	}
	var have string
	switch c.key {
	case "region":
		have = m.Region
	case "level":
		have = m.Level
	case "doc", "id":
		for _, v := range c.values {
			if ok, _ := path.Match(v, id); ok || v == id {
				return true
			}
		}
		return false
	default:
		have = m.Extra[c.key]
	}
	for _, v := range c.values {
		if v == have {
			return true
		}
	}
	return false
}

// Side sums one side of a comparison.
type Side struct {
	Docs  int
	Chars int     // Han characters
	Size  float64 // the G² corpus size: tokens (words space) or characters (slogans space)
}

// KeyTerm is one term compared between sides A and B.
type KeyTerm struct {
	Col              int
	A, B             float64 // raw counts
	Per10kA, Per10kB float64 // per 10,000 Han characters of each side
	LogRatio         float64 // log2 of the ratio of relative frequencies (0.5 added to counts)
	G2, P            float64 // signed log-likelihood (positive: more in A) and its p-value
}

// Compare compares the units of m for which inA is true with those for
// which inB is true, term by term, with Dunning's log-likelihood (see
// LogLikelihood). In the words space the corpus sizes are the sides' token
// counts; in the slogans space, their Han character counts. Terms are
// sorted by |G²| descending, then label; terms absent from both sides are
// left out.
func Compare(m *Matrix, inA, inB []bool) (a, b Side, keys []KeyTerm) {
	ca := make([]float64, m.Counts.Cols)
	cb := make([]float64, m.Counts.Cols)
	var tokA, tokB float64
	for i, u := range m.Units {
		if !inA[i] && !inB[i] {
			continue
		}
		ind, val := m.Counts.Row(i)
		var tok float64
		for _, x := range val {
			tok += x
		}
		if inA[i] {
			a.Docs++
			a.Chars += u.Chars
			tokA += tok
			for k, c := range ind {
				ca[c] += val[k]
			}
		}
		if inB[i] {
			b.Docs++
			b.Chars += u.Chars
			tokB += tok
			for k, c := range ind {
				cb[c] += val[k]
			}
		}
	}
	a.Size, b.Size = float64(a.Chars), float64(b.Chars)
	if m.Space == SpaceWords {
		a.Size, b.Size = tokA, tokB
	}
	for c := range ca {
		if ca[c] == 0 && cb[c] == 0 {
			continue
		}
		g2, p := LogLikelihood(ca[c], cb[c], a.Size, b.Size)
		keys = append(keys, KeyTerm{Col: c, A: ca[c], B: cb[c],
			Per10kA: per10kF(ca[c], a.Chars), Per10kB: per10kF(cb[c], b.Chars),
			LogRatio: LogRatio(ca[c], cb[c], a.Size, b.Size), G2: g2, P: p})
	}
	sort.Slice(keys, func(i, j int) bool {
		gi, gj := math.Abs(keys[i].G2), math.Abs(keys[j].G2)
		if gi != gj {
			return gi > gj
		}
		return m.Terms[keys[i].Col] < m.Terms[keys[j].Col]
	})
	return a, b, keys
}

func per10kF(count float64, chars int) float64 {
	if chars <= 0 {
		return 0
	}
	return count / float64(chars) * 10000
}
