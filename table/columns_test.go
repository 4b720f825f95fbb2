package table

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// docTable is a per-document table: doc, then optional metadata columns
// (a long note among them), then counts.
func docTable() *Table {
	opt := func(c Column) Column { c.Optional = true; return c }
	t := &Table{Title: "Slogan counts", Cols: []Column{Text("doc"), opt(Text("region")), opt(Text("level")), opt(Int("year")),
		opt(Text("note")), Text("slogan"), Int("count")}}
	t.Add("a.txt", "浙江", "province", 2020, "https://example.cn/"+strings.Repeat("x", 60), "乡村振兴", 3)
	t.Add("b.txt", "江苏", "province", 2021, "", "乡村振兴", 1)
	return t
}

func names(t *Table) string { return strings.Join(t.header(), ",") }

func TestParseColumns(t *testing.T) {
	for _, c := range []struct {
		spec     string
		terminal bool
		want     string // the columns of docTable kept, or "error: " and part of the error
	}{
		{"", false, "doc,region,level,year,note,slogan,count"},
		{"", true, "doc,region,level,year,slogan,count"}, // note is long
		{"region,year", false, "doc,region,year,slogan,count"},
		{" year , region ", true, "doc,region,year,slogan,count"}, // the table's order
		{"note", true, "doc,note,slogan,count"},
		{"+note", true, "doc,region,level,year,note,slogan,count"},
		{"-level", true, "doc,region,year,slogan,count"},
		{"-level,+note", false, "doc,region,year,note,slogan,count"},
		{"all", true, "doc,region,level,year,note,slogan,count"},
		{"all,-note", true, "doc,region,level,year,slogan,count"},
		{"none", false, "doc,slogan,count"},
		{"none,+year", false, "doc,year,slogan,count"},
		{"region,+note", false, "error: mixes a list"},
		{"+note,region", false, "error: mixes a list"},
		{"+note,-note", false, "error: both adds and drops note"},
		{"region,,year", false, "error: an empty column name"},
		{"+", false, "error: names no column"},
		{"region,all", false, "error: all comes first"},
	} {
		cols, err := ParseColumns(c.spec)
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else {
			p, _ := cols.pick(docTable(), c.terminal)
			got = names(p)
		}
		if got != c.want && !(strings.HasPrefix(c.want, "error: ") && strings.Contains(got, strings.TrimPrefix(c.want, "error: "))) {
			t.Errorf("--columns %q (terminal %v): %s, want %s", c.spec, c.terminal, got, c.want)
		}
	}
}

func TestColumnsCheck(t *testing.T) {
	cols, _ := ParseColumns("region,source_path")
	err := cols.Check([]string{"region", "level", "year", "note"})
	if err == nil || !strings.Contains(err.Error(), `no column "source_path"`) || !strings.Contains(err.Error(), "region, level, year, note") {
		t.Errorf("Check: %v", err)
	}
	if err := cols.Check([]string{"region", "source_path"}); err != nil {
		t.Error(err)
	}
}

// TestOutputColumns: Output applies --columns in every format, generated
// rows included, and a terminal table says what it left out.
func TestOutputColumns(t *testing.T) {
	cols, _ := ParseColumns("-level")
	var warns []string
	for _, f := range formats {
		if f == FormatXLSX {
			continue
		}
		var buf bytes.Buffer
		held := docTable()
		gen := &Table{Title: held.Title, Cols: held.Cols, Gen: func(add func(...any) error) error {
			for _, r := range held.Rows {
				if err := add(r...); err != nil {
					return err
				}
			}
			return nil
		}}
		for _, tb := range []*Table{held, gen} {
			buf.Reset()
			o := Output{Stdout: &buf, Columns: cols, Warn: func(m string) { warns = append(warns, m) }}
			if err := o.Write(f, false, tb); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(buf.String(), "level") || !strings.Contains(buf.String(), "region") {
				t.Errorf("%s: -level not applied:\n%s", f, buf.String())
			}
		}
	}
	if len(warns) != 2 || !strings.Contains(warns[0], "leaves out columns with long values: note (--columns +note") {
		t.Errorf("warnings %q, want one per terminal table naming note", warns)
	}
}

// TestUniqueNames: repeated names become unique; tifa's own columns keep
// theirs; the JSON has no key twice.
func TestUniqueNames(t *testing.T) {
	opt := func(c Column) Column { c.Optional = true; return c }
	tb := &Table{Cols: []Column{Text("doc"), opt(Text("manifest_count")), opt(Text("manifest_count")), opt(Text("改革开放")),
		Int("chars"), Int("改革开放"), Int("改革开放_2"), Int("chars")}}
	tb.Add("a", "1", "2", "x", 10, 3, 4, 5)
	u, renamed := tb.uniqueNames()
	want := "doc,manifest_count,manifest_count_2,改革开放_3,chars,改革开放,改革开放_2,chars_2"
	if names(u) != want {
		t.Errorf("names %s, want %s", names(u), want)
	}
	if len(renamed) != 3 {
		t.Errorf("renamed %v", renamed)
	}
	if names(tb) == want {
		t.Error("uniqueNames changed its table")
	}
	var buf bytes.Buffer
	var warns []string
	if err := (Output{Stdout: &buf, Warn: func(m string) { warns = append(warns, m) }}).Write(FormatJSON, false, tb); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil || len(rows[0]) != 8 {
		t.Errorf("JSON: %v, %d keys: %s", err, len(rows[0]), buf.String())
	}
	if len(warns) != 3 || warns[0] != `the table has two columns named "manifest_count": the document's (manifest) column is written "manifest_count_2"` ||
		warns[2] != `the table has two columns named "chars": the later one is written "chars_2"` {
		t.Errorf("warnings %q", warns)
	}
}

// TestSeveralTables: CSV, TSV and JSON hold one table: to standard output
// several are refused with the way out, to -o NAME.csv they go to
// NAME.TABLE.csv; xlsx, Markdown and the terminal keep them together.
func TestSeveralTables(t *testing.T) {
	a := &Table{Name: "profile", Cols: []Column{Int("cluster")}, Rows: [][]any{{1}}}
	b := &Table{Name: "k", Cols: []Column{Int("k"), Float("silhouette", 3)}, Rows: [][]any{{2, 0.5}}}
	for _, f := range []string{FormatCSV, FormatTSV, FormatJSON} {
		var buf bytes.Buffer
		err := Output{Stdout: &buf}.Write(f, false, a, b)
		if err == nil || !strings.Contains(err.Error(), "2 tables (profile, k)") || !strings.Contains(err.Error(), "-o NAME."+f) || buf.Len() > 0 {
			t.Errorf("%s to stdout: %v (%d bytes)", f, err, buf.Len())
		}
	}
	for _, f := range []string{FormatTable, FormatMD, FormatXLSX} {
		var buf bytes.Buffer
		if err := (Output{Stdout: &buf}).Write(f, false, a, b); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, c := range []struct{ format, path, want string }{
		{FormatCSV, "out.csv", "out.profile.csv out.k.csv"},
		{FormatCSV, "out.CSV", "out.profile.csv out.k.csv"},
		{FormatTSV, "out.tab", "out.profile.tsv out.k.tsv"},
		{FormatJSON, "out", "out.profile.json out.k.json"},
		{FormatCSV, "dir.v2/out.txt", "dir.v2/out.txt.profile.csv dir.v2/out.txt.k.csv"},
	} {
		got, err := SplitPaths(c.format, c.path, Names(a, b))
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("SplitPaths(%s, %s) = %q, %v; want %s", c.format, c.path, got, err, c.want)
		}
	}
	if got := Names(a, &Table{}); !slices.Equal(got, []string{"profile", "table2"}) {
		t.Errorf("Names: %q", got)
	}
}

// FuzzParseColumns: any --columns value parses or is refused, never
// panics; what parses picks a subset of the columns in their order and
// keeps every column that is not optional.
func FuzzParseColumns(f *testing.F) {
	for _, s := range []string{"", "region,year", "+note,-level", "all,-note", "none,+year", " , ", "+", "-", "a,+b", "all,all", "区域,+备注"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		c, err := ParseColumns(spec)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if c.String() != spec {
			t.Fatalf("String() = %q, want %q", c.String(), spec)
		}
		for _, terminal := range []bool{false, true} {
			p, _ := c.pick(docTable(), terminal)
			got := p.header()
			for _, must := range []string{"doc", "slogan", "count"} {
				if !slices.Contains(got, must) {
					t.Fatalf("%q dropped %s: %q", spec, must, got)
				}
			}
			all := docTable().header()
			last := -1
			for _, n := range got {
				i := slices.Index(all, n)
				if i <= last {
					t.Fatalf("%q: columns %q out of order", spec, got)
				}
				last = i
			}
			for _, row := range p.Rows {
				if len(row) != len(got) {
					t.Fatalf("%q: a row of %d values for %d columns", spec, len(row), len(got))
				}
			}
		}
	})
}

// TestHiddenColumns: a hidden optional column (a place column outside tifa
// docs) appears only when --columns names it or says all.
func TestHiddenColumns(t *testing.T) {
	tb := docTable()
	tb.Cols = append(tb.Cols, Column{Name: "code", Kind: KindText, Optional: true, Hidden: true})
	for i := range tb.Rows {
		tb.Rows[i] = append(tb.Rows[i], "330000")
	}
	for spec, want := range map[string]bool{"": false, "-level": false, "+code": true, "code": true, "all": true, "all,-code": false, "none": false} {
		c, err := ParseColumns(spec)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := c.pick(tb, false)
		if got := slices.Contains(p.header(), "code"); got != want {
			t.Errorf("--columns %q: code shown %v, want %v", spec, got, want)
		}
	}
	if !slices.Contains(OptionalNames(tb), "code") {
		t.Error("OptionalNames leaves out a hidden column")
	}
}
