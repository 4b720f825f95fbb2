package htmlreport

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// Options say how a Report is laid out, and what its commands and footer
// say.
type Options struct {
	Title   string   // default: Policy slogans in N reports
	Version string   // tifa's version, named in the lead
	Paths   []string // the paths read, named in the lead
	Top     int      // slogans in the trend and diffusion sections
	Heatmap int      // units with most reports drawn in the similarity heatmap
	By      string   // the units of the vectors: doc, region, year, region-year or level
	Space   string   // the space of the vectors: slogans or words
	// K and Method are the clustering flags as given, for the commands
	// shown; Cluster is the clustering they ask for.
	K, Method string
	Cluster   cluster.Options
	BOM       bool // every CSV starts with a UTF-8 byte order mark
	// Command returns the tifa command line printing the CSV of a table:
	// tifa SUB, the report's own flags that SUB shares, then flags.
	Command func(sub string, flags ...string) string
	// Stage, when not nil, is called as a long step starts (clustering)
	// and returns what to call when it ends: progress on a terminal.
	Stage  func(what string) (done func())
	Footer [][2]string // facts of how the file was made: the provenance
}

// Report is what tifa report shows, gathered in one pass over the
// documents (Add), then laid out as a Page with the documents' TF-IDF
// vectors.
type Report struct {
	part  reports.Part
	lex   *lexicon.Lexicon
	extra []string
	count *analysis.Counter
	docs  *table.Table // tifa docs
	metas []docMeta
	trend *analysis.Trend
	diff  *analysis.Diffusion

	opt        Options
	v          *vector.Vectors
	clusters   *cluster.Result // computed once, for two sections
	clusterErr error
}

// docMeta is what the summary needs of a document.
type docMeta struct {
	meta   reports.Meta
	chars  int
	warned bool
}

// NewReport returns a report on part of the documents, counting the
// slogans of lex; extra are the manifest's extra columns.
func NewReport(lex *lexicon.Lexicon, part reports.Part, extra []string) *Report {
	r := &Report{part: part, lex: lex, extra: extra, count: analysis.NewCounter(lex, part), docs: tabulate.Docs(extra), diff: analysis.NewDiffusion()}
	r.trend, _ = analysis.NewTrend("")
	return r
}

// Add adds d: it is listed as tifa docs lists it, and counted for the
// trend and the diffusion.
func (r *Report) Add(d *reports.Document) {
	r.docs.Add(tabulate.DocRow(d, r.extra)...)
	dc := r.count.Count(d)
	r.trend.Add(dc)
	r.diff.Add(dc)
	r.metas = append(r.metas, docMeta{meta: d.Meta, chars: d.Chars(reports.PartAll), warned: len(d.Warnings) > 0})
}

// Trend and Diffusion return what the report counted, for the caller's
// warnings about the documents left out.
func (r *Report) Trend() *analysis.Trend { return r.trend }

// Diffusion: see Trend.
func (r *Report) Diffusion() *analysis.Diffusion { return r.diff }

// Regions counts the distinct known regions of the documents added.
func (r *Report) Regions() int {
	seen := map[string]bool{}
	for _, m := range r.metas {
		if m.meta.Region != "" {
			seen[m.meta.Region] = true
		}
	}
	return len(seen)
}

// htmlTable is t as the page shows it, with a link to its CSV: the bytes
// 'tifa … -f csv' writes (command, when not empty, names that command).
func (r *Report) htmlTable(t *table.Table, file, command string) *Table {
	ht := &Table{Caption: t.Title, Download: r.download(t, file, command)}
	for _, c := range t.Cols {
		ht.Columns = append(ht.Columns, Column{Name: c.Name, Numeric: c.Kind != table.KindText})
	}
	for i := range t.Rows {
		ht.Rows = append(ht.Rows, t.Strings(i))
	}
	return ht
}

// download is t's CSV as a download link, with a note when no command
// prints it.
func (r *Report) download(t *table.Table, file, command string) *Download {
	var b bytes.Buffer
	if err := table.Render(&b, t, table.FormatCSV, r.opt.BOM); err != nil {
		panic("htmlreport: CSV into a buffer: " + err.Error()) // a buffer does not fail
	}
	d := &Download{Label: "CSV", FileName: file, Command: command, CSV: b.Bytes()}
	if command == "" {
		d.Note = "(no tifa command prints this table)"
	}
	return d
}

// Page lays the report out: the corpus, the top slogans' trends, the
// similarity of the units of v, their clusters and the diffusion of the
// slogans. Clustering stops early when opt.Cluster.Context is cancelled:
// the section then says so, and the caller should not keep the page.
func (r *Report) Page(v *vector.Vectors, opt Options) *Page {
	r.v, r.opt = v, opt
	title := r.opt.Title
	if title == "" {
		title = fmt.Sprintf("Policy slogans in %d reports", len(r.metas))
	}
	p := &Page{
		Title: title,
		Lead: "Made by tifa " + r.opt.Version + " from " + listArgs(r.opt.Paths) + ". Every table sorts by a click on a column header; " +
			"its CSV link downloads exactly what the tifa command beside it prints. Hover a chart for its values; " +
			"click a legend entry to keep its line highlighted.",
		Sections: []Section{r.summarySection(), r.trendSection(), r.similaritySection(), r.clusterSection(), r.diffusionSection()},
	}
	for _, kv := range r.opt.Footer {
		p.Footer = append(p.Footer, Fact{Label: kv[0], Value: kv[1]})
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
