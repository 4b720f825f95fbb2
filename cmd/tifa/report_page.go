package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/htmlreport"
	"github.com/tifa-project/tifa/table"
)

// Flags the equivalent commands inherit from the report's command line.
var (
	docsFlags   = []string{"meta"}
	inputFlags  = []string{"meta", "section", "lexicon", "no-builtin"}
	vectorFlags = []string{"meta", "section", "lexicon", "no-builtin", "space", "min-df", "max-df", "sublinear", "stopwords"}
)

// command returns the tifa command line printing the CSV of one of the
// report's tables: the subcommand, the report's own flags among inherit
// (as given), the flags that pick the table, -f csv, then the paths.
func (r *reportRun) command(sub string, inherit []string, flags ...string) string {
	out := []string{"tifa", sub}
	fs := r.cmd.Flags()
	for _, name := range inherit {
		fl := fs.Lookup(name)
		if fl == nil || !fl.Changed {
			continue
		}
		if sv, ok := fl.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				out = append(out, "--"+name, v)
			}
			continue
		}
		out = append(out, "--"+name+"="+fl.Value.String())
	}
	out = append(out, flags...)
	if r.g.bom {
		out = append(out, "--bom")
	}
	out = append(out, "-f", "csv")
	for _, a := range r.args {
		if strings.HasPrefix(a, "-") && a != "-" {
			out = append(out, "--")
			break
		}
	}
	return shellJoin(append(out, r.args...))
}

// htmlTable is t as the page shows it, with a link to its CSV: the bytes
// 'tifa … -f csv' writes (command, when not empty, names that command).
func (r *reportRun) htmlTable(t *table.Table, file, command string) *htmlreport.Table {
	ht := &htmlreport.Table{Caption: t.Title, Download: r.download(t, file, command)}
	for _, c := range t.Cols {
		ht.Columns = append(ht.Columns, htmlreport.Column{Name: c.Name, Numeric: c.Kind != table.KindText})
	}
	for i := range t.Rows {
		ht.Rows = append(ht.Rows, t.Strings(i))
	}
	return ht
}

// download is t's CSV as a download link, with a note when no command
// prints it.
func (r *reportRun) download(t *table.Table, file, command string) *htmlreport.Download {
	var b bytes.Buffer
	if err := table.Render(&b, t, table.FormatCSV, r.g.bom); err != nil {
		panic("tifa: CSV into a buffer: " + err.Error()) // a buffer does not fail
	}
	d := &htmlreport.Download{Label: "CSV", FileName: file, Command: command, CSV: b.Bytes()}
	if command == "" {
		d.Note = "(no tifa command prints this table)"
	}
	return d
}

// page lays the report out.
func (r *reportRun) page() *htmlreport.Page {
	title := r.o.title
	if title == "" {
		title = fmt.Sprintf("Policy slogans in %d reports", len(r.metas))
	}
	p := &htmlreport.Page{
		Title: title,
		Lead: "Made by tifa " + version + " from " + listArgs(r.args) + ". Every table sorts by a click on a column header; " +
			"its CSV link downloads exactly what the tifa command beside it prints. Hover a chart for its values; " +
			"click a legend entry to keep its line highlighted.",
		Sections: []htmlreport.Section{r.summarySection(), r.trendSection(), r.similaritySection(), r.clusterSection(), r.diffusionSection()},
	}
	for _, kv := range r.g.provenance().Pairs() {
		p.Footer = append(p.Footer, htmlreport.Fact{Label: kv[0], Value: kv[1]})
	}
	return p
}

// listArgs names the paths read: the first three and how many more.
func listArgs(args []string) string {
	if len(args) <= 3 {
		return strings.Join(args, ", ")
	}
	return strings.Join(args[:3], ", ") + fmt.Sprintf(" and %d more", len(args)-3)
}
