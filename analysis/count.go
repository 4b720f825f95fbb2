package analysis

import (
	"sort"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// SloganCount is the number of mentions of one lexicon entry in one
// document's analysed text.
type SloganCount struct {
	Entry  int // index into the lexicon's Entries
	Count  int // every mention of any of the entry's forms
	Nested int // of Count, mentions lying inside a longer entry's mention
}

// DocCount holds a document's description and its slogan counts, without
// its text, so a run over many reports keeps only counts in memory.
type DocCount struct {
	ID      string
	Meta    reports.Meta
	Part    reports.Part
	Chars   int           // Han characters of the analysed part
	Slogans []SloganCount // non-zero counts, by entry index
}

// Counter counts lexicon mentions in documents. It is safe for concurrent
// use: each call allocates its own buffers.
type Counter struct {
	m    *lexicon.Matcher
	part reports.Part
}

// NewCounter returns a counter of lex's entries in part p of each document.
func NewCounter(lex *lexicon.Lexicon, p reports.Part) *Counter {
	return &Counter{m: lex.Matcher(), part: p}
}

// Count counts the mentions in d. A mention belongs to the part in which it
// starts.
func (c *Counter) Count(d *reports.Document) DocCount {
	dc := DocCount{ID: d.ID, Meta: d.Meta, Part: c.part, Chars: d.Chars(c.part)}
	byEntry := map[int]*SloganCount{}
	for _, m := range c.m.Find(d.Text) {
		if !d.InPart(c.part, m.Start) {
			continue
		}
		sc := byEntry[m.Entry]
		if sc == nil {
			sc = &SloganCount{Entry: m.Entry}
			byEntry[m.Entry] = sc
		}
		sc.Count++
		if m.Nested {
			sc.Nested++
		}
	}
	dc.Slogans = make([]SloganCount, 0, len(byEntry))
	for _, sc := range byEntry {
		dc.Slogans = append(dc.Slogans, *sc)
	}
	sort.Slice(dc.Slogans, func(i, j int) bool { return dc.Slogans[i].Entry < dc.Slogans[j].Entry })
	return dc
}

// Get returns the count of entry e in dc (zero when not mentioned).
func (dc *DocCount) Get(e int) SloganCount {
	i := sort.Search(len(dc.Slogans), func(i int) bool { return dc.Slogans[i].Entry >= e })
	if i < len(dc.Slogans) && dc.Slogans[i].Entry == e {
		return dc.Slogans[i]
	}
	return SloganCount{Entry: e}
}

// Per10k returns count per 10,000 Han characters of a text of chars
// characters; 0 when chars is 0, never NaN.
func Per10k(count, chars int) float64 {
	if chars <= 0 {
		return 0
	}
	return float64(count) / float64(chars) * 10000
}

// RankEntries orders the entries mentioned in any of dcs by total mentions,
// most first, ties by entry index: the column order of wide tables.
func RankEntries(dcs []DocCount) []int {
	total := map[int]int{}
	for _, dc := range dcs {
		for _, sc := range dc.Slogans {
			total[sc.Entry] += sc.Count
		}
	}
	out := make([]int, 0, len(total))
	for e := range total {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if total[out[i]] != total[out[j]] {
			return total[out[i]] > total[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
