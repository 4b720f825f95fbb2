package table

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestChooseFormat(t *testing.T) {
	for _, c := range []struct {
		flag, out string
		terminal  bool
		want      string // the format, or part of the error
	}{
		{"", "", true, FormatTable},
		{"", "", false, FormatCSV},
		{"", "-", true, FormatCSV},
		{"", "out.CSV", false, FormatCSV},
		{"", "out.tab", false, FormatTSV},
		{"", "out.markdown", false, FormatMD},
		{"", "results/out", false, FormatCSV}, // no extension: a FIFO, a device
		{"", "/dev/stdout", true, FormatCSV},
		{"", "out.xls", false, "tifa writes no .xls files; it writes .csv, .tsv (.tab), .json, .md (.markdown) and .xlsx"},
		{"", "out.parquet", false, "no .parquet files"},
		{"", "out.docx", false, "no .docx files"},
		{"", "out.txt", false, "-f table|csv|tsv|json|md|xlsx"},
		{"csv", "out.xlsx", false, "flag --format csv and -o out.xlsx disagree: a .xlsx file holds xlsx"},
		{"md", "out.csv", false, "disagree"},
		{"markdown", "out.md", false, FormatMD},
		{"table", "out.txt", false, FormatTable}, // unknown extension, format given
		{"xls", "", false, `unknown format "xls"`},
	} {
		got, err := ChooseFormat(c.flag, c.out, c.terminal)
		if err != nil {
			got = err.Error()
		}
		if got != c.want && (err == nil || !strings.Contains(got, c.want)) {
			t.Errorf("ChooseFormat(%q, %q, %v) = %q, want %q", c.flag, c.out, c.terminal, got, c.want)
		}
	}
}

// TestExcelSafe: with --bom (for Excel) text cells that Excel would run as
// a formula get an apostrophe, in CSV and TSV, with and without
// provenance; numbers (a negative count) do not; without --bom the CSV is
// faithful.
func TestExcelSafe(t *testing.T) {
	tb := &Table{Cols: []Column{Text("doc"), Text("=region"), Int("delta"), Float("x", 1)}}
	attacks := []string{`=HYPERLINK("//x.cn","乡村振兴")`, "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "乡村振兴", "a=b", ""}
	for _, a := range attacks {
		tb.Add(a, a, -3, -1.5)
	}
	p := &Provenance{Date: "2023-11-14"}
	for _, f := range []string{FormatCSV, FormatTSV} {
		for _, prov := range []*Provenance{nil, p} {
			for _, bom := range []bool{false, true} {
				var buf bytes.Buffer
				if err := (Output{Stdout: &buf, Prov: prov}).Write(f, bom, tb); err != nil {
					t.Fatal(err)
				}
				r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
				r.Comma = map[string]rune{FormatCSV: ',', FormatTSV: '\t'}[f]
				r.Comment = '#'
				r.LazyQuotes = true
				recs, err := r.ReadAll()
				if err != nil {
					t.Fatalf("%s: %v\n%s", f, err, buf.String())
				}
				if want := map[bool]string{false: "=region", true: "'=region"}[bom]; recs[0][1] != want {
					t.Errorf("%s bom %v: header %q, want %q", f, bom, recs[0][1], want)
				}
				for i, a := range attacks {
					want := a
					if bom && a != "" && strings.ContainsRune("=+-@\t\r", rune(a[0])) {
						want = "'" + a
					}
					if f == FormatTSV {
						want = strings.ReplaceAll(want, "\t", " ")
					}
					rec := recs[i+1]
					if rec[0] != want && !(a == "\rx" && rec[0] == strings.Replace(want, "\r", "\n", 1)) {
						t.Errorf("%s bom %v provenance %v: %q written %q, want %q", f, bom, prov != nil, a, rec[0], want)
					}
					if rec[2] != "-3" || rec[3] != "-1.5" {
						t.Errorf("%s bom %v: numbers %q %q", f, bom, rec[2], rec[3])
					}
				}
			}
		}
	}
}

// TestMarkdownEscapes: HTML in a cell or title is shown, never run; a
// pipe or backslash cannot open a cell.
func TestMarkdownEscapes(t *testing.T) {
	tb := &Table{Title: "<b>title</b>", Cols: []Column{Text("region"), Text("note")}}
	tb.Add("<script>alert(1)</script>", `a|b \| c & d`)
	var buf bytes.Buffer
	if err := Render(&buf, tb, FormatMD, false); err != nil {
		t.Fatal(err)
	}
	want := "### &lt;b&gt;title&lt;/b&gt;\n\n| region | note |\n| --- | --- |\n| &lt;script&gt;alert(1)&lt;/script&gt; | a\\|b \\\\\\| c &amp; d |\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestTerminalQuotes: control characters, bytes that are not UTF-8 and
// bidirectional controls in a cell (a file name) are escaped on a
// terminal; a list column is shortened there only.
func TestTerminalQuotes(t *testing.T) {
	tb := &Table{Title: "t\x1b[2J", Cols: []Column{Text("doc\x07"), {Name: "members", Kind: KindText, Preview: 2}}}
	tb.Add("a\x1b[31mred\n\xff\u202e.txt", "甲; 乙; 丙; 丁")
	var buf bytes.Buffer
	if err := Render(&buf, tb, FormatTable, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\x07\u202e") || strings.Contains(out, "\xff") {
		t.Errorf("raw control characters on the terminal: %q", out)
	}
	for _, want := range []string{`a\x1b[31mred\n\xff\u202e.txt`, `t\x1b[2J`, `doc\x07`, "甲; 乙; … (+2)"} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal table lacks %q:\n%s", want, out)
		}
	}
	buf.Reset()
	if err := Render(&buf, tb, FormatCSV, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "甲; 乙; 丙; 丁") {
		t.Errorf("the CSV cut a list: %s", buf.String())
	}
}
