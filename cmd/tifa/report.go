package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/htmlreport"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// reportOpts are the flags of 'tifa report'.
type reportOpts struct {
	vec       vectorOpts
	top       int
	k, method string
	heat      int
	title     string
}

// Report defaults.
const (
	reportTop       = 15  // slogans in the trend and diffusion sections
	reportHeat      = 40  // groups drawn in the similarity heatmap
	reportMatrixMax = 300 // largest similarity matrix offered as CSV
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
groups sit together); clusters with their members and distinctive slogans;
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
			r, err := o.read(g, cmd, args)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := htmlreport.Write(&buf, r.page()); err != nil {
				return err
			}
			if g.out == "" || g.out == "-" {
				_, err := g.stdout.Write(buf.Bytes())
				return err
			}
			return writeFileAtomic(g.out, buf.Bytes())
		},
	}
	o.vec.addFlags(cmd, analysis.SpaceSlogans)
	by := cmd.Flags().Lookup("by")
	by.Usage = "group the similarity and clusters by doc, region, year, region-year or level (auto: region when regions are known, else doc)"
	by.DefValue, o.vec.by = "auto", "auto"
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
	case (g.out == "" || g.out == "-") && isTerminal(g.stdout):
		return errors.New("tifa report writes an HTML file: give -o FILE.html (or pipe standard output)")
	case o.top < 1:
		return fmt.Errorf("flag --top: must be 1 or more (got %d)", o.top)
	case o.heat < 2:
		return fmt.Errorf("flag --heatmap: must be 2 or more (got %d)", o.heat)
	case o.vec.by != "auto":
		if err := analysis.CheckGrouping(o.vec.by); err != nil {
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

// reportRun is what one report is made of, gathered in one pass over the
// documents.
type reportRun struct {
	g    *globals
	o    *reportOpts
	cmd  *cobra.Command
	args []string

	part  reports.Part
	lex   *lexicon.Lexicon
	extra []string
	docs  *table // tifa docs
	metas []docMeta
	trend *analysis.Trend
	diff  *analysis.Diffusion
	by    string
	l     *loaded

	clusters   *analysis.Clustering // computed once, for two sections
	clusterErr error
}

// docMeta is what the summary needs of a document.
type docMeta struct {
	meta   reports.Meta
	chars  int
	warned bool
}

// read reads the documents once: each is counted for the trend and the
// diffusion, listed as 'tifa docs' lists it, and vectorized; the vectors
// are then grouped by --by and weighed.
func (o *reportOpts) read(g *globals, cmd *cobra.Command, args []string) (*reportRun, error) {
	part, err := o.vec.in.part()
	if err != nil {
		return nil, err
	}
	r := &reportRun{g: g, o: o, cmd: cmd, args: args, part: part, diff: analysis.NewDiffusion()}
	r.trend, _ = analysis.NewTrend("")
	vo := o.vec
	vo.by, vo.also = "doc", r.see
	l, err := vo.counts(g, args)
	if err != nil {
		return nil, err
	}
	trendWarnings(g, r.trend, part)
	diffusionWarnings(g, r.diff, part)
	r.by = o.vec.by
	if r.by == "auto" {
		r.by = "doc"
		if r.regions() >= 2 {
			r.by = "region"
		}
	}
	m, skipped, err := l.matrix.Group(r.by)
	if err != nil {
		return nil, err
	}
	if len(skipped) > 0 {
		g.warnf("%d document(s) without a %s left out of the similarity and clusters (e.g. %s)", len(skipped), r.by, skipped[0])
	}
	if l.vectors, err = analysis.Weigh(m, &analysis.TFIDF{Sublinear: o.vec.sublinear, MinDF: o.vec.minDF, MaxDF: o.vec.maxDF}); err != nil {
		return nil, err
	}
	l.matrix, r.l = nil, l
	return r, nil
}

// see is vectorOpts.also: it prepares the tables once the reports are
// open and returns what adds each document to them.
func (r *reportRun) see(lex *lexicon.Lexicon, src *reports.Source) func(*reports.Document) {
	r.lex, r.extra = lex, src.ExtraColumns()
	r.docs = docsTable(r.extra)
	counter := analysis.NewCounter(lex, r.part)
	return func(d *reports.Document) {
		addDocRow(r.docs, d, r.extra)
		dc := counter.Count(d)
		r.trend.Add(dc)
		r.diff.Add(dc)
		r.metas = append(r.metas, docMeta{meta: d.Meta, chars: d.Chars(reports.PartAll), warned: len(d.Warnings) > 0})
	}
}

// tap returns fn, after o.also's function when there is one.
func (o *vectorOpts) tap(lex *lexicon.Lexicon, src *reports.Source, fn func(*reports.Document) error) func(*reports.Document) error {
	if o.also == nil {
		return fn
	}
	see := o.also(lex, src)
	return func(d *reports.Document) error {
		see(d)
		return fn(d)
	}
}

// regions counts the distinct known regions.
func (r *reportRun) regions() int {
	seen := map[string]bool{}
	for _, m := range r.metas {
		if m.meta.Region != "" {
			seen[m.meta.Region] = true
		}
	}
	return len(seen)
}

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
func (r *reportRun) htmlTable(t *table, file, command string) *htmlreport.Table {
	ht := &htmlreport.Table{Caption: t.title, Download: r.download(t, file, command)}
	for _, c := range t.cols {
		ht.Columns = append(ht.Columns, htmlreport.Column{Name: c.name, Numeric: c.kind != kString})
	}
	for i := range t.rows {
		ht.Rows = append(ht.Rows, t.strings(i))
	}
	return ht
}

// download is t's CSV as a download link.
func (r *reportRun) download(t *table, file, command string) *htmlreport.Download {
	var b bytes.Buffer
	if err := render(&b, t, fmtCSV, r.g.bom); err != nil {
		panic("tifa: CSV into a buffer: " + err.Error()) // a buffer does not fail
	}
	return &htmlreport.Download{Label: "CSV", FileName: file, Command: command, CSV: b.Bytes()}
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
	for _, kv := range r.g.provenance().pairs() {
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

func (r *reportRun) summarySection() htmlreport.Section {
	chars, warned := 0, 0
	years := map[int]bool{}
	for _, m := range r.metas {
		chars += m.chars
		if m.warned {
			warned++
		}
		if m.meta.Year != 0 {
			years[m.meta.Year] = true
		}
	}
	span := "unknown"
	if ys := sortedKeys(years); len(ys) > 0 {
		span = fmt.Sprintf("%d–%d (%d distinct)", ys[0], ys[len(ys)-1], len(ys))
	}
	facts := htmlreport.Facts{
		{Label: "reports", Value: strconv.Itoa(len(r.metas))},
		{Label: "regions", Value: strconv.Itoa(r.regions())},
		{Label: "years", Value: span},
		{Label: "Chinese characters", Value: thousands(chars)},
		{Label: "documents with warnings", Value: strconv.Itoa(warned)},
		{Label: "text analysed", Value: r.part.String()},
		{Label: "lexicon entries", Value: strconv.Itoa(len(r.lex.Entries))},
		{Label: "similarity and clusters by", Value: r.by},
	}
	t, file := levelTable(r.metas), "levels.csv"
	if len(years) <= 15 {
		t, file = levelYearTable(r.metas, sortedKeys(years)), "levels_years.csv"
	}
	return htmlreport.Section{ID: "corpus", Title: "Corpus", Blocks: []htmlreport.Block{
		facts,
		r.htmlTable(t, file, ""),
		&htmlreport.Details{Summary: fmt.Sprintf("All %d documents, their metadata, sections and warnings", len(r.metas)), Blocks: []htmlreport.Block{
			r.htmlTable(r.docs, "docs.csv", r.command("docs", docsFlags)),
		}},
	}}
}

// levelOrder sorts levels from the centre down, unknown ("") last.
func levelOrder(a, b string) int {
	ra, rb := slices.Index(reports.Levels, a), slices.Index(reports.Levels, b)
	if ra < 0 {
		ra = len(reports.Levels)
	}
	if rb < 0 {
		rb = len(reports.Levels)
	}
	if ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
}

func levelsOf(metas []docMeta) []string {
	var ls []string
	for _, m := range metas {
		if !slices.Contains(ls, m.meta.Level) {
			ls = append(ls, m.meta.Level)
		}
	}
	slices.SortFunc(ls, levelOrder)
	return ls
}

// levelTable counts reports, regions, years and characters by level.
func levelTable(metas []docMeta) *table {
	t := &table{title: "Reports by level", cols: cols(str("level"), num("reports"), num("regions"), num("first_year"), num("last_year"), num("chars"))}
	for _, l := range levelsOf(metas) {
		n, chars, lo, hi := 0, 0, 0, 0
		regions := map[string]bool{}
		for _, m := range metas {
			if m.meta.Level != l {
				continue
			}
			n++
			chars += m.chars
			if m.meta.Region != "" {
				regions[m.meta.Region] = true
			}
			if y := m.meta.Year; y != 0 {
				lo, hi = minYear(lo, y), max(hi, y)
			}
		}
		t.add(levelName(l), n, len(regions), nilIfZero(lo), nilIfZero(hi), chars)
	}
	return t
}

// levelYearTable counts reports by level and year.
func levelYearTable(metas []docMeta, years []int) *table {
	cs := cols(str("level"))
	for _, y := range years {
		cs = append(cs, num(strconv.Itoa(y)))
	}
	unknown := slices.ContainsFunc(metas, func(m docMeta) bool { return m.meta.Year == 0 })
	if unknown {
		cs = append(cs, num("year_unknown"))
	}
	t := &table{title: "Reports by level and year", cols: append(cs, num("total"))}
	for _, l := range levelsOf(metas) {
		count := map[int]int{}
		total := 0
		for _, m := range metas {
			if m.meta.Level == l {
				count[m.meta.Year]++
				total++
			}
		}
		row := []any{levelName(l)}
		for _, y := range years {
			row = append(row, count[y])
		}
		if unknown {
			row = append(row, count[0])
		}
		t.add(append(row, total)...)
	}
	return t
}

func levelName(l string) string {
	if l == "" {
		return "(unknown)"
	}
	return l
}

func minYear(lo, y int) int {
	if lo == 0 || y < lo {
		return y
	}
	return lo
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// thousands writes n with thin-space-free comma grouping: 6,344,921.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (r *reportRun) trendSection() htmlreport.Section {
	sec := htmlreport.Section{ID: "trends", Title: "Top slogans by year"}
	years := r.trend.Years()
	if len(years) == 0 {
		sec.Blocks = append(sec.Blocks, htmlreport.Note("No document has a known year: there is no trend to show. Give years in a manifest (--meta)."))
		return sec
	}
	rows := r.trend.Rows(analysis.TrendOptions{Top: r.o.top})
	top := strconv.Itoa(r.o.top)
	sec.Blocks = append(sec.Blocks, htmlreport.Text(fmt.Sprintf("The %d slogans mentioned in the most reports, year by year. "+
		"Share: the share of the year's reports that mention the slogan. Per 10,000 characters: mentions per 10,000 Chinese "+
		"characters, averaged over all the year's reports (those not mentioning it count as 0).", countSlogans(rows))))
	var tabs htmlreport.Tabs
	for _, v := range []struct{ value, label, axis, file string }{
		{"share", "Share of reports", "share of reports", "trend_share.csv"},
		{"mean_per10k", "Mentions per 10,000 characters", "mentions per 10k chars", "trend_per10k.csv"},
	} {
		t := trendWide(rows, years, r.lex, trendOpts{top: r.o.top, wide: true, value: v.value})
		chart := wideChart(t, 3, "year", v.axis)
		if v.value == "share" {
			chart.YMax = 1
		}
		tabs = append(tabs, htmlreport.Tab{Label: v.label, Blocks: []htmlreport.Block{
			&htmlreport.Figure{Charts: []htmlreport.LineChart{chart}},
			r.htmlTable(t, v.file, r.command("trend", inputFlags, "--top", top, "--wide", "--value", v.value)),
		}})
	}
	sec.Blocks = append(sec.Blocks, tabs)
	return sec
}

func countSlogans(rows []analysis.TrendRow) int {
	seen := map[int]bool{}
	for _, r := range rows {
		seen[r.Entry] = true
	}
	return len(seen)
}

// wideChart draws a wide table (one row a series, one column a year from
// column first on) as a line chart, the cells' text as values.
func wideChart(t *table, first int, xLabel, yLabel string) htmlreport.LineChart {
	c := htmlreport.LineChart{XLabel: xLabel, YLabel: yLabel}
	for _, col := range t.cols[first:] {
		y, _ := strconv.Atoi(col.name)
		c.X = append(c.X, float64(y))
	}
	for i := range t.rows {
		cells := t.strings(i)
		c.Series = append(c.Series, htmlreport.Series{Name: cells[0], Values: cells[first:]})
	}
	return c
}

// byWord names the units of --by in prose.
func byWord(by string) string {
	switch by {
	case "doc":
		return "documents"
	case "region-year":
		return "region-years"
	}
	return by + "s"
}

func (r *reportRun) similaritySection() htmlreport.Section {
	sec := htmlreport.Section{ID: "similarity", Title: "Similarity"}
	v := r.l.vectors
	n := len(v.Units)
	if n < 2 {
		sec.Blocks = append(sec.Blocks, htmlreport.Note(fmt.Sprintf("%d %s: nothing to compare.", n, byWord(r.by))))
		return sec
	}
	sel := largestUnits(v, r.o.heat)
	sub := subRows(v.X, sel)
	order := make([]int, len(sel))
	for i := range order {
		order[i] = i
	}
	if merges, err := analysis.Agglomerate(sub, "average"); err == nil {
		order = leafOrder(merges, len(sel))
	}
	var full *table
	if n <= reportMatrixMax {
		full = similarityMatrix(v, r.by)
	}
	cos := analysis.CosineMatrix(sub)
	h := &htmlreport.Heatmap{Min: 0, Max: 1, ValueName: "cosine"}
	labels := r.clusterLabels()
	for _, a := range order {
		u := sel[a]
		h.Labels = append(h.Labels, v.Units[u].ID)
		if labels != nil {
			h.Groups = append(h.Groups, "cluster "+strconv.Itoa(labels[u]+1))
		}
		var row []string
		if full != nil {
			cells := full.strings(u)
			for _, b := range order {
				row = append(row, cells[1+sel[b]])
			}
		} else {
			for _, b := range order {
				row = append(row, strconv.FormatFloat(cos[a][b], 'f', 4, 64))
			}
		}
		h.Values = append(h.Values, row)
	}
	what := fmt.Sprintf("all %d %s", n, byWord(r.by))
	switch {
	case len(sel) < n && r.by == "doc":
		what = fmt.Sprintf("the first %d of the %d documents (--heatmap N shows more)", len(sel), n)
	case len(sel) < n:
		what = fmt.Sprintf("the %d %s with the most reports, of %d (--heatmap N shows more)", len(sel), byWord(r.by), n)
	}
	sec.Blocks = append(sec.Blocks, htmlreport.Text(fmt.Sprintf("Cosine similarity of the TF-IDF vectors (%s space) between %s. "+
		"Rows and columns are ordered by average-linkage clustering, so that similar %s sit together; the coloured strip marks "+
		"the cluster of the next section. Hover a cell for its value.", r.o.vec.space, what, byWord(r.by))))
	if full != nil {
		h.Download = r.download(full, "similarity.csv", r.command("similar", vectorFlags, "--by", r.by, "--matrix"))
		h.Download.Label = fmt.Sprintf("CSV (all %d×%d)", n, n)
	} else {
		sec.Blocks = append(sec.Blocks, htmlreport.Note(fmt.Sprintf("The full %d×%d matrix is too large to include: %s prints it.", n, n,
			r.command("similar", vectorFlags, "--by", r.by, "--matrix"))))
	}
	sec.Blocks = append(sec.Blocks, h)
	return sec
}

// largestUnits returns the indices of the n units with the most
// documents (ties in unit order), in unit order.
func largestUnits(v *analysis.Vectors, n int) []int {
	idx := make([]int, len(v.Units))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(v.Units[idx[a]].Docs) > len(v.Units[idx[b]].Docs) })
	if len(idx) > n {
		idx = idx[:n]
	}
	sort.Ints(idx)
	return idx
}

// subRows returns the rows rows of x.
func subRows(x *analysis.CSR, rows []int) *analysis.CSR {
	b := analysis.NewCSRBuilder(x.Cols)
	for _, i := range rows {
		ind, val := x.Row(i)
		b.AddRow(ind, val)
	}
	return b.Build()
}

// leafOrder returns the leaves of a merge tree left to right.
func leafOrder(merges []analysis.Merge, n int) []int {
	if len(merges) == 0 {
		return []int{0}
	}
	var out []int
	var walk func(id int)
	walk = func(id int) {
		if id < n {
			out = append(out, id)
			return
		}
		walk(merges[id-n].Left)
		walk(merges[id-n].Right)
	}
	walk(n + len(merges) - 1)
	return out
}

// clustering caches the clustering, computed once for both sections.
func (r *reportRun) clustering() (*analysis.Clustering, error) {
	copt, _, err := r.o.cluster().parse(r.g)
	if err != nil {
		return nil, err
	}
	copt.Workers = r.o.vec.workers
	if r.clusters == nil && r.clusterErr == nil {
		done := r.g.stage("clustering (" + copt.Method + ")")
		r.clusters, r.clusterErr = analysis.Cluster(r.l.vectors, copt)
		done()
	}
	return r.clusters, r.clusterErr
}

// clusterLabels returns each unit's cluster, nil without a clustering.
func (r *reportRun) clusterLabels() []int {
	res, err := r.clustering()
	if err != nil {
		return nil
	}
	return res.Labels
}

func (r *reportRun) clusterSection() htmlreport.Section {
	sec := htmlreport.Section{ID: "clusters", Title: "Clusters"}
	res, err := r.clustering()
	if err != nil {
		sec.Blocks = append(sec.Blocks, htmlreport.Note("No clustering: "+err.Error()+"."))
		return sec
	}
	flags := func(table string) []string {
		return []string{"--by", r.by, "--method", r.o.method, "--k", r.o.k, "--table", table}
	}
	sec.Blocks = append(sec.Blocks,
		htmlreport.Text(fmt.Sprintf("The %d %s in %d clusters (%s, mean silhouette %.3f; silhouettes near 1: tight, well separated clusters; "+
			"near 0: overlapping). A cluster's distinctive slogans are those whose mean TF-IDF weight in the cluster most exceeds "+
			"that in the other %s; lift = cluster mean / overall mean.", len(res.Labels), byWord(r.by), res.K, res.Method, res.Mean, byWord(r.by))),
		r.htmlTable(clusterProfile(r.l, res, 5), "cluster_profile.csv", r.command("cluster", vectorFlags, flags("profile")...)),
		r.htmlTable(clusterTerms(r.l, res, 5), "cluster_terms.csv", r.command("cluster", vectorFlags, flags("terms")...)))
	if len(res.Tried) > 0 {
		sec.Blocks = append(sec.Blocks, r.htmlTable(clusterK(res), "cluster_k.csv", r.command("cluster", vectorFlags, flags("k")...)))
	}
	members := r.htmlTable(clusterMembers(r.l, res, r.by), "cluster_members.csv", r.command("cluster", vectorFlags, flags("members")...))
	sec.Blocks = append(sec.Blocks, &htmlreport.Details{
		Summary: fmt.Sprintf("Members: the cluster of each of the %d %s", len(res.Labels), byWord(r.by)),
		Blocks:  []htmlreport.Block{members}})
	return sec
}

func (r *reportRun) diffusionSection() htmlreport.Section {
	sec := htmlreport.Section{ID: "diffusion", Title: "Diffusion"}
	opt := analysis.DiffusionOptions{Top: r.o.top}
	curve := diffusionCurve(r.diff, opt, r.lex)
	if len(curve.rows) == 0 {
		sec.Blocks = append(sec.Blocks, htmlreport.Note("No slogan has a first use to show: diffusion needs documents with a known region and year that mention a slogan."))
		return sec
	}
	top := strconv.Itoa(r.o.top)
	fig := &htmlreport.Figure{Charts: curveCharts(curve),
		Download: r.download(curve, "diffusion_curve.csv", r.command("diffusion", inputFlags, "--top", top, "--table", "curve"))}
	fig.Download.Label = "CSV of the curves"
	sec.Blocks = append(sec.Blocks,
		htmlreport.Text("How the slogans used by the most regions spread: for each level, the cumulative share of its regions "+
			"that have mentioned the slogan by each year (a region's level is that of its latest report). A region's first "+
			"report in the corpus may postdate its first use: curves start late where the corpus does."),
		fig,
		r.htmlTable(diffusionSummary(r.diff, opt, r.lex), "diffusion.csv", r.command("diffusion", inputFlags, "--top", top)))
	return sec
}

// curveCharts draws the curve table (slogan, category, level, year, …,
// share) as one chart per level.
func curveCharts(t *table) []htmlreport.LineChart {
	var levels []string
	years := map[string][]int{}
	share := map[string]map[string]map[int]string{} // level → slogan → year → share
	var slogans []string
	for i := range t.rows {
		c := t.strings(i)
		slogan, level := c[0], c[2]
		y, _ := strconv.Atoi(c[3])
		if share[level] == nil {
			levels = append(levels, level)
			share[level] = map[string]map[int]string{}
		}
		if share[level][slogan] == nil {
			share[level][slogan] = map[int]string{}
		}
		if !slices.Contains(years[level], y) {
			years[level] = append(years[level], y)
		}
		if !slices.Contains(slogans, slogan) {
			slogans = append(slogans, slogan)
		}
		share[level][slogan][y] = c[len(c)-1]
	}
	var charts []htmlreport.LineChart
	for _, l := range levels {
		ys := years[l]
		sort.Ints(ys)
		ch := htmlreport.LineChart{Title: l, XLabel: "year", YLabel: "share adopted", YMax: 1}
		for _, y := range ys {
			ch.X = append(ch.X, float64(y))
		}
		for _, s := range slogans {
			if share[l][s] == nil {
				continue
			}
			vals := make([]string, len(ys))
			for k, y := range ys {
				vals[k] = share[l][s][y]
			}
			ch.Series = append(ch.Series, htmlreport.Series{Name: s, Values: vals})
		}
		charts = append(charts, ch)
	}
	return charts
}
