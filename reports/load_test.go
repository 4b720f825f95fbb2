package reports

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// fixture reads a synthetic report of testdata/load.
func loadFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "load", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// docSummary is what the loader tests compare: no text, no offsets.
type docSummary struct {
	ID, Region, Level string
	Year              int
	Sources           string // region/level/year sources
	Parts             string // parts of the sections, in order
	Warnings          []string
}

func summarizeDoc(d *Document) docSummary {
	var parts []string
	for _, s := range d.Sections {
		parts = append(parts, s.Part.String())
	}
	return docSummary{
		ID: d.ID, Region: d.Meta.Region, Level: d.Meta.Level, Year: d.Meta.Year,
		Sources:  d.Meta.RegionSource + "/" + d.Meta.LevelSource + "/" + d.Meta.YearSource,
		Parts:    strings.Join(parts, ","),
		Warnings: d.Warnings,
	}
}

// collect runs Each and returns the documents' summaries.
func collectDocs(t *testing.T, src *Source) []docSummary {
	t.Helper()
	var out []docSummary
	if err := src.Each(func(d *Document) error { out = append(out, summarizeDoc(d)); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSummaries(t *testing.T, got, want []docSummary) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents:\n%s\nwant:\n%s", dumpSummaries(got), dumpSummaries(want))
	}
}

func dumpSummaries(ds []docSummary) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "  %+v\n", d)
	}
	return b.String()
}

// warnings returns an Options whose Warn appends to *w.
func warnTo(w *[]string) Options {
	return Options{Warn: func(msg string) { *w = append(*w, msg) }}
}

func TestOpenFSManifest(t *testing.T) {
	fsys := fstest.MapFS{
		"c/manifest.csv": {Data: []byte("File,Region,Level,Year,note\n" +
			"浙江_2025.txt,浙江,province,2025,n1\n" +
			"sub/店口镇-2020.txt,店口镇,,2019,n2\n" +
			"缺失_2024.txt,缺失县,county,2024,\n")},
		"c/浙江_2025.txt":          {Data: loadFixture(t, "basic/浙江_2025.txt")},
		"c/sub/店口镇-2020.txt":     {Data: loadFixture(t, "basic/sub/店口镇-2020.txt")},
		"c/温州市_2023.md":          {Data: loadFixture(t, "basic/浙江_2025.txt")},
		"c/.hidden/温州市_2022.txt": {Data: []byte("隐藏")},
		"c/._温州市_2021.txt":       {Data: []byte("隐藏")},
		"c/notes.csv":            {Data: []byte("a,b\n")},
		"c/scan.PDF":             {Data: []byte("%PDF")},
	}
	var w []string
	src, err := OpenFS(fsys, "c", warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"c/manifest.csv:4: 缺失_2024.txt: no such file"}; !reflect.DeepEqual(w, want) {
		t.Errorf("warnings %q, want %q", w, want)
	}
	// every other file is listed, with what it is
	var others []string
	for _, e := range src.Others() {
		others = append(others, fmt.Sprintf("%s %s %v: %s", e.ID, e.Format, e.Warned, e.Reason))
	}
	if want := []string{
		"._温州市_2021.txt system false: macOS resource fork (._ file)",
		".hidden hidden false: hidden folder: not read",
		"manifest.csv manifest false: manifest: metadata of the reports",
		"notes.csv data false: data file (.csv)",
	}; !reflect.DeepEqual(others, want) {
		t.Errorf("Others() = %q, want %q", others, want)
	}
	if want := []string{"c/scan.PDF", "c/sub/店口镇-2020.txt", "c/浙江_2025.txt", "c/温州市_2023.md"}; !reflect.DeepEqual(src.Files(), want) {
		t.Errorf("Files() = %q, want %q", src.Files(), want)
	}
	if want := []string{"note"}; !reflect.DeepEqual(src.ExtraColumns(), want) {
		t.Errorf("ExtraColumns() = %q, want %q", src.ExtraColumns(), want)
	}
	sameSummaries(t, collectDocs(t, src), []docSummary{
		{ID: "scan.PDF", Sources: "//", Warnings: []string{"not listed in c/manifest.csv",
			"not read: text file of an unknown type (.pdf); rename it to .txt to read it", "no region known", "no year known"}},
		{ID: "sub/店口镇-2020.txt", Region: "店口镇", Level: LevelTownship, Year: 2019, Sources: "manifest/suffix/manifest",
			Parts: "all,review,plan", Warnings: []string{
				"year: manifest says 2019, filename says 2020 (kept 2019)",
				"year: manifest says 2019, header says 2020 (kept 2019)"}},
		{ID: "浙江_2025.txt", Region: "浙江", Level: LevelProvince, Year: 2025, Sources: "manifest/manifest/manifest",
			Parts: "all,review,plan"},
		{ID: "温州市_2023.md", Region: "温州市", Level: LevelCity, Year: 2023, Sources: "filename/suffix/filename",
			Parts: "all,review,plan", Warnings: []string{
				"not listed in c/manifest.csv",
				"region: filename says 温州市, header says 浙江省 (kept 温州市)",
				"year: filename says 2023, header says 2025 (kept 2023)"}},
	})
	var extra []string
	_ = src.Each(func(d *Document) error { extra = append(extra, d.Meta.Extra["note"]); return nil })
	if want := []string{"", "n2", "n1", ""}; !reflect.DeepEqual(extra, want) {
		t.Errorf("Extra notes %q, want %q", extra, want)
	}
}

func TestOpenFSWithoutManifest(t *testing.T) {
	fsys := fstest.MapFS{
		"浙江_2025.txt":          {Data: loadFixture(t, "basic/浙江_2025.txt")},
		"a/001_dc56839f2a.txt": {Data: loadFixture(t, "basic/sub/店口镇-2020.txt")},
	}
	var w []string
	src, err := OpenFS(fsys, ".", warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 0 || len(src.ExtraColumns()) != 0 {
		t.Errorf("warnings %q, extra columns %q", w, src.ExtraColumns())
	}
	sameSummaries(t, collectDocs(t, src), []docSummary{
		{ID: "a/001_dc56839f2a.txt", Region: "店口镇", Level: LevelTownship, Year: 2020, Sources: "header/suffix/header", Parts: "all,review,plan"},
		{ID: "浙江_2025.txt", Region: "浙江", Level: LevelProvince, Year: 2025, Sources: "filename/suffix/filename", Parts: "all,review,plan"},
	})
}

func TestOpenFSFileRoot(t *testing.T) {
	fsys := fstest.MapFS{"x/浙江_2025.txt": {Data: loadFixture(t, "basic/浙江_2025.txt")}}
	src, err := OpenFS(fsys, "x/浙江_2025.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := collectDocs(t, src)
	if len(got) != 1 || got[0].ID != "x/浙江_2025.txt" || got[0].Year != 2025 {
		t.Errorf("got %+v", got)
	}
}

func TestOpenFSErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		root string
		opt  Options
		want string
		is   error
	}{
		{"missing root", fstest.MapFS{"a.txt": {}}, "nope", Options{}, "open nope: file does not exist", fs.ErrNotExist},
		{"no reports", fstest.MapFS{"d/a.csv": {}, "d/.h/b.txt": {}}, "d", Options{}, "d: no reports (.txt .md .html .htm .pdf .docx .doc .wps .rtf .ofd) found; not reports: d/.h (hidden folder: not read), d/a.csv (empty file)", nil},
		{"bad manifest", fstest.MapFS{"d/a.txt": {}, "d/manifest.csv": {Data: []byte("file,region,level,year\na.txt,浙江,省份,2025\n")}}, "d", Options{},
			`d/manifest.csv:2: unknown level "省份"`, ErrBadLevel},
		{"missing --meta", fstest.MapFS{"d/a.txt": {}}, "d", Options{Manifest: "m.csv"}, "open m.csv: file does not exist", fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OpenFS(tt.fsys, tt.root, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestEachUnreadableContent(t *testing.T) {
	// Empty and binary files are listed with a warning and no text; their
	// metadata still comes from the manifest and the file name.
	fsys := fstest.MapFS{
		"manifest.csv":  {Data: []byte("file,region,level,year\n空_2020.txt,空县,,2020\n")},
		"空_2020.txt":    {Data: nil},
		"二进制_2021.txt":  {Data: []byte("\x00\x01\x02PK\x03\x04")},
		"bom_2022.txt":  {Data: []byte("\xef\xbb\xbf")},
		"blank_2023.md": {Data: []byte(" \n\n")},
	}
	src, err := OpenFS(fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	if err := src.Each(func(d *Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // ID → a warning it must have
		"blank_2023.md": "no text left after cleaning",
		"bom_2022.txt":  "empty file",
		"二进制_2021.txt":  "binary",
		"空_2020.txt":    "empty file",
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(docs), len(want))
	}
	for _, d := range docs {
		w, ok := want[d.ID]
		if !ok {
			t.Errorf("unexpected document %s", d.ID)
			continue
		}
		if strings.TrimSpace(d.Text) != "" || d.Sections != nil {
			t.Errorf("%s: text %q, sections %v", d.ID, d.Text, d.Sections)
		}
		if !strings.Contains(strings.Join(d.Warnings, "; "), w) {
			t.Errorf("%s: warnings %q lack %q", d.ID, d.Warnings, w)
		}
	}
	if m := docs[len(docs)-1].Meta; m.Region != "空县" || m.Level != LevelCounty || m.Year != 2020 {
		t.Errorf("empty file meta %+v", m)
	}
}

func TestEachStopsOnError(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("甲")}, "b.txt": {Data: []byte("乙")}}
	src, err := OpenFS(fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	n := 0
	err = src.Each(func(*Document) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Each returned %v after %d calls", err, n)
	}
}

// TestIntegrationDecodeGB18030 depends on the real Decode.
func TestIntegrationDecodeGB18030(t *testing.T) {
	utf := loadFixture(t, "basic/浙江_2025.txt")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	src, err := OpenFS(fstest.MapFS{"浙江_2025.txt": {Data: gbk}}, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = src.Each(func(d *Document) error {
		if d.Encoding != "gb18030" || !strings.Contains(d.Text, "五水共治") || d.Meta.Year != 2025 {
			t.Errorf("encoding %q, year %d, text %.60q", d.Encoding, d.Meta.Year, d.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIntegrationBundle depends on the real Clean and SplitBundle: a
// scraped page of two reports becomes FILE#1 and FILE#2; a part's own
// header wins over the file's manifest row, which fills what the header
// does not say.
func TestIntegrationBundle(t *testing.T) {
	part := func(n int, behalf, review, plan string) string {
		return fmt.Sprintf("2023年政府部门工作汇报多篇篇%d\n各位代表：\n现在，我代表%s向大会报告工作，请予审议。\n", n, behalf) +
			review + "\n" + strings.Repeat(secFiller, 5) + plan + "\n" + strings.Repeat(secFiller, 5)
	}
	page := "文秘网 首页 工作汇报\n2023年政府部门工作汇报多篇2篇\n" +
		part(1, "凤都镇人民政府", "一、2022年工作回顾", "二、2023年工作安排") +
		part(2, "镇人民政府", "一、过去一年工作回顾", "二、今年工作安排")
	fsys := fstest.MapFS{
		"manifest.csv": {Data: []byte("file,region,level,year\npage.txt,桐庐县,county,2021\n")},
		"page.txt":     {Data: []byte(page)},
	}
	src, err := OpenFS(fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameSummaries(t, collectDocs(t, src), []docSummary{
		{ID: "page.txt#1", Region: "凤都镇", Level: LevelTownship, Year: 2023, Sources: "header/suffix/header", Parts: "all,review,plan",
			Warnings: []string{
				"region: header says 凤都镇, manifest says 桐庐县 (kept 凤都镇)",
				"year: header says 2023, manifest says 2021 (kept 2023)"}},
		{ID: "page.txt#2", Region: "桐庐县", Level: LevelCounty, Year: 2021, Sources: "manifest/manifest/manifest", Parts: "all,review,plan"},
	})
}

func TestOpen(t *testing.T) {
	var w []string
	src, err := Open([]string{"testdata/load/basic"}, warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join("testdata", "load", "basic", "manifest.csv") + ":4: 缺失_2024.txt: no such file"}; !reflect.DeepEqual(w, want) {
		t.Errorf("warnings %q, want %q", w, want)
	}
	wantFiles := []string{filepath.Join("testdata", "load", "basic", "sub", "店口镇-2020.txt"), filepath.Join("testdata", "load", "basic", "浙江_2025.txt")}
	if !reflect.DeepEqual(src.Files(), wantFiles) {
		t.Errorf("Files() = %q, want %q", src.Files(), wantFiles)
	}
	sameSummaries(t, collectDocs(t, src), []docSummary{
		{ID: "sub/店口镇-2020.txt", Region: "店口镇", Level: LevelTownship, Year: 2020, Sources: "manifest/manifest/manifest", Parts: "all,review,plan"},
		{ID: "浙江_2025.txt", Region: "浙江", Level: LevelProvince, Year: 2025, Sources: "manifest/manifest/manifest", Parts: "all,review,plan"},
	})
}

func TestOpenMetaFlag(t *testing.T) {
	// --meta wins over the directory's manifest.csv; its paths are relative
	// to its own directory; a file argument is matched too.
	var w []string
	opt := warnTo(&w)
	opt.Manifest = "testdata/load/meta.csv"
	file := filepath.Join("testdata", "load", "basic", "浙江_2025.txt")
	src, err := Open([]string{"testdata/load/basic/sub", file}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 0 {
		t.Errorf("warnings %q", w)
	}
	if want := []string{"batch"}; !reflect.DeepEqual(src.ExtraColumns(), want) {
		t.Errorf("ExtraColumns() = %q", src.ExtraColumns())
	}
	sameSummaries(t, collectDocs(t, src), []docSummary{
		{ID: "店口镇-2020.txt", Region: "诸暨市店口镇", Level: LevelTownship, Year: 2019, Sources: "manifest/suffix/manifest", Parts: "all,review,plan",
			Warnings: []string{
				"year: manifest says 2019, filename says 2020 (kept 2019)",
				"year: manifest says 2019, header says 2020 (kept 2019)"}},
		{ID: file, Region: "浙江", Level: LevelProvince, Year: 2025, Sources: "manifest/manifest/manifest", Parts: "all,review,plan"},
	})
}

func TestOpenErrors(t *testing.T) {
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "manifest.csv"), []byte("file,region,level,year\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		opt   Options
		want  string
	}{
		{"missing path", []string{"testdata/load/nope"}, Options{}, "open testdata/load/nope: no such file or directory"},
		{"no reports", []string{empty}, Options{}, empty + ": no reports (.txt .md .html .htm .pdf .docx .doc .wps .rtf .ofd) found"},
		{"missing --meta", []string{"testdata/load/basic"}, Options{Manifest: "testdata/load/nope.csv"}, "open testdata/load/nope.csv: no such file or directory"},
		{"no paths", nil, Options{}, "no reports given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.paths, tt.opt)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestOpenUnreadable(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("甲"), 0o000); err != nil {
		t.Fatal(err)
	}
	src, err := Open([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Until issue 14 a file that could not be read stopped the run; now it
	// is listed with its problem, as any other odd entry.
	var docs []*Document
	err = src.Each(func(d *Document) error { docs = append(docs, d); return nil })
	if err != nil || len(docs) != 1 || docs[0].Text != "" || len(docs[0].Warnings) == 0 || docs[0].Warnings[0] != "not read: permission denied" {
		t.Errorf("Each = %v, documents %+v, want one without text, warned \"not read: permission denied\"", err, docs)
	}
}

func TestOpenStdin(t *testing.T) {
	var w []string
	opt := warnTo(&w)
	opt.Stdin = strings.NewReader(string(loadFixture(t, "basic/浙江_2025.txt")))
	src, err := Open([]string{"-", "-"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"-: standard input given twice, read once"}; !reflect.DeepEqual(w, want) {
		t.Errorf("warnings %q", w)
	}
	for range 2 { // standard input is read once and kept for a second pass
		sameSummaries(t, collectDocs(t, src), []docSummary{
			{ID: "-", Region: "浙江", Level: LevelProvince, Year: 2025, Sources: "header/suffix/header", Parts: "all,review,plan"},
		})
	}
}

func TestOpenSameFileTwice(t *testing.T) {
	var w []string
	file := filepath.Join("testdata", "load", "basic", "浙江_2025.txt")
	src, err := Open([]string{file, "testdata/load/basic"}, warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Files()) != 2 || len(w) != 2 || !strings.Contains(strings.Join(w, "\n"), "given twice") {
		t.Errorf("files %q, warnings %q", src.Files(), w)
	}
}

func TestResolveMeta(t *testing.T) {
	man := Meta{Region: "浙江", Year: 2019, RegionSource: SourceManifest, YearSource: SourceManifest, Extra: map[string]string{"a": "b"}}
	name := MetaFromFilename("浙江_2019.txt")
	head := MetaFromHeader("2020年江苏省政府工作报告")
	got, warns := ResolveMeta(man, name, head)
	want := Meta{Region: "浙江", Level: LevelProvince, Year: 2019, Extra: map[string]string{"a": "b"},
		RegionSource: SourceManifest, LevelSource: SourceSuffix, YearSource: SourceManifest}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveMeta = %+v, want %+v", got, want)
	}
	wantWarns := []string{
		"region: manifest says 浙江, header says 江苏省 (kept 浙江)",
		"year: manifest says 2019, header says 2020 (kept 2019)",
	}
	if !reflect.DeepEqual(warns, wantWarns) {
		t.Errorf("warnings %q, want %q", warns, wantWarns)
	}
	if got, warns := ResolveMeta(); !reflect.DeepEqual(got, Meta{}) || warns != nil {
		t.Errorf("ResolveMeta() = %+v, %q", got, warns)
	}
}

func TestResolveMetaShortProvince(t *testing.T) {
	for _, c := range []struct {
		region, level, want string
	}{
		{"河北省", "", "河北"},
		{"河北省", LevelProvince, "河北"},
		{"广西壮族自治区", "", "广西"},
		{"内蒙古自治区", LevelProvince, "内蒙古"},
		{"北京市", "", "北京"},
		{"吉林省", "", "吉林"},
		{"河北", LevelProvince, "河北"},
		{"保定市", "", "保定市"},         // a city keeps its name
		{"吉林市", LevelCity, "吉林市"},  // so does 吉林市
		{"香港特别行政区", "", "香港特别行政区"}, // no short form known
	} {
		m := Meta{Region: c.region, Level: c.level, RegionSource: SourceManifest}
		if c.level != "" {
			m.LevelSource = SourceManifest
		}
		if got, _ := ResolveMeta(m); got.Region != c.want {
			t.Errorf("%s (%s): region %q, want %q", c.region, c.level, got.Region, c.want)
		}
	}
}

func ExampleOpenFS() {
	fsys := fstest.MapFS{
		"reports/manifest.csv": {Data: []byte("file,region,level,year\n店口镇-2020.txt,店口镇,township,2020\n")},
		"reports/店口镇-2020.txt": {Data: []byte("店口镇2020年度政府工作报告\n一、2019年工作回顾\n全镇生产总值增长。\n二、2020年主要工作\n稳企业、增动能。\n")},
	}
	src, err := OpenFS(fsys, "reports", Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = src.Each(func(d *Document) error {
		fmt.Println(d.ID, d.Meta.Region, d.Meta.Level, d.Meta.Year)
		for _, s := range d.Sections {
			fmt.Printf("%s: %q\n", s.Part, s.Heading)
		}
		return nil
	})
	// Output:
	// 店口镇-2020.txt 店口镇 township 2020
	// all: ""
	// review: "一、2019年工作回顾"
	// plan: "二、2020年主要工作"
}

// ExampleSource_EachContext reads on four goroutines and stops at the
// first document without a year: fn still sees the documents in order.
func ExampleSource_EachContext() {
	fsys := fstest.MapFS{
		"甲县_2019.txt": {Data: []byte("甲县2019年政府工作报告\n各位代表：\n")},
		"乙县_2020.txt": {Data: []byte("乙县2020年政府工作报告\n各位代表：\n")},
		"丙县.txt":      {Data: []byte("丙县政府工作报告\n各位代表：\n")},
		"丁县_2022.txt": {Data: []byte("丁县2022年政府工作报告\n各位代表：\n")},
	}
	src, err := OpenFS(fsys, ".", Options{Workers: 4})
	if err != nil {
		fmt.Println(err)
		return
	}
	errNoYear := errors.New("no year")
	err = src.EachContext(context.Background(), func(d *Document) error {
		if d.Meta.Year == 0 {
			return fmt.Errorf("%s: %w", d.ID, errNoYear)
		}
		fmt.Println(d.ID, d.Meta.Region, d.Meta.Year)
		return nil
	})
	fmt.Println(err)
	// Output:
	// 丁县_2022.txt 丁县 2022
	// 丙县.txt: no year
}

// loadSharedDir returns the real data shared beside the repository
// (/work/shared), skipping the test when it is absent.
func loadSharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real data not available: %v", err)
	}
	return dir
}

// TestAcceptanceSeeds reads the five scraped seed reports with the real
// Decode, Clean and SplitBundle, and expects every region and year their
// headers state (years by MetaFromHeader's rule) and nothing more.
func TestAcceptanceSeeds(t *testing.T) {
	dir := loadSharedDir(t, "seeds")
	var w []string
	docs, _, err := Load([]string{dir}, warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
	type want struct {
		region string
		year   int
	}
	wants := map[string]want{
		"000_1339a34855a0b592.txt":   {"", 0}, // 20xx年, 镇
		"001_dc56839f2adf1e3c.txt#1": {"", 0}, // 我代表区政府
		// #2–#9: 一、2023年工作回顾 then 二、2023年工作安排, in reports that
		// say 今年是全面贯彻党的二十大精神的开局之年: the plan's year wins
		// (issue 14, item 27; they were dated 2024).
		"001_dc56839f2adf1e3c.txt#2": {"黎里镇", 2023}, // 我代表黎里镇人民政府
		"001_dc56839f2adf1e3c.txt#3": {"", 2023},
		"001_dc56839f2adf1e3c.txt#4": {"", 2023}, // 我代表xx区人民政府
		"001_dc56839f2adf1e3c.txt#5": {"", 2023},
		"001_dc56839f2adf1e3c.txt#6": {"岱西镇", 2023},
		"001_dc56839f2adf1e3c.txt#7": {"", 2023},
		"001_dc56839f2adf1e3c.txt#8": {"", 2023},
		"001_dc56839f2adf1e3c.txt#9": {"", 2023},
		"002_cc03cb1b8fd4d28d.txt":   {"", 0},       // xxxx年, xx镇
		"003_ccb6b2be2e90b3b5.txt":   {"", 2021},    // 2020年度某街道工作总结和2021年度工作思路
		"004_8e0279829cf70102.txt":   {"店口镇", 2020}, // 发布机构 店口镇, 成文日期 2020-11-04
	}
	if len(docs) != len(wants) {
		for _, d := range docs {
			t.Logf("%s", d.ID)
		}
		t.Fatalf("got %d documents, want %d", len(docs), len(wants))
	}
	for _, d := range docs {
		w, ok := wants[d.ID]
		if !ok {
			t.Errorf("unexpected document %s", d.ID)
			continue
		}
		if d.Meta.Region != w.region || d.Meta.Year != w.year {
			t.Errorf("%s: %q %d, want %q %d", d.ID, d.Meta.Region, d.Meta.Year, w.region, w.year)
		}
		checkSections(t, d.Text, d.Sections)
		if review, plan := len(d.Spans(PartReview)), len(d.Spans(PartPlan)); d.ID != "001_dc56839f2adf1e3c.txt#1" && (review == 0 || plan == 0) {
			t.Errorf("%s: %d review and %d plan sections", d.ID, review, plan)
		}
	}
	if d := docs[len(docs)-1]; d.Meta.Level != LevelTownship {
		t.Errorf("%s: level %q", d.ID, d.Meta.Level)
	}
}

// TestAcceptanceCorpus reads the real corpus with its manifest: every
// document gets its region, level and year from the manifest, no warning
// concerns the run, and no header contradicts the manifest.
func TestAcceptanceCorpus(t *testing.T) {
	dir := loadSharedDir(t, "corpus")
	man, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	defer man.Close()
	m, err := ParseManifest(man, ManifestName, ".")
	if err != nil {
		t.Fatal(err)
	}
	var w []string
	src, err := Open([]string{dir}, warnTo(&w))
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
	if want := []string{"source_repo", "source_path", "chars", "note"}; !reflect.DeepEqual(src.ExtraColumns(), want) {
		t.Errorf("ExtraColumns() = %q, want %q", src.ExtraColumns(), want)
	}
	n := 0
	err = src.Each(func(d *Document) error {
		n++
		row, ok := m.Lookup(d.ID)
		if !ok {
			t.Errorf("%s: not in the manifest", d.ID)
			return nil
		}
		got := d.Meta
		wantRegion := row.Meta.Region
		if row.Meta.Level == LevelProvince {
			wantRegion = ShortProvince(wantRegion) // 河北省 → 河北
		}
		if got.Region != wantRegion || got.Level != row.Meta.Level || got.Year != row.Meta.Year ||
			got.RegionSource+got.LevelSource+got.YearSource != SourceManifest+SourceManifest+SourceManifest ||
			got.Extra["source_repo"] != row.Meta.Extra["source_repo"] {
			t.Errorf("%s: meta %+v, want the manifest's %+v", d.ID, got, row.Meta)
		}
		for _, w := range d.Warnings {
			if strings.HasPrefix(w, "region:") || strings.HasPrefix(w, "year:") || strings.HasPrefix(w, "not listed") {
				t.Errorf("%s: %s", d.ID, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(m.Rows) || n != 383 {
		t.Errorf("read %d documents, manifest lists %d, want 383", n, len(m.Rows))
	}
}

// benchFS builds a file system of n synthetic reports with a manifest.
func benchFS(b *testing.B, n int) (fstest.MapFS, int64) {
	report := loadFixture(b, "basic/浙江_2025.txt")
	fsys := fstest.MapFS{}
	var man strings.Builder
	man.WriteString("file,region,level,year\n")
	var size int64
	for i := range n {
		name := fmt.Sprintf("r%03d_%d.txt", i, 2000+i%26)
		fsys[name] = &fstest.MapFile{Data: report}
		fmt.Fprintf(&man, "%s,浙江,province,%d\n", name, 2000+i%26)
		size += int64(len(report))
	}
	fsys[ManifestName] = &fstest.MapFile{Data: []byte(man.String())}
	return fsys, size
}

// BenchmarkEach reads n synthetic reports with 1 and 2 workers: the ratio
// of the two is the speed-up of the parallel reading.
func BenchmarkEach(b *testing.B) {
	for _, n := range []int{30, 300} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%d/workers=%d", n, workers), func(b *testing.B) {
				fsys, size := benchFS(b, n)
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					src, err := OpenFS(fsys, ".", Options{Workers: workers})
					if err != nil {
						b.Fatal(err)
					}
					docs := 0
					err = src.Each(func(d *Document) error {
						if d.Meta.Year == 0 || len(d.Sections) != 3 || d.ID != fmt.Sprintf("r%03d_%d.txt", docs, 2000+docs%26) {
							b.Fatalf("%s: year %d, %d sections (document %d)", d.ID, d.Meta.Year, len(d.Sections), docs)
						}
						docs++
						return nil
					})
					if err != nil || docs != n {
						b.Fatalf("%d documents, %v", docs, err)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}

// fullDocs reads every document of src with workers goroutines.
func fullDocs(t *testing.T, open func(Options) (*Source, error), workers int) []*Document {
	t.Helper()
	src, err := open(Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	if err := src.Each(func(d *Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	return docs
}

// waitGoroutines fails t when, within two seconds, the number of goroutines
// has not come back to before (a goroutine may take a moment to exit after
// its WaitGroup.Done).
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	after := runtime.NumGoroutine()
	for deadline := time.Now().Add(2 * time.Second); after > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		after = runtime.NumGoroutine()
	}
	if after > before {
		t.Errorf("%d goroutines after Each, %d before", after, before)
	}
}

// manyFS holds n small reports, every fifth a bundle of two.
func manyFS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range n {
		text := fmt.Sprintf("%d年甲县政府工作报告\n一、%d年工作回顾\n%s二、%d年工作安排\n%s", 2000+i, 1999+i, strings.Repeat(secFiller, 3), 2000+i, strings.Repeat(secFiller, 3))
		if i%5 == 0 {
			text = fmt.Sprintf("汇编多篇\n篇1\n%s\n篇2\n%s", text, text)
		}
		fsys[fmt.Sprintf("r%03d.txt", i)] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestEachWorkersSameDocuments: the documents, whole, do not depend on the
// number of workers, on synthetic files and on the real corpus.
func TestEachWorkersSameDocuments(t *testing.T) {
	fsys := manyFS(40)
	opens := map[string]func(Options) (*Source, error){
		"synthetic": func(o Options) (*Source, error) { return OpenFS(fsys, ".", o) },
	}
	if dir := filepath.Join("..", "..", "shared", "corpus"); !testing.Short() {
		if _, err := os.Stat(dir); err == nil {
			opens["corpus"] = func(o Options) (*Source, error) { return Open([]string{dir}, o) }
		}
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			want := fullDocs(t, open, 1)
			if len(want) == 0 {
				t.Fatal("no documents")
			}
			for _, workers := range []int{2, 4, 0} {
				if got := fullDocs(t, open, workers); !reflect.DeepEqual(got, want) {
					t.Errorf("workers %d: documents differ from one worker's", workers)
				}
			}
		})
	}
}

// TestEachWork: fn gets each document, in the order Each gives them
// (bundles included), with work's result on that very document, whatever
// the number of workers; a stop from fn stops the walk as in Each.
func TestEachWork(t *testing.T) {
	fsys := manyFS(30)
	var want []string
	src, err := OpenFS(fsys, ".", Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Each(func(d *Document) error { want = append(want, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	work := func(d *Document) any { return d.ID + "|" + strconv.Itoa(len(d.Text)) }
	for _, workers := range []int{1, 3} {
		src, err := OpenFS(fsys, ".", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		err = src.EachWork(context.Background(), work, func(d *Document, v any) error {
			if v != work(d) {
				return fmt.Errorf("%s: work gave %v", d.ID, v)
			}
			got = append(got, d.ID)
			return nil
		})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("workers %d: %v\n%v\nwant %v", workers, err, got, want)
		}
		stop := errors.New("stop")
		n := 0
		err = src.EachWork(context.Background(), work, func(*Document, any) error {
			if n++; n == 4 {
				return stop
			}
			return nil
		})
		if err != stop || n != 4 {
			t.Errorf("workers %d: stopped after %d with %v", workers, n, err)
		}
	}
}

func TestEachHashAndBundleIndex(t *testing.T) {
	fsys := manyFS(6)
	docs := fullDocs(t, func(o Options) (*Source, error) { return OpenFS(fsys, ".", o) }, 3)
	var got []string
	for _, d := range docs {
		sum := sha256.Sum256(fsys[d.Path].Data)
		if d.Hash != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: hash %s, want the SHA-256 of %s", d.ID, d.Hash, d.Path)
		}
		got = append(got, fmt.Sprintf("%s:%d", d.ID, d.BundleIndex))
	}
	want := "r000.txt#1:1 r000.txt#2:2 r001.txt:0 r002.txt:0 r003.txt:0 r004.txt:0 r005.txt#1:1 r005.txt#2:2"
	if strings.Join(got, " ") != want {
		t.Errorf("documents %s, want %s", strings.Join(got, " "), want)
	}
}

func TestEachParallelStopsOnError(t *testing.T) {
	fsys := manyFS(40)
	before := runtime.NumGoroutine()
	stop := errors.New("stop")
	for _, workers := range []int{1, 2, 4} {
		src, err := OpenFS(fsys, ".", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		err = src.Each(func(d *Document) error {
			ids = append(ids, d.ID)
			if len(ids) == 9 {
				return stop
			}
			return nil
		})
		// r000 and r005 are bundles of two: the 9th document is r006.txt.
		if !errors.Is(err, stop) || len(ids) != 9 || ids[8] != "r006.txt" {
			t.Errorf("workers %d: %v after %q", workers, err, ids)
		}
	}
	waitGoroutines(t, before)
}

func TestEachContextCancel(t *testing.T) {
	fsys := manyFS(40)
	before := runtime.NumGoroutine()
	for _, workers := range []int{1, 3} {
		src, err := OpenFS(fsys, ".", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		err = src.EachContext(ctx, func(d *Document) error {
			calls++
			if calls == 5 {
				cancel() // as Ctrl-C would, from another goroutine
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 5 {
			t.Errorf("workers %d: %v after %d calls, want %v after 5", workers, err, calls, context.Canceled)
		}
		cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src, _ := OpenFS(fsys, ".", Options{Workers: 2})
	if err := src.EachContext(ctx, func(*Document) error { t.Error("fn called after cancel"); return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the start: %v", err)
	}
	waitGoroutines(t, before)
}

// countingFS counts the files opened.
type countingFS struct {
	fstest.MapFS
	opened atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".txt") {
		c.opened.Add(1)
	}
	return c.MapFS.Open(name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	if strings.HasSuffix(name, ".txt") {
		c.opened.Add(1)
	}
	return c.MapFS.ReadFile(name)
}

// TestEachBoundedAhead: while fn works on file i, workers have opened at
// most 2×workers files beyond the i already passed, however slow fn is.
func TestEachBoundedAhead(t *testing.T) {
	fsys := &countingFS{MapFS: manyFS(30)}
	const workers = 2
	src, err := OpenFS(fsys, ".", Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	files, last := 0, ""
	err = src.Each(func(d *Document) error {
		if d.Path != last {
			files, last = files+1, d.Path
		}
		time.Sleep(2 * time.Millisecond) // let the workers run ahead
		if n := fsys.opened.Load(); n > int64(files-1+2*workers) {
			return fmt.Errorf("at file %d, %d files opened", files, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := fsys.opened.Load(); n != 30 {
		t.Errorf("%d files opened, want 30", n)
	}
}

// failingFS fails to open one file (reports are read through Open, so
// that their type and size are checked on the open file).
type failingFS struct {
	fstest.MapFS
	bad string
	err error
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: f.err}
	}
	return f.MapFS.Open(name)
}

// TestEachParallelReadError: with several workers, an error that stops
// the run (out of file descriptors) comes after the documents before the
// file, as with one; one that concerns the file (permission denied, an
// I/O error) lists it, and the run goes on.
func TestEachParallelReadError(t *testing.T) {
	for _, workers := range []int{1, 3} {
		fsys := failingFS{MapFS: manyFS(12), bad: "r007.txt", err: syscall.EMFILE}
		src, err := OpenFS(fsys, ".", Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		err = src.Each(func(*Document) error { n++; return nil })
		// r000 and r005 are bundles of two: 9 documents come before r007.
		if want := "read r007.txt: too many open files"; err == nil || err.Error() != want || !errors.Is(err, syscall.EMFILE) || n != 9 {
			t.Errorf("workers %d: error %v after %d documents, want %q after 9", workers, err, n, want)
		}
		for _, e := range []error{fs.ErrPermission, syscall.EIO} {
			fsys.err = e
			src, err := OpenFS(fsys, ".", Options{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			var warned []string
			n := 0
			err = src.Each(func(d *Document) error {
				n++
				if d.ID == "r007.txt" {
					warned = d.Warnings
				}
				return nil
			})
			if err != nil || n != 15 || len(warned) == 0 || warned[0] != "not read: "+e.Error() {
				t.Errorf("workers %d, %v: error %v, %d documents, r007.txt warned %q; want 15 documents, r007.txt \"not read: %v\"", workers, e, err, n, warned, e)
			}
		}
	}
}

// BenchmarkEachCorpus reads the real corpus beside the repository with 1
// and 2 workers (skipped when it is absent): the ratio is the speed-up of
// the parallel reading on real reports.
func BenchmarkEachCorpus(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("../shared/corpus not present")
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var size int64
			for b.Loop() {
				src, err := Open([]string{dir}, Options{Workers: workers})
				if err != nil {
					b.Fatal(err)
				}
				docs, bytes := 0, 0
				err = src.Each(func(d *Document) error { docs++; bytes += len(d.Text); return nil })
				if err != nil || docs != 383 {
					b.Fatalf("%d documents, %v", docs, err)
				}
				size = int64(bytes)
			}
			b.SetBytes(size)
			b.ReportMetric(383*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// TestParentManifest opens a subfolder of a corpus whose manifest.csv sits
// one folder up: its rows apply, with a warning saying which manifest is
// used; a manifest above that lists nothing inside the folder is ignored.
func TestParentManifest(t *testing.T) {
	root := t.TempDir()
	body := "各位代表：\n一、2019年工作回顾\n" + strings.Repeat("我们坚持稳中求进，推动乡村振兴。", 40) + "\n二、2020年工作安排\n" + strings.Repeat("推进共同富裕。", 40)
	for _, f := range []string{"sub/a.txt", "other/b.txt"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest := "file,region,level,year\nsub/a.txt,云溪镇,township,2020\n"
	if err := os.WriteFile(filepath.Join(root, ManifestName), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	var warns []string
	docs, _, err := Load([]string{filepath.Join(root, "sub")}, Options{Warn: func(m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Meta.Region != "云溪镇" || docs[0].Meta.Year != 2020 || docs[0].Meta.RegionSource != SourceManifest {
		t.Fatalf("sub/a.txt: %+v, want the parent manifest's row", docs[0].Meta)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "using") {
		t.Errorf("warnings %q, want one naming the parent manifest", warns)
	}
	warns = nil
	docs, _, err = Load([]string{filepath.Join(root, "other")}, Options{Warn: func(m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Meta.RegionSource == SourceManifest || len(warns) != 0 {
		t.Errorf("other/b.txt: meta %+v, warnings %q; the parent manifest lists nothing there", docs[0].Meta, warns)
	}
}
