package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tifa-project/tifa/table"
)

func TestGoldenProvenance(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	runGolden(t, []goldenCase{
		{"provenance_count.csv", "", []string{"count", samples, "-f", "csv", "--provenance"}},
		{"provenance_trend_bom.tsv", "", []string{"trend", samples, "--top", "3", "-f", "tsv", "--bom", "--provenance"}},
		{"provenance_trend.json", "", []string{"trend", samples, "--by", "level", "--slogan", "共同富裕", "-f", "json", "--provenance"}},
		{"provenance_docs.md", "", []string{"docs", samples, "-f", "md", "--provenance"}},
		{"provenance_demo.md", "", []string{"demo", "-f", "md", "--provenance"}}, // several tables: Markdown holds them, JSON one
		{"provenance_lexicon.txt", "", []string{"lexicon", "list", "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "-f", "table", "--provenance"}},
	})
}

// provenanceOf runs tifa with args and --provenance -f json and returns
// the provenance and the rest of the output.
func provenanceOf(t *testing.T, args ...string) (table.Provenance, string) {
	t.Helper()
	out, stderr, err := run(t, "", append(args, "-f", "json", "--provenance", "-q")...)
	if err != nil {
		t.Fatalf("tifa %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	var v struct {
		Provenance struct {
			Command, Version, Lexicon, Input, Date string
			Documents                              int
		}
		Rows   json.RawMessage
		Tables json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("tifa %s: not JSON (%v):\n%s", strings.Join(args, " "), err, out)
	}
	p := v.Provenance
	return table.Provenance{Command: p.Command, Version: p.Version, Lexicon: p.Lexicon, Input: p.Input, Documents: p.Documents, Date: p.Date},
		string(v.Rows) + string(v.Tables)
}

// copySamples copies the sample reports into a new folder.
func copySamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(samples, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestInputDigest: the digest names the documents read — it changes when
// one report or its manifest row changes, not with the number of
// goroutines reading, the folder the reports are in, or a cache.
func TestInputDigest(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	dir := copySamples(t)
	base, rows := provenanceOf(t, "count", dir)
	if !strings.HasPrefix(base.Input, "sha256:") || len(base.Input) != len("sha256:")+64 || base.Documents != nSamples {
		t.Fatalf("input %q, %d documents", base.Input, base.Documents)
	}
	if orig, _ := provenanceOf(t, "count", samples); orig.Input != base.Input {
		t.Errorf("the same reports in another folder: input %s, want %s", orig.Input, base.Input)
	}

	for _, procs := range []int{1, 2, 7} {
		old := runtime.GOMAXPROCS(procs)
		p, r := provenanceOf(t, "count", dir)
		runtime.GOMAXPROCS(old)
		if p.Input != base.Input || r != rows {
			t.Errorf("GOMAXPROCS %d: input %s, want %s (or the rows differ)", procs, p.Input, base.Input)
		}
	}
	if p, _ := provenanceOf(t, "similar", dir, "--jobs", "1"); p.Input != base.Input {
		t.Errorf("similar --jobs 1: input %s, want %s", p.Input, base.Input)
	}
	if p, _ := provenanceOf(t, "similar", dir, "--jobs", "3"); p.Input != base.Input {
		t.Errorf("similar --jobs 3: input %s, want %s", p.Input, base.Input)
	}

	cacheDir := t.TempDir()
	for _, pass := range []string{"filling", "reading"} {
		if p, _ := provenanceOf(t, "count", dir, "--cache", cacheDir); p.Input != base.Input {
			t.Errorf("%s the cache: input %s, want %s", pass, p.Input, base.Input)
		}
	}

	seen := map[string]string{base.Input: "the samples"}
	change := func(what, file string, edit func(string) string) {
		t.Helper()
		path := filepath.Join(dir, file)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
		p, _ := provenanceOf(t, "count", dir)
		if prev, ok := seen[p.Input]; ok {
			t.Errorf("%s: input %s, as after %s", what, p.Input, prev)
		}
		seen[p.Input] = what
	}
	change("one character added to a report", "云溪镇_2020.txt", func(s string) string { return s + "。" })
	change("a manifest row's year changed", "manifest.csv", func(s string) string {
		if !strings.Contains(s, "2017") {
			t.Fatal("manifest.csv has no 2017 to change")
		}
		return strings.Replace(s, "2017", "2016", 1)
	})
}

// TestProvenanceFields checks the command line, version, lexicon and date
// recorded.
func TestProvenanceFields(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	mine := filepath.Join(t.TempDir(), "my slogans.txt")
	if err := os.WriteFile(mine, []byte("测试口号甲\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		args    []string
		command string
		lexicon bool
		docs    int
	}{
		{"flags before and after", []string{"-q", "trend", samples, "--top", "3", "--slogan", "乡村振兴"},
			"tifa trend --quiet --top 3 --slogan 乡村振兴 --format json --provenance ../../testdata/samples", true, nSamples},
		{"repeated flag, spaces", []string{"count", "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "--lexicon", mine, samples + "/云溪镇_2020.txt"},
			"tifa count --no-builtin --lexicon ../../testdata/lexicon/user.txt --lexicon '" + mine + "' --format json --provenance ../../testdata/samples/云溪镇_2020.txt", true, 1},
		{"equals and short", []string{"kwic", "--width=8", samples, "六稳", "-o", "-"},
			"tifa kwic --width 8 --output - --format json --provenance ../../testdata/samples 六稳", true, nSamples},
		{"no lexicon", []string{"docs", samples, "--section=plan"},
			"tifa docs --section plan --format json --provenance ../../testdata/samples", false, nSamples},
		{"false bool, quoting", []string{"kwic", samples, "共同 富裕", "--bom=false"},
			"tifa kwic --bom=false --format json --provenance ../../testdata/samples '共同 富裕'", true, nSamples},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, err := run(t, "", append(c.args, "-f", "json", "--provenance")...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			var v struct{ Provenance map[string]any }
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			p := v.Provenance
			if p["command"] != c.command {
				t.Errorf("command\n %q, want\n %q", p["command"], c.command)
			}
			if p["version"] != version || p["date"] != fixedDate || p["documents"] != float64(c.docs) {
				t.Errorf("provenance %v", p)
			}
			if lex, _ := p["lexicon"].(string); c.lexicon != (len(lex) == 12) || !c.lexicon && p["lexicon"] != nil {
				t.Errorf("lexicon %v, want one: %v", p["lexicon"], c.lexicon)
			}
		})
	}
}

// TestProvenanceRoundTrip: the command line recorded, split by a shell
// (shellSplit below, a POSIX subset), runs the same command again.
func TestProvenanceRoundTrip(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	first, rows := provenanceOf(t, "trend", samples, "--slogan", "乡村振兴", "--slogan", "共同富裕", "--by=region", "--section", "review")
	args := shellSplit(t, first.Command)
	if args[0] != "tifa" {
		t.Fatalf("command %q", first.Command)
	}
	out, _, err := run(t, "", args[1:]...)
	if err != nil {
		t.Fatalf("%s: %v", first.Command, err)
	}
	var v struct {
		Provenance struct{ Command string }
		Rows       json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Provenance.Command != first.Command || string(v.Rows) != rows {
		t.Errorf("rerun of %s: command %s, rows equal %v", first.Command, v.Provenance.Command, string(v.Rows) == rows)
	}
}

// shellSplit splits a line as a POSIX shell would, for the quoting
// table.ShellJoin writes: bare words, \x, '…' and bash's $'…' with \n \t \\
// \' \xHH.
func shellSplit(t *testing.T, line string) []string {
	t.Helper()
	var out []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == ' ':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		case ch == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				t.Fatalf("unclosed quote in %q", line)
			}
			cur.WriteString(line[i+1 : i+1+end])
			i += end + 1
			in = true
		case ch == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			in = true
		case ch == '$' && i+1 < len(line) && line[i+1] == '\'':
			i += 2
			for ; i < len(line) && line[i] != '\''; i++ {
				if line[i] != '\\' {
					cur.WriteByte(line[i])
					continue
				}
				i++
				switch line[i] {
				case 'n':
					cur.WriteByte('\n')
				case 't':
					cur.WriteByte('\t')
				case 'x':
					var b byte
					for _, h := range line[i+1 : i+3] {
						b = b*16 + byte(strings.IndexRune("0123456789abcdef", h))
					}
					cur.WriteByte(b)
					i += 2
				default:
					cur.WriteByte(line[i])
				}
			}
			in = true
		default:
			cur.WriteByte(ch)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

func TestShellQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "''"},
		{"count", "count"},
		{"../../testdata/samples", "../../testdata/samples"},
		{"--by=region", "--by=region"},
		{"乡村振兴", "乡村振兴"},
		{"a b", "'a b'"},
		{"it's", `'it'\''s'`},
		{"$HOME", "'$HOME'"},
		{"~/x", "'~/x'"},
		{"a*b", "'a*b'"},
		{"共同 富裕", "'共同 富裕'"},
		{"line\nbreak", `$'line\nbreak'`},
		{"tab\t'q'\x01", `$'tab\t\'q\'\x01'`},
	} {
		got := table.ShellJoin([]string{c.in})
		if got != c.want {
			t.Errorf("ShellJoin(%q) = %s, want %s", c.in, got, c.want)
		}
		if back := shellSplit(t, got); len(back) != 1 || back[0] != c.in {
			t.Errorf("shellSplit(%s) = %q, want [%q]", got, back, c.in)
		}
	}
}

// TestRunDate: SOURCE_DATE_EPOCH when set, else the clock; a bad value
// warns once and falls back to the clock.
func TestRunDate(t *testing.T) {
	clock := func() time.Time { return time.Date(2031, 12, 31, 23, 30, 0, 0, time.FixedZone("CST", -6*3600)) }
	for _, c := range []struct {
		name, epoch, want string
		warn              bool
	}{
		{"epoch", fixedEpoch, fixedDate, false},
		{"epoch zero", "0", "1970-01-01", false},
		{"clock in UTC", "", "2032-01-01", false},
		{"bad epoch", "yesterday", "2032-01-01", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", c.epoch)
			var errb bytes.Buffer
			g := &globals{now: clock, stderr: &errb}
			if got := g.provenance().Date; got != c.want {
				t.Errorf("date %s, want %s", got, c.want)
			}
			g.provenance()
			if n := strings.Count(errb.String(), "SOURCE_DATE_EPOCH"); n != map[bool]int{true: 1}[c.warn] {
				t.Errorf("%d warnings: %q", n, errb.String())
			}
		})
	}
}

// TestProvenanceSameRows: with --provenance the CSV, once its comment lines
// are skipped, and the JSON rows are those written without it.
func TestProvenanceSameRows(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	for _, args := range [][]string{
		{"count", samples, "-f", "csv"},
		{"trend", samples, "--wide", "-f", "tsv"},
		{"similar", samples, "--top", "2", "-f", "json"},
	} {
		plain, _, err := run(t, "", args...)
		if err != nil {
			t.Fatal(err)
		}
		withProv, _, err := run(t, "", append(args, "--provenance")...)
		if err != nil {
			t.Fatal(err)
		}
		if args[len(args)-1] == "json" {
			var v struct{ Rows json.RawMessage }
			if err := json.Unmarshal([]byte(withProv), &v); err != nil {
				t.Fatal(err)
			}
			var a, b any
			_ = json.Unmarshal([]byte(plain), &a)
			_ = json.Unmarshal(v.Rows, &b)
			if ja, _ := json.Marshal(a); string(ja) != string(must(json.Marshal(b))) {
				t.Errorf("tifa %s: JSON rows differ with --provenance", strings.Join(args, " "))
			}
			continue
		}
		var kept []string
		for line := range strings.Lines(withProv) {
			if !strings.HasPrefix(line, "#") {
				kept = append(kept, line)
			}
		}
		if strings.Join(kept, "") != plain {
			t.Errorf("tifa %s: rows differ with --provenance", strings.Join(args, " "))
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestEventsProvenance: the --events file of diffusion carries the same
// provenance lines as the table when --provenance is given, and none
// without it.
func TestEventsProvenance(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	for _, prov := range []bool{false, true} {
		events := filepath.Join(t.TempDir(), "events.csv")
		args := []string{"diffusion", samples, "--top", "2", "--events", events, "-f", "csv"}
		if prov {
			args = append(args, "--provenance")
		}
		out, _, err := run(t, "", args...)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(events)
		if err != nil {
			t.Fatal(err)
		}
		head := func(s string) string { // the comment lines
			var b strings.Builder
			for _, l := range strings.SplitAfter(s, "\n") {
				if !strings.HasPrefix(l, "# ") {
					break
				}
				b.WriteString(l)
			}
			return b.String()
		}
		if got, want := head(string(data)), head(out); got != want || (want == "") == prov {
			t.Errorf("provenance %v: events file starts %q, table %q", prov, got, want)
		}
	}
}
