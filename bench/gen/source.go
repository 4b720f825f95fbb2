package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reports"
)

// source is what gen keeps of one real report: its year and the paragraphs
// of its review and plan parts.
type source struct {
	id           string
	year         int
	review, plan []string
}

// corpus is the real material: the reports with both parts, the sizes of all
// reports, and for each synthetic year the reports it draws from.
type corpus struct {
	docs  []source
	sizes []int         // bytes of every report's cleaned text
	pools map[int][]int // year → indices into docs
}

// scaleSizes multiplies every report size by one factor so that their mean
// is mean bytes: -kb 20 writes township-length reports (a township's report
// is a few pages) with the spread of sizes of the real ones.
func (c *corpus) scaleSizes(mean float64) {
	var sum float64
	for _, s := range c.sizes {
		sum += float64(s)
	}
	if sum == 0 {
		return
	}
	f := mean * float64(len(c.sizes)) / sum
	for i, s := range c.sizes {
		c.sizes[i] = int(float64(s) * f)
	}
}

// Paragraph filters and the pool size.
const (
	minParaRunes = 30   // shorter lines are headings, captions or junk
	maxParaBytes = 3000 // longer lines (flattened texts) are cut at 。
	minPool      = 6    // reports a year's pool holds at least
)

// loadCorpus reads the real reports under dir with tifa's reports package and
// keeps the paragraphs of those where tifa finds both a review and a plan.
func loadCorpus(dir string) (*corpus, error) {
	docs, _, err := reports.Load([]string{dir}, reports.Options{})
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	c := &corpus{}
	for _, d := range docs {
		c.sizes = append(c.sizes, len(d.Text))
		s := source{id: d.ID, year: d.Meta.Year,
			review: paragraphs(d.PartText(reports.PartReview)),
			plan:   paragraphs(d.PartText(reports.PartPlan))}
		if s.year > 0 && len(s.review) > 0 && len(s.plan) > 0 {
			c.docs = append(c.docs, s)
		}
	}
	if len(c.docs) == 0 {
		return nil, fmt.Errorf("read corpus %s: no report with both a review and a plan part (of %d)", dir, len(docs))
	}
	sort.SliceStable(c.docs, func(i, j int) bool { return c.docs[i].year < c.docs[j].year })
	c.pools = map[int][]int{}
	for y := firstYear; y <= lastYear; y++ {
		c.pools[y] = c.pool(y)
	}
	return c, nil
}

// pool lists the reports a report of year y draws from: those of years
// y-w..y for the smallest w that gives minPool reports, then, when the
// years before y hold too few, y-w..y+w.
func (c *corpus) pool(y int) []int {
	var out []int
	for w := 0; w <= 100; w++ {
		out = c.between(y-w, y)
		if len(out) >= minPool {
			return out
		}
	}
	for w := 1; w <= 100; w++ {
		out = c.between(y-w, y+w)
		if len(out) >= minPool {
			break
		}
	}
	return out
}

// between lists the reports of years lo..hi.
func (c *corpus) between(lo, hi int) []int {
	var out []int
	for i, d := range c.docs {
		if d.year >= lo && d.year <= hi {
			out = append(out, i)
		}
	}
	return out
}

// paragraphs splits a part into the paragraphs a synthetic report may
// reuse: its lines without the first (the heading that opened the part),
// each of at least minParaRunes runes and not starting with a top-level
// ordinal (一、 第二部分), which tifa could take for a section heading. A
// line longer than maxParaBytes is cut into pieces of maxParaBytes/2 bytes
// or more, each ending in a 。.
func paragraphs(part string) []string {
	lines := strings.Split(part, "\n")
	if len(lines) > 0 {
		lines = lines[1:]
	}
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if utf8.RuneCountInString(l) < minParaRunes || topOrdinal(l) {
			continue
		}
		out = append(out, cut(l, maxParaBytes)...)
	}
	return out
}

// cut splits s, when longer than max bytes, after the first 。 past max/2
// bytes, and so on; a tail shorter than minParaRunes is dropped.
func cut(s string, max int) []string {
	var out []string
	for len(s) > max {
		i := strings.Index(s[max/2:], "。")
		if i < 0 {
			break
		}
		i += max/2 + len("。")
		out = append(out, s[:i])
		s = s[i:]
	}
	if utf8.RuneCountInString(s) >= minParaRunes {
		out = append(out, s)
	}
	return out
}

// topOrdinal reports whether l starts like a top-level heading: 一、 … 十、
// (and 十一、), or 第…部分.
func topOrdinal(l string) bool {
	if strings.HasPrefix(l, "第") {
		if i := strings.Index(l, "部分"); i > 0 && i <= 12 {
			return true
		}
	}
	n := 0
	for _, r := range l {
		if strings.ContainsRune("一二三四五六七八九十", r) {
			n++
			continue
		}
		return n > 0 && n <= 3 && (r == '、' || r == '．' || r == '.')
	}
	return false
}
