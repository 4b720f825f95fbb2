package testkit

import (
	"testing"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Lexicon builds a lexicon of plain entries (canonical form first, then
// aliases), all of category "test".
func Lexicon(tb testing.TB, entries ...[]string) *lexicon.Lexicon {
	tb.Helper()
	var es []lexicon.Entry
	for i, forms := range entries {
		es = append(es, lexicon.Entry{Slogan: forms[0], Aliases: forms[1:], Category: "test", File: "test", Line: i + 1})
	}
	lex, _, err := lexicon.New(nil, es)
	if err != nil {
		tb.Fatal(err)
	}
	return lex
}

// Builtin is the built-in lexicon alone: what tifa counts without
// --lexicon.
func Builtin(tb testing.TB) *lexicon.Lexicon {
	tb.Helper()
	builtin, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	lex, _, err := lexicon.New(builtin)
	if err != nil {
		tb.Fatal(err)
	}
	return lex
}

// SegLexicon is the lexicon of the segmenter tests. Entry indices: 0 六稳,
// 1 六保, 2 六稳六保, 3 五水共治, 4 最多跑一次, 5 互联网+, 6 乡村振兴,
// 7 供给侧结构性改革 (alias 供给侧改革).
func SegLexicon(tb testing.TB) *lexicon.Lexicon {
	tb.Helper()
	lex, _, err := lexicon.New(nil, []lexicon.Entry{
		{Slogan: "六稳", Category: "economy"},
		{Slogan: "六保", Category: "economy"},
		{Slogan: "六稳六保", Category: "economy"},
		{Slogan: "五水共治", Category: "environment"},
		{Slogan: "最多跑一次", Category: "reform"},
		{Slogan: "互联网+", Category: "innovation"},
		{Slogan: "乡村振兴", Category: "rural"},
		{Slogan: "供给侧结构性改革", Aliases: []string{"供给侧改革"}, Category: "reform"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return lex
}

// Doc builds a document of 云溪镇 (a township) whose text is preamble +
// review + plan, with sections at those spans (an empty part has no
// section).
func Doc(id string, year int, preamble, review, plan string) *reports.Document {
	d := &reports.Document{ID: id, Meta: reports.Meta{Region: "云溪镇", Level: "township", Year: year}}
	d.Text = preamble + review + plan
	off := 0
	add := func(p reports.Part, s string) {
		if s != "" {
			d.Sections = append(d.Sections, reports.Section{Part: p, Start: off, End: off + len(s)})
		}
		off += len(s)
	}
	add(reports.PartAll, preamble)
	add(reports.PartReview, review)
	add(reports.PartPlan, plan)
	return d
}
