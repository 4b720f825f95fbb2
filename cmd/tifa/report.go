package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/htmlreport"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// reportOpts are the flags of 'tifa report'.
type reportOpts struct {
	vec       load.Vectors
	top       int
	k, method string
	heat      int
	title     string
}

// Report defaults.
const (
	reportTop  = 15 // slogans in the trend and diffusion sections
	reportHeat = 40 // groups drawn in the similarity heatmap
)

func newReportCmd(g *globals) *cobra.Command {
	var o reportOpts
	cmd := &cobra.Command{
		Use:   "report PATH...",
		Short: "Write one self-contained HTML report: slogans, trends, similarity, clusters, diffusion",
		Long: `Read the reports once and write one HTML file that opens offline (no
network, nothing outside the file): a summary of the corpus; the --top
slogans and their trends by year (share of reports mentioning them, or mean
mentions per 10,000 characters); a heatmap of the cosine similarity between
groups (--by; the --heatmap groups with most reports, ordered so that similar
groups sit together); clusters with their members, distinctive slogans and a
map (first two principal components);
diffusion curves (cumulative share of the regions of each level that have
used each slogan, by year); and how the file was made (command, version,
lexicon hash, input digest, date).

Every table sorts by a click on a header and has a link downloading its CSV:
exactly what the tifa command printed beside it writes with -f csv. Charts
show their values when hovered.

--bom starts every CSV with the byte order mark Excel needs (the commands
shown then carry --bom too). The file goes to -o FILE (atomically); without
-o, to standard output when it is a pipe or a file.`,
		Example: "  tifa report ../shared/corpus -o report.html\n  tifa report reports/ --by level --top 20 --section plan -o plan.html",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(g); err != nil {
				return err
			}
			page, err := o.page(g, cmd, args)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := htmlreport.Write(&buf, page); err != nil {
				return err
			}
			if err := g.ctx().Err(); err != nil {
				return err // interrupted while clustering: the page would lack its clusters
			}
			if g.out == "" || g.out == "-" {
				_, err := g.stdout.Write(buf.Bytes())
				return err
			}
			return table.WriteFileAtomic(g.out, buf.Bytes())
		},
	}
	addVectorFlags(cmd, &o.vec, vector.SpaceSlogans)
	by := cmd.Flags().Lookup("by")
	by.Usage = "group the similarity and clusters by doc, region, year, region-year or level (auto: region when regions are known, else doc)"
	by.DefValue, o.vec.By = "auto", "auto"
	f := cmd.Flags()
	f.IntVar(&o.top, "top", reportTop, "slogans shown in the trend and diffusion sections")
	f.StringVar(&o.k, "k", "auto", "clusters, or auto (best mean silhouette for k in 2..10)")
	f.StringVar(&o.method, "method", "kmeans", "clustering: kmeans, average, complete or ward")
	f.IntVar(&o.heat, "heatmap", reportHeat, "groups with most reports drawn in the similarity heatmap")
	f.StringVar(&o.title, "title", "", "the report's title (default: Policy slogans in N reports)")
	return cmd
}

// check rejects flags the report cannot honour before any report is read.
func (o *reportOpts) check(g *globals) error {
	switch {
	case g.format != "" && g.format != "html":
		return fmt.Errorf("flag --format: tifa report writes HTML only (got %q); leave -f out", g.format)
	case g.columnsFlag != "":
		return errors.New("flag --columns: tifa report shows every column, as the commands' CSV does; leave --columns out")
	case (g.out == "" || g.out == "-") && isTerminal(g.stdout):
		return errors.New("tifa report writes an HTML file: give -o FILE.html (or pipe standard output)")
	case o.vec.By != "auto":
		if err := vector.CheckGrouping(o.vec.By); err != nil {
			return fmt.Errorf("flag --by: %w", err)
		}
	}
	_, _, err := o.cluster().parse(g)
	return err
}

// cluster returns the clustering flags of the equivalent 'tifa cluster'.
func (o *reportOpts) cluster() *clusterOpts {
	return &clusterOpts{method: o.method, k: o.k, kRange: "2..10", tables: "members", seed: 1, restarts: 10, top: 5}
}

// page reads the documents once — each is listed as 'tifa docs' lists it,
// counted for the trend and the diffusion, and vectorized; the vectors are
// then grouped by --by and weighed — and lays the report out.
func (o *reportOpts) page(g *globals, cmd *cobra.Command, args []string) (*htmlreport.Page, error) {
	part, err := o.vec.Part()
	if err != nil {
		return nil, err
	}
	var r *htmlreport.Report
	vo := o.vec
	vo.By = "doc"
	vo.Also = func(lex *lexicon.Lexicon, src *reports.Source) func(*reports.Document) {
		r = htmlreport.NewReport(lex, part, src.ExtraColumns())
		return r.Add
	}
	l, err := g.reader().Counts(g.ctx(), &vo, args)
	if err != nil {
		return nil, err
	}
	g.warnAll(r.Trend().Warnings(part)...)
	g.warnAll(r.Diffusion().Warnings(part)...)
	v, by, skipped, err := r.Vectors(l.Matrix, o.vec.By, &vector.TFIDF{Sublinear: o.vec.Sublinear, MinDF: o.vec.MinDF, MaxDF: o.vec.MaxDF})
	if len(skipped) > 0 {
		g.warnf("%d document(s) without a %s left out of the similarity and clusters (e.g. %s)", len(skipped), by, reports.QuoteName(skipped[0]))
	}
	if err != nil {
		return nil, err
	}
	copt, _, err := o.cluster().parse(g)
	if err != nil {
		return nil, err
	}
	copt.Workers, copt.Context = o.vec.Workers, g.ctx()
	return r.Page(v, htmlreport.Options{
		Title: o.title, Version: version, Paths: args, Top: o.top, Heatmap: o.heat, By: by, Space: o.vec.Space,
		K: o.k, Method: o.method, Cluster: copt, BOM: g.bom,
		Command: func(sub string, flags ...string) string { return reportCommand(g, cmd, args, sub, flags...) },
		Stage:   g.stage,
		Footer:  g.provenance().Pairs(),
	}), nil
}

// Flags the equivalent commands inherit from the report's command line.
var inheritFlags = map[string][]string{
	"docs":      {"meta"},
	"trend":     {"meta", "section", "lexicon", "no-builtin"},
	"diffusion": {"meta", "section", "lexicon", "no-builtin"},
	"similar":   {"meta", "section", "lexicon", "no-builtin", "space", "min-df", "max-df", "sublinear", "stopwords"},
	"cluster":   {"meta", "section", "lexicon", "no-builtin", "space", "min-df", "max-df", "sublinear", "stopwords"},
}

// reportCommand returns the tifa command line printing the CSV of one of
// the report's tables (htmlreport.CommandLine), with the report's own
// flags that sub shares, as given.
func reportCommand(g *globals, cmd *cobra.Command, args []string, sub string, flags ...string) string {
	var inherited []string
	for _, name := range inheritFlags[sub] {
		fl := cmd.Flags().Lookup(name)
		if fl == nil || !fl.Changed {
			continue
		}
		if sv, ok := fl.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				inherited = append(inherited, "--"+name, v)
			}
			continue
		}
		inherited = append(inherited, "--"+name+"="+fl.Value.String())
	}
	return htmlreport.CommandLine(sub, inherited, flags, g.bom, args)
}
