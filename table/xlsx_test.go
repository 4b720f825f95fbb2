package table

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXCells writes a table directly: strings (inline, as streamed) that look like numbers,
// dates or formulas stay text; missing values are empty cells; floats keep
// the value the CSV writes and show the column's decimals.
func TestXLSXCells(t *testing.T) {
	tb := &Table{Title: "Cells: a/b", Cols: []Column{Text("slogan"), Int("year"), Int("n"), Float("x", 2), Float("r", 0)}}
	texts := []string{"1+N", "2025", "0012", "2025-01-01", "=SUM(B2:B3)", "3.14", "TRUE", "1e5", " lead", ""}
	for i, s := range texts {
		tb.Add(s, i*1000, i-3, float64(i)/3, float64(i)*1.5)
	}
	tb.Add("nil", nil, nil, nil, nil)
	var buf bytes.Buffer
	p := Provenance{Version: "test", Date: "2023-11-14"}
	if err := renderXLSX(&buf, p, []*Table{tb}, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "Cells_ a_b"
	for i, s := range texts {
		r := strconv.Itoa(i + 2)
		if got, _ := f.GetCellValue(sheet, "A"+r, excelize.Options{RawCellValue: true}); got != s {
			t.Errorf("A%s: %q, want %q", r, got, s)
		}
		if typ, _ := f.GetCellType(sheet, "A"+r); s != "" && typ != excelize.CellTypeInlineString {
			t.Errorf("A%s %q: type %v, want text", r, s, typ)
		}
		wantYear := strconv.Itoa(i * 1000)
		if i == 0 {
			wantYear = "" // year 0 is unknown
		}
		for _, c := range []struct{ col, want string }{
			{"B", wantYear},
			{"C", strconv.Itoa(i - 3)},
			{"D", strconv.FormatFloat(float64(i)/3, 'f', 2, 64)},
			{"E", strconv.FormatFloat(float64(i)*1.5, 'f', 0, 64)},
		} {
			shown, _ := f.GetCellValue(sheet, c.col+r)
			raw, _ := f.GetCellValue(sheet, c.col+r, excelize.Options{RawCellValue: true})
			if shown != c.want || raw != strings.TrimSuffix(strings.TrimRight(c.want, "0"), ".") && raw != c.want {
				t.Errorf("%s%s: shows %q (raw %q), want %q", c.col, r, shown, raw, c.want)
			}
		}
	}
	last := strconv.Itoa(len(texts) + 2)
	for _, col := range []string{"B", "C", "D", "E"} {
		if got, _ := f.GetCellValue(sheet, col+last); got != "" {
			t.Errorf("%s%s: %q, want an empty cell for nil", col, last, got)
		}
	}
}

func TestSheetNames(t *testing.T) {
	for _, c := range []struct {
		name   string
		titles []string
		want   []string
	}{
		{"plain", []string{"Slogan counts"}, []string{"Slogan counts"}},
		{"empty", []string{"", ""}, []string{"Table 1", "Table 2"}},
		{"invalid characters", []string{"A: x/y [1]*?\\'q'"}, []string{"A_ x_y _1_____q_"}},
		{"too long", []string{"Cluster profiles (kmeans, k=3, mean silhouette 0.412)"}, []string{"Cluster profiles"}},
		{"words", []string{"Mentions of 乡村振兴 in every report of the year"}, []string{"Mentions of 乡村振兴 in every"}},
		{"colon", []string{"Similarity: the documents closest to 云溪镇_2020.txt"}, []string{"Similarity"}},
		{"dash", []string{"1. tifa docs — the reports found, metadata and sections"}, []string{"1. tifa docs"}},
		{"short with dash", []string{"a — b"}, []string{"a — b"}},
		{"duplicates", []string{"Members", "members", "Members"}, []string{"Members", "members (2)", "Members (3)"}},
		{"long duplicates", []string{strings.Repeat("x", 40), strings.Repeat("x", 35)}, []string{strings.Repeat("x", 31), strings.Repeat("x", 27) + " (2)"}},
		{"about taken", []string{"About"}, []string{"About (2)"}},
		{"chinese", []string{"与云溪镇_2020.txt的相似度，按余弦相似度从高到低排列的全部结果表格"}, []string{"与云溪镇_2020.txt的相似度，按余弦相似度从高到低排列的"}},
		{"astral", []string{strings.Repeat("𠀀", 20)}, []string{strings.Repeat("𠀀", 15)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tables []*Table
			for _, s := range c.titles {
				tables = append(tables, &Table{Title: s})
			}
			got := sheetNames(tables)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("sheetNames(%q) = %q, want %q", c.titles, got, c.want)
			}
			for _, n := range got {
				if countUTF16(n) > maxSheetName {
					t.Errorf("%q: %d UTF-16 units", n, countUTF16(n))
				}
			}
		})
	}
}

func TestTextWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{{"", 0}, {"count", 5}, {"乡村振兴", 8}, {"ＡＢ", 4}, {"ab乡", 4}} {
		if got := textWidth(c.s); got != c.want {
			t.Errorf("textWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// TestXLSXTooLarge: a table wider than a sheet is an error naming -f csv,
// not a workbook cut short.
func TestXLSXTooLarge(t *testing.T) {
	wide := &Table{Title: "Cosine similarity"}
	for i := 0; i <= excelize.MaxColumns; i++ {
		wide.Cols = append(wide.Cols, Int(strconv.Itoa(i)))
	}
	err := renderXLSX(io.Discard, Provenance{Date: "2023-11-14"}, []*Table{wide}, nil)
	if err == nil || !strings.Contains(err.Error(), "use -f csv") {
		t.Errorf("error %v, want one saying use -f csv", err)
	}
	// generated rows are counted, not collected, before they are refused
	long := &Table{Title: "Slogan counts", Cols: []Column{Int("n")}, Gen: func(add func(vals ...any) error) error {
		for i := range excelize.TotalRows {
			if err := add(i); err != nil {
				return err
			}
		}
		return nil
	}}
	var buf bytes.Buffer
	err = Output{Stdout: &buf}.Write(FormatXLSX, false, long)
	if err == nil || !strings.Contains(err.Error(), "1048576 rows") || buf.Len() != 0 {
		t.Errorf("error %v (%d bytes written), want one counting 1048576 rows", err, buf.Len())
	}
}

// TestXLSXLongCell: a text longer than an Excel cell holds is cut by
// Excel's rule and the cut is warned about, naming sheet, row and column;
// the about sheet gives the full title of a sheet whose name is shorter.
func TestXLSXLongCell(t *testing.T) {
	title := "Mentions of 乡村振兴 (kwic --width 40000, every report of the corpus)"
	tb := &Table{Title: title, Cols: []Column{Text("doc"), Text("left")}}
	tb.Add("a.txt", "short")
	tb.Add("b.txt", strings.Repeat("乡", excelize.TotalCellChars+10))
	tb.Add("c.txt", strings.Repeat("x", excelize.TotalCellChars+1))
	var buf bytes.Buffer
	var warns []string
	if err := renderXLSX(&buf, Provenance{Date: "2023-11-14"}, []*Table{tb}, func(m string) { warns = append(warns, m) }); err != nil {
		t.Fatal(err)
	}
	want := "xlsx sheet Mentions of 乡村振兴, row 3, column left: 32777 characters cut to the 32767 an Excel cell holds (and 1 more cells of the column); the CSV (-f csv) has them whole"
	if len(warns) != 1 || warns[0] != want {
		t.Errorf("warnings %q, want %q", warns, want)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Mentions of 乡村振兴", "B3"); countUTF16(v) != excelize.TotalCellChars {
		t.Errorf("B3 holds %d characters", countUTF16(v))
	}
	about, _ := f.GetRows("about")
	found := false
	for _, r := range about {
		found = found || len(r) == 2 && r[0] == "title: Mentions of 乡村振兴" && r[1] == title
	}
	if !found {
		t.Errorf("about has no full title: %q", about)
	}
}

// BenchmarkXLSX writes a sheet the size of tifa count on the shared corpus
// (23,000 rows × 11 columns), generated as count generates it; allocated
// bytes per op show what streaming saves (issue 17: the cell-by-cell
// workbook held 214 MB for it).
func BenchmarkXLSX(b *testing.B) {
	const rows = 23000
	cols := []Column{Text("doc"), Text("region"), Text("level"), Int("year"), Text("section"), Text("slogan"),
		Text("category"), Int("count"), Int("nested"), Float("per10k", 3), Text("note")}
	tb := &Table{Title: "Slogan counts", Cols: cols, Gen: func(add func(vals ...any) error) error {
		for i := range rows {
			if err := add("provincial/浙江_"+strconv.Itoa(2000+i%25)+".txt", "浙江", "province", 2000+i%25, "all",
				"乡村振兴", "rural", i%7, i%3, float64(i%1000)/7, ""); err != nil {
				return err
			}
		}
		return nil
	}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := renderXLSX(&buf, Provenance{Date: "2023-11-14"}, []*Table{tb}, nil); err != nil {
			b.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("PK")) || buf.Len() < 100_000 {
			b.Fatalf("not a workbook: %d bytes", buf.Len())
		}
	}
	b.SetBytes(int64(buf.Len()))
}
