package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const (
	samples = "../../testdata/samples"
	golden  = "../../testdata/golden"

	nSamples = 20 // the reports in samples
)

// run runs tifa in-process with args and returns stdout, stderr and the
// error RunE returned.
func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCmd(strings.NewReader(stdin), &out, &errb)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errb.String(), err
}

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(golden, name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/tifa -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/tifa -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// goldenCase runs tifa with args (stdin given) and compares its standard
// output with testdata/golden/name.
type goldenCase struct {
	name  string
	stdin string
	args  []string
}

func runGolden(t *testing.T, cases []goldenCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, err := run(t, c.stdin, c.args...)
			if err != nil {
				t.Fatalf("tifa %s: %v\nstderr: %s", strings.Join(c.args, " "), err, stderr)
			}
			checkGolden(t, c.name, out)
		})
	}
}

// errCase runs tifa with args and expects an error containing want.
type errCase struct {
	name string
	args []string
	want string
}

func runErrors(t *testing.T, cases []errCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := run(t, "", c.args...)
			if err == nil {
				t.Fatalf("tifa %s: no error, want one containing %q", strings.Join(c.args, " "), c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("tifa %s: error %q does not contain %q", strings.Join(c.args, " "), err, c.want)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	runGolden(t, []goldenCase{
		{"docs.csv", "", []string{"docs", samples, "-f", "csv"}},
		{"count.csv", "", []string{"count", samples, "-f", "csv"}},
		{"count_wide_plan.md", "", []string{"count", samples, "--wide", "--section", "plan", "-f", "md"}},
		{"count_user_lexicon.tsv", "", []string{"count", samples, "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "--all", "-f", "tsv"}},
		{"trend.csv", "", []string{"trend", samples, "--top", "10", "-f", "csv"}},
		{"trend_wide_region.txt", "", []string{"trend", samples, "--wide", "--by", "region", "--slogan", "乡村振兴", "--slogan", "最多跑一次", "-f", "table"}},
		{"trend_level.json", "", []string{"trend", samples, "--by", "level", "--slogan", "共同富裕", "-f", "json"}},
		{"trend_wide_share_review.md", "", []string{"trend", samples, "--wide", "--value", "share", "--section", "review", "--top", "8", "-f", "md"}},
		{"lexicon_user.csv", "", []string{"lexicon", "list", "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "-f", "csv"}},
		{"demo.txt", "", []string{"demo", "-f", "table"}},
		{"kwic.csv", "", []string{"kwic", samples, "六稳", "--width", "8", "-f", "csv"}},
		{"terms_region_slogans.csv", "", []string{"terms", samples, "--by", "region", "--space", "slogans", "--top", "3", "-f", "csv"}},
		{"terms_words.csv", "", []string{"terms", samples, "--top", "5", "-f", "csv"}},
		{"similar.csv", "", []string{"similar", samples, "--top", "2", "-f", "csv"}},
		{"similar_to_words.csv", "", []string{"similar", samples, "--space", "words", "--to", "云溪镇_2020.txt", "-f", "csv"}},
		{"similar_matrix_region.csv", "", []string{"similar", samples, "--by", "region", "--matrix", "-f", "csv"}},
		{"cluster_region.txt", "", []string{"cluster", samples, "--by", "region", "--k", "auto", "--k-range", "2..4", "-f", "table"}},
		{"cluster_ward_tree.csv", "", []string{"cluster", samples, "--method", "ward", "--k", "3", "--table", "tree", "-f", "csv"}},
		{"cluster_terms_words.csv", "", []string{"cluster", samples, "--space", "words", "--k", "3", "--table", "terms", "-f", "csv"}},
		{"compare_period.md", "", []string{"compare", samples, "--a", "year=2017..2020", "--b", "year=2021..2024", "--top", "10", "-f", "md"}},
		{"compare_words_region.csv", "", []string{"compare", samples, "--space", "words", "--a", "region=云溪镇", "--b", "region=白沙镇", "--top", "15", "-f", "csv"}},
		{"trend_where.csv", "", []string{"trend", samples, "--where", "level=township", "--where", "year=2019..2022", "--top", "5", "-f", "csv"}},
		{"similar_where_words.csv", "", []string{"similar", samples, "--space", "words", "--where", "year=2020..", "--top", "1", "-f", "csv"}},
	})
}

// TestDeterministic runs the same command twice: the bytes must agree.
func TestDeterministic(t *testing.T) {
	args := []string{"count", samples, "--wide", "-f", "csv"}
	a, _, err := run(t, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := run(t, "", args...)
	if a != b {
		t.Fatal("two runs of the same command gave different output")
	}
}

func TestErrors(t *testing.T) {
	empty := t.TempDir()
	runErrors(t, []errCase{
		{"no args", []string{"count"}, "no reports given"},
		{"missing path", []string{"count", "no/such/dir"}, "no/such/dir"},
		{"empty dir", []string{"docs", empty}, "no reports"},
		{"bad section", []string{"count", samples, "--section", "middle"}, "flag --section"},
		{"bad where", []string{"count", samples, "--where", "year=soon"}, "flag --where"},
		{"where matches nothing", []string{"docs", samples, "--where", "level=province"}, "matches none of the " + strconv.Itoa(nSamples) + " documents"},
		{"bad format", []string{"count", samples, "-f", "xls"}, "flag --format"},
		{"bad by", []string{"trend", samples, "--by", "month"}, "flag --by"},
		{"bad value", []string{"trend", samples, "--wide", "--value", "median"}, "flag --value"},
		{"unknown slogan", []string{"trend", samples, "--slogan", "不存在的口号"}, "flag --slogan"},
		{"no builtin no lexicon", []string{"count", samples, "--no-builtin"}, "lexicon is empty"},
		{"bad lexicon", []string{"count", samples, "--lexicon", "../../testdata/bad/duplicate.txt"}, "duplicate.txt:"},
		{"missing lexicon", []string{"count", samples, "--lexicon", "no-such-lexicon.txt"}, "no-such-lexicon.txt"},
		{"lexicon check", []string{"lexicon", "check", "../../testdata/bad/duplicate.txt"}, "lexicon files have errors"},
		{"bad space", []string{"similar", samples, "--space", "chars"}, "flag --space"},
		{"bad group", []string{"similar", samples, "--by", "month"}, "flag --by"},
		{"bad top", []string{"similar", samples, "--top", "0"}, "flag --top: must be 1..1000 (got 0)"},
		{"unknown unit", []string{"similar", samples, "--to", "nowhere.txt"}, "flag --to"},
		{"k too large", []string{"cluster", samples, "--k", "50"}, "flag --k"},
		{"k not a number", []string{"cluster", samples, "--k", "many"}, "flag --k"},
		{"bad method", []string{"cluster", samples, "--method", "dbscan"}, "flag --method"},
		{"bad table", []string{"cluster", samples, "--table", "everything"}, "flag --table"},
		{"kmeans tree", []string{"cluster", samples, "--k", "2", "--table", "tree"}, "--table tree: k-means has no merge tree; use --method average, complete or ward"},
		{"filter matches nothing", []string{"compare", samples, "--a", "region=上海", "--b", "year=2020"}, "matches no document"},
		{"bad filter", []string{"compare", samples, "--a", "region", "--b", "year=2020"}, "flag --a"},
		{"min-df too strict", []string{"terms", samples, "--space", "slogans", "--min-df", "50"}, "no term left"},
		{"kwic without term", []string{"kwic", samples}, "kwic: the TERM to find is missing: " + samples + " is taken for the reports\nusage: tifa kwic PATH... TERM [flags]"},
		{"kwic without reports", []string{"kwic", "六稳"}, "kwic: the reports (PATH...) are missing: 六稳 is taken for the TERM"},
		{"output folder missing", []string{"count", samples, "-o", "no/such/dir/counts.csv"}, "flag --output: cannot write no/such/dir/counts.csv: folder no/such/dir does not exist"},
		{"plot folder missing", []string{"trend", samples, "--plot", "no/such/dir/t.png"}, "flag --plot: cannot write no/such/dir/t.png"},
		{"events folder missing", []string{"diffusion", samples, "--events", "no/such/dir/e.csv"}, "flag --events: cannot write no/such/dir/e.csv"},
	})
}

// TestOutputFile checks -o: the format follows the extension, the file
// equals what stdout gets, and a failed run leaves no file behind.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "counts.csv")
	if _, _, err := run(t, "", "count", samples, "-o", path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := run(t, "", "count", samples, "-f", "csv")
	if string(got) != want {
		t.Errorf("-o counts.csv differs from -f csv on stdout")
	}
	bom := filepath.Join(dir, "bom.csv")
	if _, _, err := run(t, "", "count", samples, "-o", bom, "--bom"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(bom); !bytes.HasPrefix(b, []byte("\ufeffdoc,")) {
		t.Errorf("--bom: file starts %q", b[:min(len(b), 10)])
	}
	bad := filepath.Join(dir, "fail.csv")
	if _, _, err := run(t, "", "count", samples, "--section", "nope", "-o", bad); err == nil {
		t.Fatal("want an error")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "counts.csv" && e.Name() != "bom.csv" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestPDFSampleJoined pins what line joining recovers in the PDF-style
// sample: slogans cut by hard line breaks are counted once joined.
func TestPDFSampleJoined(t *testing.T) {
	counts := fileCounts(t, samples+"/云溪镇_2022.txt")
	for s, want := range map[string]int{"高质量发展": 2, "人居环境整治": 1, "绿水青山就是金山银山": 1} {
		if n := counts[samples+"/云溪镇_2022.txt"][s]; n != want {
			t.Errorf("%s: count %d, want %d (the PDF line breaks were not joined)", s, n, want)
		}
	}
}

// TestInterrupted runs a command whose context is already cancelled, as
// after Ctrl-C: it stops with context.Canceled and writes no file.
func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "out.csv")
	var out, errb bytes.Buffer
	root := newRootCmd(strings.NewReader(""), &out, &errb)
	root.SetArgs([]string{"count", samples, "-o", path})
	err := root.ExecuteContext(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an interrupted run left %s", path)
	}
}
