package tabulate

import (
	"strings"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reuse"
	"github.com/tifa-project/tifa/table"
)

// ReusePairs is the table of tifa reuse: per pair of reports, the Chinese
// characters they share, each one's share, the number of passages and the
// longest (cut to 60 characters).
func ReusePairs(pairs []reuse.Pair) *table.Table {
	t := &table.Table{Title: "Shared passages by pair of reports", Cols: []table.Column{table.Text("doc_a"), table.Text("region_a"), table.Int("year_a"),
		table.Text("doc_b"), table.Text("region_b"), table.Int("year_b"), table.Int("shared_chars"), table.Float("share_a", 3), table.Float("share_b", 3),
		table.Int("passages"), table.Text("longest")}}
	for _, p := range pairs {
		t.Add(p.IDA, p.MetaA.Region, nilIfZero(p.MetaA.Year), p.IDB, p.MetaB.Region, nilIfZero(p.MetaB.Year),
			p.Shared, p.ShareA, p.ShareB, len(p.Passages), clip(p.Longest().Text, 60))
	}
	return t
}

// Passages is the table of tifa reuse --passages: every shared passage,
// with its character offsets in both reports.
func Passages(pairs []reuse.Pair) *table.Table {
	t := &table.Table{Title: "Shared passages", Cols: []table.Column{table.Text("doc_a"), table.Text("doc_b"), table.Int("start_a"), table.Int("start_b"),
		table.Int("chars"), table.Text("text")}}
	for _, p := range pairs {
		for _, x := range p.Passages {
			t.Add(p.IDA, p.IDB, x.CharA, x.CharB, x.Chars, strings.Join(strings.Fields(x.Text), " "))
		}
	}
	return t
}

// clip puts s on one line and cuts it to n characters, marking a cut
// with "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
