package analysis

import (
	"fmt"
	"math"
	"path"
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
					if LevelRank(v) == len(reports.Levels) {
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
