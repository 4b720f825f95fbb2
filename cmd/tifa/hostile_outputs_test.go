package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tifa-project/tifa/infile/infiletest"
	"github.com/tifa-project/tifa/table"
)

// outputAttack is one hostile output (issue 14, A and item 25): the
// command run (setup makes what it needs in dir), what it must answer
// (want: "" for success, else part of the error) and what must hold
// after (check).
type outputAttack struct {
	attack string
	setup  func(t *testing.T, dir string) []string
	want   string
	check  func(t *testing.T, dir, stdout, stderr string)
}

// badReports is a folder of two reports, one of which warns when read:
// a run refused before reading prints no such warning.
func badReports(t *testing.T, dir string) string {
	t.Helper()
	r := filepath.Join(dir, "r")
	ok(t, os.MkdirAll(r, 0o755))
	src, err := os.ReadFile(filepath.Join(samples, "青溪县_2017.txt"))
	ok(t, err)
	ok(t, os.WriteFile(filepath.Join(r, "青溪县_2017.txt"), src, 0o644))
	ok(t, os.WriteFile(filepath.Join(r, "坏_2020.txt"), []byte("\xff\xfe\x00\x01garbage"), 0o644))
	return r
}

// notRead fails when stderr shows the reports were read.
func notRead(t *testing.T, stderr string) {
	t.Helper()
	if strings.Contains(stderr, "documents have warnings") {
		t.Errorf("the reports were read before the refusal:\n%s", stderr)
	}
}

// unchanged fails when the report r/青溪县_2017.txt differs from the sample.
func unchanged(t *testing.T, dir string) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, "r", "青溪县_2017.txt"))
	ok(t, err)
	want, _ := os.ReadFile(filepath.Join(samples, "青溪县_2017.txt"))
	if string(got) != string(want) {
		t.Error("the report was overwritten")
	}
	notRead(t, "")
}

// ok fails the test on err.
func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func typeOf(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Lstat(path)
	ok(t, err)
	return st.Mode().Type()
}

func fileHas(t *testing.T, path string, wants ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	ok(t, err)
	for _, w := range wants {
		if !strings.Contains(string(b), w) {
			t.Errorf("%s lacks %q", filepath.Base(path), w)
		}
	}
}

// withManifest writes a folder of two sample reports and a manifest with
// the given header (file,region,level,year first) and rows.
func withManifest(t *testing.T, dir, header string, rows ...string) string {
	t.Helper()
	r := filepath.Join(dir, "m")
	ok(t, os.MkdirAll(r, 0o755))
	for _, n := range []string{"青溪县_2017.txt", "云溪镇_2020.txt"} {
		b, err := os.ReadFile(filepath.Join(samples, n))
		ok(t, err)
		ok(t, os.WriteFile(filepath.Join(r, n), b, 0o644))
	}
	ok(t, os.WriteFile(filepath.Join(r, "manifest.csv"), []byte(header+"\n"+strings.Join(rows, "\n")+"\n"), 0o644))
	return r
}

func TestHostileOutputs(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	defer func(w time.Duration) { table.FIFOWait = w }(table.FIFOWait)
	table.FIFOWait = 200 * time.Millisecond
	long := "https://gov.example.cn/" + strings.Repeat("zfgzbg/", 12)
	for _, c := range []outputAttack{
		// A1: what is at the path
		{"-o a symbolic link: its target is written, the link kept", func(t *testing.T, dir string) []string {
			ok(t, os.WriteFile(filepath.Join(dir, "target.csv"), []byte("old"), 0o644))
			ok(t, os.Symlink("target.csv", filepath.Join(dir, "link.csv")))
			return []string{"count", samples, "-o", filepath.Join(dir, "link.csv")}
		}, "", func(t *testing.T, dir, _, _ string) {
			if typeOf(t, filepath.Join(dir, "link.csv")) != fs.ModeSymlink {
				t.Error("the link was replaced")
			}
			fileHas(t, filepath.Join(dir, "target.csv"), "doc,region,level,year")
		}},
		{"--events and --as-lexicon through symbolic links: targets written, links kept", func(t *testing.T, dir string) []string {
			ok(t, os.Symlink("ev.csv", filepath.Join(dir, "events-link.csv")))
			return []string{"diffusion", samples, "--events", filepath.Join(dir, "events-link.csv"), "-o", filepath.Join(dir, "d.csv")}
		}, "", func(t *testing.T, dir, _, _ string) {
			if typeOf(t, filepath.Join(dir, "events-link.csv")) != fs.ModeSymlink {
				t.Error("the link was replaced")
			}
			fileHas(t, filepath.Join(dir, "ev.csv"), "region")
			ok(t, os.Symlink("lex.txt", filepath.Join(dir, "lex-link.txt")))
			if _, stderr, err := run(t, "", "discover", samples, "--as-lexicon", filepath.Join(dir, "lex-link.txt"), "-q"); err != nil {
				t.Fatalf("discover: %v\n%s", err, stderr)
			}
			if typeOf(t, filepath.Join(dir, "lex-link.txt")) != fs.ModeSymlink {
				t.Error("--as-lexicon replaced the link")
			}
			if _, err := os.Stat(filepath.Join(dir, "lex.txt")); err != nil {
				t.Error(err)
			}
		}},
		{"-o a FIFO with a reader: the reader gets the table, the FIFO stays", func(t *testing.T, dir string) []string {
			fifo := filepath.Join(dir, "out")
			infiletest.FIFO(t, fifo)
			go func() {
				f, err := os.Open(fifo)
				if err != nil {
					return
				}
				b, _ := io.ReadAll(f)
				f.Close()
				os.WriteFile(filepath.Join(dir, "got.tmp"), b, 0o644)
				os.Rename(filepath.Join(dir, "got.tmp"), filepath.Join(dir, "got")) // whole when seen
			}()
			return []string{"count", samples, "-o", fifo}
		}, "", func(t *testing.T, dir, _, _ string) {
			if typeOf(t, filepath.Join(dir, "out")) != fs.ModeNamedPipe {
				t.Error("the FIFO was replaced")
			}
			for i := 0; i < 500; i++ {
				if _, err := os.Stat(filepath.Join(dir, "got")); err == nil {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			fileHas(t, filepath.Join(dir, "got"), "doc,region,level,year", "云溪镇_2020.txt")
		}},
		{"-o a FIFO nobody reads: an error, no hang", func(t *testing.T, dir string) []string {
			infiletest.FIFO(t, filepath.Join(dir, "out"))
			return []string{"count", samples, "-o", filepath.Join(dir, "out")}
		}, "no reader on FIFO", func(t *testing.T, dir, _, _ string) {
			if typeOf(t, filepath.Join(dir, "out")) != fs.ModeNamedPipe {
				t.Error("the FIFO was replaced")
			}
		}},
		{"-o a character device (as root: a node like /dev/null)", func(t *testing.T, dir string) []string {
			if os.Geteuid() != 0 {
				t.Skip("mknod needs root")
			}
			ok(t, syscall.Mknod(filepath.Join(dir, "null"), syscall.S_IFCHR|0o666, 1<<8|3))
			return []string{"count", samples, "-o", filepath.Join(dir, "null")}
		}, "", func(t *testing.T, dir, _, _ string) {
			if typeOf(t, filepath.Join(dir, "null")) != fs.ModeDevice|fs.ModeCharDevice {
				t.Error("the device was replaced by a file")
			}
		}},
		{"-o /dev/null (as root it was replaced by a 688 KB file)", func(t *testing.T, dir string) []string {
			if typeOf(t, "/dev/null") != fs.ModeDevice|fs.ModeCharDevice {
				t.Skip("/dev/null is not a device on this machine (something replaced it): not writing to it")
			}
			if os.Geteuid() == 0 { // first on a node of our own: never risk the machine's /dev/null
				node := filepath.Join(dir, "null")
				ok(t, syscall.Mknod(node, syscall.S_IFCHR|0o666, 1<<8|3))
				if _, _, err := run(t, "", "count", samples, "-o", node); err != nil || typeOf(t, node) != fs.ModeDevice|fs.ModeCharDevice {
					t.Fatalf("a device node was replaced (%v): not trying /dev/null", err)
				}
			}
			return []string{"count", samples, "-o", "/dev/null"}
		}, "", func(t *testing.T, _, _, _ string) {
			if typeOf(t, "/dev/null") != fs.ModeDevice|fs.ModeCharDevice {
				t.Error("/dev/null is no longer a device")
			}
		}},
		{"-o /dev/stdout: standard output, the link kept", func(t *testing.T, dir string) []string {
			if typeOf(t, "/dev/stdout") != fs.ModeSymlink {
				t.Skip("/dev/stdout is not a link on this machine (something replaced it): not writing to it")
			}
			// first a link of our own to a pipe's /proc/self/fd/N: never risk the machine's /dev/stdout
			r, w, err := os.Pipe()
			ok(t, err)
			defer r.Close()
			got := make(chan []byte)
			go func() { b, _ := io.ReadAll(r); got <- b }()
			link := filepath.Join(dir, "fd")
			ok(t, os.Symlink("/proc/self/fd/"+strconv.Itoa(int(w.Fd())), link))
			_, _, err = run(t, "", "count", samples, "-o", link)
			w.Close()
			if b := <-got; err != nil || typeOf(t, link) != fs.ModeSymlink || !strings.HasPrefix(string(b), "doc,region") {
				t.Fatalf("a link to /proc/self/fd/N was not written through (%v, %.20q): not trying /dev/stdout", err, b)
			}
			return []string{"count", samples, "-o", "/dev/stdout"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.HasPrefix(stdout, "doc,region,level,year") {
				t.Errorf("stdout starts %.40q", stdout)
			}
			if typeOf(t, "/dev/stdout") != fs.ModeSymlink {
				t.Error("/dev/stdout was replaced")
			}
		}},
		{"-o one of the reports: refused before reading", func(t *testing.T, dir string) []string {
			r := badReports(t, dir)
			return []string{"count", r, "-o", filepath.Join(r, "青溪县_2017.txt")}
		}, "is one of the files tifa reads; tifa never writes over its input", func(t *testing.T, dir, _, stderr string) {
			unchanged(t, dir)
			notRead(t, stderr)
		}},
		{"-o a symbolic link to a report", func(t *testing.T, dir string) []string {
			r := badReports(t, dir)
			ok(t, os.Symlink(filepath.Join(r, "青溪县_2017.txt"), filepath.Join(dir, "out.csv")))
			return []string{"count", r, "-o", filepath.Join(dir, "out.csv")}
		}, "青溪县_2017.txt, which tifa reads", func(t *testing.T, dir, _, stderr string) {
			unchanged(t, dir)
			notRead(t, stderr)
		}},
		{"-o a hard link to a report named alone", func(t *testing.T, dir string) []string {
			r := badReports(t, dir)
			ok(t, os.Link(filepath.Join(r, "青溪县_2017.txt"), filepath.Join(dir, "out.csv")))
			return []string{"docs", filepath.Join(r, "青溪县_2017.txt"), "-o", filepath.Join(dir, "out.csv")}
		}, "which tifa reads", func(t *testing.T, dir, _, _ string) { unchanged(t, dir) }},
		{"-o the folder's manifest.csv", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year", "青溪县_2017.txt,青溪县,county,2017")
			return []string{"count", r, "-o", filepath.Join(r, "manifest.csv")}
		}, "never writes over its input", func(t *testing.T, dir, _, _ string) {
			fileHas(t, filepath.Join(dir, "m", "manifest.csv"), "file,region,level,year\n青溪县_2017.txt")
		}},
		{"-o the --lexicon file", func(t *testing.T, dir string) []string {
			lex := filepath.Join(dir, "mine.txt")
			ok(t, os.WriteFile(lex, []byte("乡村振兴\n"), 0o644))
			return []string{"count", samples, "--lexicon", lex, "-o", lex}
		}, "flag --output: ", func(t *testing.T, dir, _, _ string) { fileHas(t, filepath.Join(dir, "mine.txt"), "乡村振兴\n") }},
		{"-o the verdicts file of lexicon audit", func(t *testing.T, dir string) []string {
			v := filepath.Join(dir, "verdicts.csv")
			ok(t, os.WriteFile(v, []byte("keep me\n"), 0o644))
			return []string{"lexicon", "audit", v, "-o", v}
		}, "never writes over its input", func(t *testing.T, dir, _, _ string) { fileHas(t, filepath.Join(dir, "verdicts.csv"), "keep me\n") }},
		{"-o the --places file", func(t *testing.T, dir string) []string {
			pl := filepath.Join(dir, "places.csv")
			ok(t, os.WriteFile(pl, []byte("name,code\n青溪县_2017.txt,none\n"), 0o644))
			return []string{"docs", samples, "--places", pl, "-o", pl}
		}, "never writes over its input", func(t *testing.T, dir, _, _ string) { fileHas(t, filepath.Join(dir, "places.csv"), "name,code\n") }},
		{"--events and -o the same file", func(t *testing.T, dir string) []string {
			return []string{"diffusion", samples, "--events", filepath.Join(dir, "x.csv"), "-o", filepath.Join(dir, "x.csv")}
		}, "give each output its own name", nil},

		// A2: formats
		{"-o .xls", func(t *testing.T, dir string) []string {
			return []string{"count", samples, "-o", filepath.Join(dir, "x.xls")}
		},
			"tifa writes no .xls files; it writes .csv, .tsv (.tab), .json, .md (.markdown) and .xlsx", nil},
		{"-o .parquet", func(t *testing.T, dir string) []string {
			return []string{"count", samples, "-o", filepath.Join(dir, "x.parquet")}
		},
			"no .parquet files", nil},
		{"-o .docx", func(t *testing.T, dir string) []string {
			return []string{"docs", samples, "-o", filepath.Join(dir, "x.docx")}
		},
			"no .docx files", nil},
		{"-o x.xlsx -f csv", func(t *testing.T, dir string) []string {
			return []string{"count", samples, "-o", filepath.Join(dir, "x.xlsx"), "-f", "csv"}
		}, "flag --format csv and -o", func(t *testing.T, dir, _, _ string) {
			if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
				t.Error("wrote x.xlsx")
			}
		}},
		{"--events .xls", func(t *testing.T, dir string) []string {
			return []string{"diffusion", samples, "--events", filepath.Join(dir, "e.xls")}
		}, "flag --events: tifa writes no .xls files", nil},

		// A3: several tables
		{"cluster --table profile,k -f csv to stdout", func(t *testing.T, dir string) []string {
			return []string{"cluster", samples, "--table", "profile,k", "--k-range", "2..3", "-f", "csv"}
		}, "2 tables (profile, k): CSV holds one table, and so does standard output; give -o NAME.csv", nil},
		{"cluster --table profile,k -o c.csv: a file per table", func(t *testing.T, dir string) []string {
			return []string{"cluster", samples, "--table", "profile,k", "--k-range", "2..3", "-o", filepath.Join(dir, "c.csv")}
		}, "", func(t *testing.T, dir, _, _ string) {
			for name, header := range map[string]string{"c.profile.csv": "cluster,size,silhouette,members", "c.k.csv": "k,silhouette"} {
				recs := readCSVFile(t, filepath.Join(dir, name))
				if strings.Join(recs[0], ",")[:len(header)] != header {
					t.Errorf("%s header %q", name, recs[0])
				}
				for _, r := range recs[1:] {
					if r[0] == "k" || r[0] == "cluster" {
						t.Errorf("%s: a second header %q", name, r)
					}
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "c.csv")); err == nil {
				t.Error("c.csv written too")
			}
		}},

		// A4: data cut
		{"cluster profile members whole in CSV", func(t *testing.T, dir string) []string {
			return []string{"cluster", samples, "--table", "profile", "--k", "2", "-o", filepath.Join(dir, "p.csv")}
		}, "", func(t *testing.T, dir, _, _ string) {
			n := 0
			for _, r := range readCSVFile(t, filepath.Join(dir, "p.csv"))[1:] {
				if strings.Contains(r[3], "…") {
					t.Errorf("members cut: %q", r[3])
				}
				n += len(strings.Split(r[3], "; "))
			}
			if n != nSamples {
				t.Errorf("members list %d documents, want %d", n, nSamples)
			}
		}},
		{"kwic --width 40000 -o x.xlsx: a cell Excel cuts is warned about", func(t *testing.T, dir string) []string {
			text := "青溪县2020年政府工作报告\n一、2019年工作回顾\n" + strings.Repeat("推进高质量发展，", 5000) + "乡村振兴取得新成效。\n"
			ok(t, os.WriteFile(filepath.Join(dir, "青溪县_2020.txt"), []byte(text), 0o644))
			return []string{"kwic", filepath.Join(dir, "青溪县_2020.txt"), "乡村振兴", "--width", "40000", "-o", filepath.Join(dir, "k.xlsx")}
		}, "", func(t *testing.T, _, _, stderr string) {
			if !strings.Contains(stderr, "xlsx sheet Mentions of 乡村振兴, row 2, column left: ") || !strings.Contains(stderr, "characters cut to the 32767 an Excel cell holds; the CSV (-f csv) has them whole") {
				t.Errorf("stderr:\n%s", stderr)
			}
		}},
		{"cluster profile members shortened on a terminal", func(t *testing.T, dir string) []string {
			return []string{"cluster", samples, "--table", "profile", "--k", "2", "-f", "table"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.Contains(stdout, "… (+") {
				t.Errorf("terminal members not shortened:\n%s", stdout)
			}
		}},

		// A5: injection
		{"--bom neutralises formulas in names and manifest cells; without it the CSV is faithful", func(t *testing.T, dir string) []string {
			r := filepath.Join(dir, "f")
			ok(t, os.MkdirAll(r, 0o755))
			b, _ := os.ReadFile(filepath.Join(samples, "青溪县_2017.txt"))
			ok(t, os.WriteFile(filepath.Join(r, "=HYPERLINK(x)_2017.txt"), b, 0o644))
			ok(t, os.WriteFile(filepath.Join(r, "manifest.csv"), []byte("file,region,level,year\n=HYPERLINK(x)_2017.txt,@SUM(1),county,2017\n"), 0o644))
			out, _, err := run(t, "", "docs", r, "-f", "csv")
			ok(t, err)
			if !strings.Contains(out, "\n=HYPERLINK(x)_2017.txt,@SUM(1),") {
				t.Errorf("without --bom the CSV changed the cells:\n%s", out)
			}
			return []string{"docs", r, "-f", "csv", "--bom"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.HasPrefix(stdout, "\ufeffid,") || !strings.Contains(stdout, "\n'=HYPERLINK(x)_2017.txt,'@SUM(1),county,2017,") {
				t.Errorf("--bom:\n%s", stdout)
			}
		}},
		{"Markdown escapes HTML", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year", "青溪县_2017.txt,<script>alert(1)</script>,county,2017")
			return []string{"docs", r, "-f", "md"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if strings.Contains(stdout, "<script>") || !strings.Contains(stdout, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("Markdown:\n%s", stdout)
			}
		}},

		// A6: duplicate column names
		{"manifest columns count, manifest_count and a slogan's name: unique names, warned", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year,count,manifest_count,乡村振兴", "青溪县_2017.txt,青溪县,county,2017,1,2,3", "云溪镇_2020.txt,云溪镇,township,2020,4,5,6")
			return []string{"count", r, "--wide", "--no-builtin", "--lexicon", writeLexicon(t, dir, "改革开放\n乡村振兴\n"), "-f", "json"}
		}, "", func(t *testing.T, _, stdout, stderr string) {
			var rows []map[string]any
			ok(t, json.Unmarshal([]byte(stdout), &rows))
			if n := strings.Count(stdout, `"乡村振兴"`); n != 2 {
				t.Errorf("key 乡村振兴 %d times in 2 rows", n)
			}
			for _, k := range []string{"manifest_count", "manifest_count_2", "乡村振兴", "乡村振兴_2"} {
				if _, ok := rows[0][k]; !ok {
					t.Errorf("no key %s in %v", k, rows[0])
				}
			}
			if rows[0]["manifest_count"] != "5" || rows[0]["manifest_count_2"] != "4" || rows[0]["乡村振兴_2"] != "6" || rows[0]["乡村振兴"] != 3.0 {
				t.Errorf("values moved: %v", rows[0])
			}
			if !strings.Contains(stderr, `table Slogan counts has two columns named "乡村振兴": the document's (manifest) column is written "乡村振兴_2"`) {
				t.Errorf("no warning:\n%s", stderr)
			}
		}},

		// A7: a long name fails before the run, not after
		{"-o a 244-byte name", func(t *testing.T, dir string) []string {
			return []string{"count", samples, "-o", filepath.Join(dir, strings.Repeat("长", 80)+".csv")}
		}, "", func(t *testing.T, dir, _, _ string) {
			fileHas(t, filepath.Join(dir, strings.Repeat("长", 80)+".csv"), "doc,region")
		}},
		{"-o a 256-byte name: refused before reading", func(t *testing.T, dir string) []string {
			return []string{"count", badReports(t, dir), "-o", filepath.Join(dir, strings.Repeat("x", 252)+".csv")}
		}, "file name too long", func(t *testing.T, _, _, stderr string) { notRead(t, stderr) }},

		// item 25: --columns
		{"a long manifest column: left out of a terminal table, with a note", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year,source_path,note", "青溪县_2017.txt,青溪县,county,2017,"+long+"a.html,ok")
			return []string{"docs", r, "-f", "table"}
		}, "", func(t *testing.T, _, stdout, stderr string) {
			if strings.Contains(stdout, long) || !strings.Contains(stdout, " note ") {
				t.Errorf("terminal:\n%s", stdout)
			}
			if !strings.Contains(stderr, "leaves out columns with long values: source_path (--columns +source_path shows one") {
				t.Errorf("stderr:\n%s", stderr)
			}
		}},
		{"--columns +source_path shows it on a terminal", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year,source_path,note", "青溪县_2017.txt,青溪县,county,2017,"+long+"a.html,ok")
			return []string{"docs", r, "-f", "table", "--columns", "+source_path"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.Contains(stdout, long) {
				t.Errorf("terminal:\n%s", stdout)
			}
		}},
		{"CSV keeps every column by default; --columns region,year keeps those", func(t *testing.T, dir string) []string {
			r := withManifest(t, dir, "file,region,level,year,source_path,note", "青溪县_2017.txt,青溪县,county,2017,"+long+"a.html,ok")
			out, _, err := run(t, "", "count", r, "-f", "csv")
			ok(t, err)
			if !strings.HasPrefix(out, "doc,region,level,year,source_path,note,section,") {
				t.Errorf("default CSV header: %.80q", out)
			}
			return []string{"count", r, "-f", "csv", "--columns", "region,year"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.HasPrefix(stdout, "doc,region,year,section,slogan,") {
				t.Errorf("header: %.80q", stdout)
			}
		}},
		{"the place columns: in tifa docs by default, in count on request", func(t *testing.T, dir string) []string {
			out, _, err := run(t, "", "count", samples, "-f", "csv", "--columns", "all")
			ok(t, err)
			if !strings.HasPrefix(out, "doc,region,level,year,code,place,name,province,city,county,place_source,manifest_county,section,") {
				t.Errorf("--columns all: %.120q", out)
			}
			return []string{"count", samples, "-f", "csv", "--columns", "+province,+county,-level"}
		}, "", func(t *testing.T, _, stdout, _ string) {
			if !strings.HasPrefix(stdout, "doc,region,year,province,county,manifest_county,section,") {
				t.Errorf("header: %.120q", stdout)
			}
		}},
		{"--columns naming no column: refused before reading, listing them", func(t *testing.T, dir string) []string {
			return []string{"count", badReports(t, dir), "--columns", "+source"}
		}, `flag --columns: no column "source" here (the columns --columns chooses: region, level, year, code, place, name, province, city, county, place_source)`, func(t *testing.T, _, _, stderr string) { notRead(t, stderr) }},
		{"--columns on tifa report, which cannot honour it", func(t *testing.T, dir string) []string {
			return []string{"report", samples, "--columns", "region", "-o", filepath.Join(dir, "r.html")}
		}, "flag --columns: tifa report shows every column", nil},
		{"--columns syntax", func(t *testing.T, dir string) []string {
			return []string{"count", samples, "--columns", "region,-year"}
		},
			"flag --columns: \"region,-year\" mixes a list of columns with +NAME/-NAME changes", nil},

		// item 16: control characters in a file name
		{"control and bidirectional characters in a file name and a manifest cell are escaped on a terminal", func(t *testing.T, dir string) []string {
			b, _ := os.ReadFile(filepath.Join(samples, "青溪县_2017.txt"))
			ok(t, os.WriteFile(filepath.Join(dir, "a\x1b[31mred\u202e_2017.txt"), b, 0o644))
			ok(t, os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte("file,region,level,year,note\na\x1b[31mred\u202e_2017.txt,青溪县,county,2017,\u202etxt.exe\u200b\n"), 0o644))
			return []string{"docs", dir, "-f", "table"}
		}, "", func(t *testing.T, _, stdout, stderr string) {
			if strings.ContainsAny(stdout+stderr, "\x1b\x07\u202e") {
				t.Errorf("raw control characters printed:\n%q\n%q", stdout, stderr)
			}
			for _, want := range []string{`a\x1b[31mred\u202e_2017.txt`, `\u202etxt.exe\u200b`} {
				if !strings.Contains(stdout, want) {
					t.Errorf("%s not shown escaped:\n%s", want, stdout)
				}
			}
		}},
	} {
		t.Run(c.attack, func(t *testing.T) {
			dir := t.TempDir()
			args := c.setup(t, dir)
			var stdout, stderr string
			var err error
			infiletest.Within(t, func() { stdout, stderr, err = run(t, "", args...) })
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("tifa %s: %v\n%s", strings.Join(args, " "), err, stderr)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("tifa %s: error %v, want one containing %q", strings.Join(args, " "), err, c.want)
			}
			if c.check != nil {
				c.check(t, dir, stdout, stderr)
			}
		})
	}
}

// readCSVFile reads a CSV file's records.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	ok(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	ok(t, err)
	return recs
}

// writeLexicon writes a lexicon file into dir and returns its path.
func writeLexicon(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, "lex.txt")
	ok(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}
