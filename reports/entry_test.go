package reports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/infile/infiletest"
)

// hostileBody is a report long enough to have no warning of its own.
var hostileBody = "各位代表：\n一、2019年工作回顾\n" + strings.Repeat("我们坚持稳中求进，推动乡村振兴，经济社会发展取得新成效。\n", 20) +
	"过去一年，全县生产总值增长百分之六，城乡居民收入稳步增长，民生保障持续加强，生态环境明显改善。\n" +
	"二、2020年工作安排\n" + "今年是全面建成小康社会和十三五规划收官之年，我们要推进共同富裕，巩固脱贫攻坚成果。\n"

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenHostileEntries: each attack on a folder of reports, and what
// is expected. None may block, and none stops the run: the odd entry is
// reported to Options.Warn and listed as a document with no text and its
// problem as a warning, and the good report beside it is read.
func TestOpenHostileEntries(t *testing.T) {
	gbkName, err := simplifiedchinese.GBK.NewEncoder().String("浙江_2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		attack string
		setup  func(t *testing.T, dir string)
		opt    Options
		id     string // the document of the odd entry
		warn   string // in Options.Warn's messages and the document's warnings
		read   bool   // the entry is read after all (its name was the problem)
	}{
		{"a FIFO among the reports", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, "管道_2020.txt")) }, Options{},
			"管道_2020.txt", "not read: not a regular file: a named pipe (FIFO)", false},
		{"a FIFO named manifest.csv", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, ManifestName)) }, Options{},
			"", "manifest.csv: not a regular file: a named pipe (FIFO): skipped, as if absent", false},
		{"a *_2020.txt symlink to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "零_2020.txt")) }, Options{},
			"零_2020.txt", "not read: not a regular file: a character device", false},
		{"a dangling symlink", func(t *testing.T, dir string) { symlink(t, "gone.txt", filepath.Join(dir, "悬空_2020.txt")) }, Options{},
			"悬空_2020.txt", "not read: a symbolic link to gone.txt, which does not exist", false},
		{"a symlink loop", func(t *testing.T, dir string) { symlink(t, "环_2020.txt", filepath.Join(dir, "环_2020.txt")) }, Options{},
			"环_2020.txt", "not read: a symbolic link to 环_2020.txt that cannot be followed", false},
		{"a symlink named .txt to a folder", func(t *testing.T, dir string) { symlink(t, t.TempDir(), filepath.Join(dir, "目录_2020.txt")) }, Options{},
			"目录_2020.txt", "not read: not a regular file: a directory", false},
		{"a report over the size cap", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "大_2020.txt"), strings.Repeat("大", 2000))
		},
			Options{MaxBytes: 5000, MaxBytesFlag: "--max-size"},
			"大_2020.txt", "not read: file too large: 6 kB, over the limit of 5 kB (--max-size raises it)", false},
		{"a file name in GBK", func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, gbkName), hostileBody) }, Options{},
			"浙江_2025.txt", "file name is gb18030, not utf-8: read as 浙江_2025.txt", true},
		{"a file name with bytes of no encoding", func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "坏\xff\xfe_2020.txt"), hostileBody) }, Options{},
			`坏\xff\xfe_2020.txt`, `file name is not valid utf-8: shown as 坏\xff\xfe_2020.txt`, true},
		{"a file name with an escape sequence", func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "红\x1b[31m_2020.txt"), hostileBody) }, Options{},
			`红\x1b[31m_2020.txt`, `file name holds control or invisible characters: shown as 红\x1b[31m_2020.txt`, true},
		{"a file name reversed by U+202E", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "甲\u202etxt.exe_2020.txt"), hostileBody)
		}, Options{},
			`甲\u202etxt.exe_2020.txt`, `shown as 甲\u202etxt.exe_2020.txt`, true},
	}
	for _, tt := range tests {
		t.Run(tt.attack, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "易县_2020.txt"), hostileBody)
			tt.setup(t, dir)
			var warns []string
			opt := tt.opt
			opt.Warn = func(m string) { warns = append(warns, m) }
			var docs []*Document
			infiletest.Within(t, func() {
				docs, _, err = Load([]string{dir}, opt)
			})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var good, odd *Document
			for _, d := range docs {
				switch d.ID {
				case "易县_2020.txt":
					good = d
				case tt.id:
					odd = d
				}
			}
			if good == nil || clean.HanCount(good.Text) < 100 || len(good.Warnings) > 0 {
				t.Errorf("the good report was not read cleanly: %+v", good)
			}
			if tt.id == "" {
				if len(docs) != 1 || !strings.Contains(strings.Join(warns, "\n"), tt.warn) {
					t.Errorf("%d documents, warnings %q; want 1 and %q", len(docs), warns, tt.warn)
				}
				return
			}
			if len(docs) != 2 || odd == nil {
				t.Fatalf("documents %v, want the good one and %q", ids(docs), tt.id)
			}
			if !strings.Contains(strings.Join(odd.Warnings, "\n"), tt.warn) {
				t.Errorf("%s: warnings %q lack %q", odd.ID, odd.Warnings, tt.warn)
			}
			if tt.read != (clean.HanCount(odd.Text) > 100) {
				t.Errorf("%s: %d Chinese characters read, want read=%v", odd.ID, clean.HanCount(odd.Text), tt.read)
			}
			if !tt.read && !strings.Contains(strings.Join(warns, "\n"), tt.warn) {
				t.Errorf("Options.Warn got %q, want %q", warns, tt.warn)
			}
			if odd.Meta.Year != 2020 && odd.Meta.Year != 2025 {
				t.Errorf("%s: year %d: the file name's metadata is lost", odd.ID, odd.Meta.Year)
			}
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
}

func ids(docs []*Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

// TestOpenHostileManifest: a manifest named by --meta must be a regular
// file of at most ManifestMaxBytes; the error names it and says why.
func TestOpenHostileManifest(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "易县_2020.txt"), hostileBody)
	fifo := filepath.Join(dir, "fifo.csv")
	infiletest.FIFO(t, fifo)
	huge := filepath.Join(dir, "huge.csv")
	infiletest.Sparse(t, huge, []byte("file,region,level,year\n"), ManifestMaxBytes+1)
	infiletest.Refused(t, []infiletest.Case{
		{Attack: "--meta /dev/zero", Path: "/dev/zero", Want: "read /dev/zero: not a regular file: a character device", Is: infile.ErrNotRegular},
		{Attack: "--meta FIFO", Path: fifo, Want: "read " + fifo + ": not a regular file: a named pipe (FIFO)", Is: infile.ErrNotRegular},
		{Attack: "--meta huge", Path: huge, Want: "read " + huge + ": file too large: 64 MB, over the limit of 64 MB", Is: infile.ErrTooLarge},
		{Attack: "--meta folder", Path: dir, Want: "read " + dir + ": not a regular file: a directory", Is: infile.ErrNotRegular},
	}, func(meta string) error {
		_, err := Open([]string{dir}, Options{Manifest: meta})
		return err
	})
}

// TestOpenStdinCap: standard input is read up to the cap, not without
// limit, and a larger input is listed as too large.
func TestOpenStdinCap(t *testing.T) {
	opt := Options{Stdin: strings.NewReader(strings.Repeat("字", 1000)), MaxBytes: 100}
	docs, _, err := Load([]string{"-"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Text != "" || !strings.Contains(strings.Join(docs[0].Warnings, ";"), "not read: file too large: more than the limit of 100 B") {
		t.Errorf("documents %+v", docs)
	}
}

// TestOpenNamedFIFO: a FIFO named on the command line is listed, not
// waited on: piping goes through "-".
func TestOpenNamedFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "管道_2020.txt")
	infiletest.FIFO(t, p)
	var docs []*Document
	var err error
	infiletest.Within(t, func() { docs, _, err = Load([]string{p}, Options{}) })
	if err != nil || len(docs) != 1 || !strings.Contains(strings.Join(docs[0].Warnings, ";"), "named pipe") {
		t.Errorf("Load = %+v, %v", docs, err)
	}
}

// TestOpenUnreadableSubfolder: a subfolder that cannot be listed is
// reported and skipped; the rest is read.
func TestOpenUnreadableSubfolder(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root lists every folder")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "易县_2020.txt"), hostileBody)
	writeFile(t, filepath.Join(dir, "locked", "a.txt"), hostileBody)
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	var w []string
	docs, _, err := Load([]string{dir}, warnTo(&w))
	if err != nil || len(docs) != 1 || len(w) != 1 || !strings.Contains(w[0], "locked: permission denied: skipped") {
		t.Errorf("Load = %v, %v, warnings %q", ids(docs), err, w)
	}
}

func TestQuoteName(t *testing.T) {
	for in, want := range map[string]string{
		"浙江_2025.txt":        "浙江_2025.txt",
		"a\nb":               "a\\nb",
		"a\tb\r":             `a\tb\r`,
		"\x1b[2J":            `\x1b[2J`,
		"\x7f":               `\x7f`,
		"\u0085":             `\u0085`,
		"\xff\xfe":           `\xff\xfe`,
		"甲\u202e乙":           `甲\u202e乙`,
		"zero\u200bwidth":    `zero\u200bwidth`,
		`C:\reports\a.txt`:   `C:\reports\a.txt`,
		"emoji 😀 and 〇 stay": "emoji 😀 and 〇 stay",
	} {
		if got := QuoteName(in); got != want {
			t.Errorf("QuoteName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenFileFolderManifest: a file named alone takes the manifest a
// folder run on its folder takes (issue 14, item 18: 安国市_2020.txt named
// alone was level city, county in its folder).
func TestOpenFileFolderManifest(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "corpus", "hebei", "安国市_2020.txt"), hostileBody)
	writeFile(t, filepath.Join(root, "corpus", "hebei", "清苑区_2020.txt"), hostileBody)
	writeFile(t, filepath.Join(root, "corpus", ManifestName),
		"file,region,level,year,note\nhebei/安国市_2020.txt,安国市,county,2020,county-level city\n")
	writeFile(t, filepath.Join(root, "own", "安国市_2020.txt"), hostileBody)
	writeFile(t, filepath.Join(root, "own", ManifestName), "file,region,level,year\n安国市_2020.txt,安国市,county,2020\n")
	writeFile(t, filepath.Join(root, "own", "sub", "安国市_2020.txt"), hostileBody)
	writeFile(t, filepath.Join(root, "alone", "安国市_2020.txt"), hostileBody)
	file := filepath.Join(root, "corpus", "hebei", "安国市_2020.txt")
	other := filepath.Join(root, "corpus", "hebei", "清苑区_2020.txt")
	tests := []struct {
		name   string
		paths  []string
		opt    Options
		levels []string // per document
		warns  []string // Options.Warn's messages
		extra  []string
	}{
		{"a parent's manifest", []string{file}, Options{}, []string{LevelCounty},
			[]string{filepath.Join(root, "corpus", "hebei") + " has no manifest.csv: using " + filepath.Join(root, "corpus", "hebei", "..", ManifestName) + ", which lists its files"},
			[]string{"note"}},
		{"two files of one folder: one warning", []string{file, other}, Options{}, []string{LevelCounty, LevelDistrict},
			[]string{filepath.Join(root, "corpus", "hebei") + " has no manifest.csv: using " + filepath.Join(root, "corpus", "hebei", "..", ManifestName) + ", which lists its files"},
			[]string{"note"}},
		{"the folder's own manifest", []string{filepath.Join(root, "own", "安国市_2020.txt")}, Options{}, []string{LevelCounty}, nil, nil},
		{"a subfolder of a folder whose manifest lists nothing in it", []string{filepath.Join(root, "own", "sub", "安国市_2020.txt")}, Options{}, []string{LevelCity}, nil, nil},
		{"no manifest", []string{filepath.Join(root, "alone", "安国市_2020.txt")}, Options{}, []string{LevelCity}, nil, nil},
		{"--meta wins", []string{file}, Options{Manifest: filepath.Join(root, "own", ManifestName)}, []string{LevelCity}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w []string
			opt := tt.opt
			opt.Warn = func(m string) { w = append(w, m) }
			docs, src, err := Load(tt.paths, opt)
			if err != nil {
				t.Fatal(err)
			}
			var levels []string
			for _, d := range docs {
				levels = append(levels, d.Meta.Level)
			}
			if strings.Join(levels, ",") != strings.Join(tt.levels, ",") || strings.Join(w, "\n") != strings.Join(tt.warns, "\n") ||
				strings.Join(src.ExtraColumns(), ",") != strings.Join(tt.extra, ",") {
				t.Errorf("levels %q, warnings %q, extra columns %q;\nwant %q, %q, %q", levels, w, src.ExtraColumns(), tt.levels, tt.warns, tt.extra)
			}
		})
	}
}

// TestEachStrayByte: a report with a stray byte is read, with a warning
// giving the count and the first offset (issue 14, item 15).
func TestEachStrayByte(t *testing.T) {
	raw := []byte(hostileBody)
	at := strings.Index(hostileBody, "二、")
	raw = append(append(append([]byte(nil), raw[:at]...), 0xFF), raw[at:]...)
	docs, _, err := Load([]string{"-"}, Options{Stdin: strings.NewReader(string(raw))})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("1 byte sequences not valid utf-8, replaced by U+FFFD (the first at byte %d)", at)
	if len(docs) != 1 || clean.HanCount(docs[0].Text) < 500 || !slices.Contains(docs[0].Warnings, want) || docs[0].Encoding != "utf-8" {
		t.Errorf("documents %+v; want the text and the warning %q", docs, want)
	}
}

// TestManifestInvalidBytes: a manifest with a byte that is not valid in
// its encoding is an error naming its line and byte (23 + 19 + 6 bytes
// come before it).
func TestManifestInvalidBytes(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":        {Data: []byte(hostileBody)},
		"manifest.csv": {Data: []byte("file,region,level,year\na.txt,浙江,,2025\nb.txt,\xff江苏,,2024\n")},
	}
	_, err := OpenFS(fsys, ".", Options{})
	if want := "manifest.csv:3: undecodable: neither utf-8 nor gb18030 (byte 48 is not valid utf-8)"; err == nil || err.Error() != want || !errors.Is(err, decode.ErrEncoding) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestEachSkipsTifaOutputs: tifa's own outputs written into a folder of
// reports (report.html, a -f md table) are listed with a note and not
// counted on the next run (issue 14, item 16); a Markdown report with a
// table in its prose is read.
func TestEachSkipsTifaOutputs(t *testing.T) {
	// The head of a page as htmlreport writes it (htmlreport's
	// TestReportsSkipsPage checks that its pages are recognised).
	page := []byte("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"tifa\">\n<title>乡村振兴 in 2020</title>\n</head>\n<body>\n<p>" + strings.Repeat("乡村振兴。", 200) + "</p>\n")
	// The start of `tifa count -f md` as it writes it.
	md := "### Slogan counts\n\n| doc | region | slogan | count |\n| --- | --- | --- | ---: |\n| a_2020.txt | 甲县 | 乡村振兴 | 3 |\n\n" +
		"*Provenance* — command: `tifa count . -f md`; version: `0.9`\n"
	fsys := fstest.MapFS{
		"易县_2020.txt":         {Data: []byte(hostileBody)},
		"report.html":         {Data: page},
		"old/report.html":     {Data: []byte("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<title>乡村振兴</title>\n</head>\n<body>\n<pre id=\"errors\" hidden></pre>\n<p>" + strings.Repeat("乡村振兴。", 200) + "</p>\n")},
		"counts.md":           {Data: []byte(md)},
		"县长报告_2020.md":        {Data: []byte("# 政府工作报告\n\n" + hostileBody + "\n| 指标 | 目标 |\n| --- | --- |\n| 增长 | 6% |\n")},
		"saved/乡村振兴_2020.htm": {Data: []byte("<html><body><p>" + strings.ReplaceAll(hostileBody, "\n", "</p><p>") + "</p></body></html>")},
	}
	src, err := OpenFS(fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	if err := src.Each(func(d *Document) error {
		got[d.ID] = fmt.Sprintf("%d %s", clean.HanCount(d.Text), strings.Join(d.Warnings, "; "))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"report.html":     "0 not read: an HTML report written by tifa, not a report",
		"old/report.html": "0 not read: an HTML report written by tifa, not a report",
		"counts.md":       "0 not read: Markdown tables only, as tifa writes them, not a report",
	} {
		if !strings.HasPrefix(got[id], want) {
			t.Errorf("%s: %q, want %q…", id, got[id], want)
		}
	}
	for _, id := range []string{"易县_2020.txt", "县长报告_2020.md", "saved/乡村振兴_2020.htm"} {
		if n, _, _ := strings.Cut(got[id], " "); n == "0" || strings.Contains(got[id], "not read") {
			t.Errorf("%s: %q, want it read", id, got[id])
		}
	}
}

// FuzzQuoteName: a quoted name is valid UTF-8 without control, format or
// C1 characters, unchanged when it needed no quoting, and displayName
// never shows a name that needs quoting.
func FuzzQuoteName(f *testing.F) {
	for _, s := range []string{"浙江_2025.txt", "a\x1b[31mb", "\xff\xfe", "甲\u202e乙", "\xd5\xe3\xbd\xad_2025.txt", "a\\x41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		q := QuoteName(name)
		if !utf8.ValidString(q) || needsQuote(q) {
			t.Fatalf("QuoteName(%q) = %q: still needs quoting", name, q)
		}
		if !needsQuote(name) && q != name {
			t.Fatalf("QuoteName(%q) = %q: changed a plain name", name, q)
		}
		if shown, note := displayName(name); needsQuote(shown) || (shown != name) != (note != "") {
			t.Fatalf("displayName(%q) = %q, %q", name, shown, note)
		}
	})
}
