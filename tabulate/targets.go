package tabulate

import (
	"strings"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/targets"
)

// Targets is the table of tifa targets: the rows of TargetRow, or with
// headline those of HeadlineRow, under their columns.
func Targets(extra []string, headline bool, rows [][]any) *table.Table {
	cs := append([]table.Column{table.Text("doc")}, metaCols(extra, false)...)
	cs = append(cs, table.Text("section"))
	if !headline {
		cs = append(cs, table.Text("indicator"))
	}
	cs = append(cs, table.Text("text"), table.Float("value", -1), table.Float("low", -1), table.Float("high", -1), table.Text("unit"))
	if !headline {
		cs = append(cs, table.Text("direction"), table.Text("kind"))
	}
	cs = append(cs, table.Text("qualifier"))
	if !headline {
		cs = append(cs, table.Int("multi_year"))
	}
	cs = append(cs, table.Text("sentence"))
	title := "Targets"
	if headline {
		title = "GDP growth targets"
	}
	t := &table.Table{Title: title, Cols: cs}
	for _, r := range rows {
		t.Add(r...)
	}
	return t
}

// numbers returns value, low and high, missing for a target without one.
func numbers(t targets.Target) []any {
	if !t.HasValue {
		return []any{nil, nil, nil}
	}
	return []any{t.Value, t.Low, t.High}
}

// TargetRow is a row of Targets: target t of document d, read in part.
func TargetRow(d *reports.Document, extra []string, part reports.Part, t targets.Target) []any {
	row := append([]any{d.ID}, metaCells(d.Meta, extra)...)
	row = append(row, part.String(), t.Indicator, t.Text)
	row = append(row, numbers(t)...)
	return append(row, t.Unit, t.Direction, t.Kind, strings.Join(t.Qualifiers, "; "), b2i(t.MultiYear), t.Sentence)
}

// HeadlineRow is a row of Targets with headline: d's headline target t,
// found in part; empty cells when ok is false.
func HeadlineRow(d *reports.Document, extra []string, part reports.Part, t targets.Target, ok bool) []any {
	row := append([]any{d.ID}, metaCells(d.Meta, extra)...)
	row = append(row, part.String())
	if !ok {
		return append(row, "", nil, nil, nil, "", "", "")
	}
	row = append(row, t.Text)
	row = append(row, numbers(t)...)
	return append(row, t.Unit, strings.Join(t.Qualifiers, "; "), t.Sentence)
}

// TargetRows returns the rows of Targets for document d: its targets of
// the kinds keep (targets.ParseKinds) found in part by f, or with
// headline its headline row (HeadlineRow). found says whether a row holds
// a target; whole whether d has no such part and was read whole.
func TargetRows(f *targets.Finder, d *reports.Document, extra []string, part reports.Part, headline bool, keep map[string]bool) (rows [][]any, found, whole bool) {
	if headline {
		t, used, ok := f.Headline(d, part)
		return [][]any{HeadlineRow(d, extra, used, t, ok)}, ok, false
	}
	dt := f.Find(d, part)
	for _, t := range dt.Targets {
		if keep[t.Kind] {
			rows = append(rows, TargetRow(d, extra, dt.Part, t))
		}
	}
	return rows, len(rows) > 0, dt.Part != part
}
