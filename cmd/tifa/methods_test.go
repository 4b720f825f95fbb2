package main

// Tests of the method commands (topics, scale, cooccur, expand, discover
// --near): golden files on the samples, flag errors, the properties their
// tables promise, charts, network files, and the README's charts on
// ../shared/corpus.

import (
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/lexicon"
)

func TestMethodsGolden(t *testing.T) {
	runGolden(t, []goldenCase{
		{"topics.txt", "", []string{"topics", samples, "--k", "3", "--iter", "50", "-f", "table"}},
		{"topics_shares_level.csv", "", []string{"topics", samples, "--k", "3", "--iter", "50", "--by", "level", "-f", "csv"}},
		{"topics_seeded_terms.csv", "", []string{"topics", samples, "--seeded", "--k", "1", "--iter", "50", "--table", "terms", "--top", "3", "-f", "csv"}},
		{"topics_auto_year_plan.md", "", []string{"topics", samples, "--k", "auto", "--k-range", "2,3", "--iter", "30", "--section", "plan", "--table", "k,year", "-f", "md"}},
		{"scale.csv", "", []string{"scale", samples, "--replicates", "20", "-f", "csv"}},
		{"scale_fit_region.txt", "", []string{"scale", samples, "--by", "region", "--replicates", "10", "-f", "table"}},
		{"scale_words_slogans.csv", "", []string{"scale", samples, "--space", "slogans", "--table", "words", "--replicates", "0", "-f", "csv"}},
		{"scale_ca.md", "", []string{"scale", samples, "--method", "ca", "--dims", "3", "--max-terms", "300", "-f", "md"}},
		{"cooccur.csv", "", []string{"cooccur", samples, "-f", "csv"}},
		{"cooccur_paragraph.txt", "", []string{"cooccur", samples, "--window", "paragraph", "--sort", "npmi", "--top", "10", "-f", "table"}},
		{"cooccur_words_level.csv", "", []string{"cooccur", samples, "--words", "--top-words", "30", "--by", "level", "--top", "5", "--where", "year=2019..", "-f", "csv"}},
		{"expand.csv", "", []string{"expand", samples, "五水共治", "--min-count", "2", "--top", "8", "-f", "csv"}},
		{"expand_by_level.md", "", []string{"expand", samples, "乡村振兴,美丽乡村", "--by", "level", "--min-count", "2", "--top", "4", "--no-slogans", "--table", "nearest,check", "-f", "md"}},
		{"discover_near.csv", "", []string{"discover", samples, "--near", "environment", "--min-docs", "2", "--top", "10", "-f", "csv"}},
	})
}

func TestMethodsErrors(t *testing.T) {
	runErrors(t, []errCase{
		{"topics k", []string{"topics", samples, "--k", "0"}, "flag --k: want a number 1..1000 (0 with --seeded) or auto"},
		{"topics k word", []string{"topics", samples, "--k", "many"}, "flag --k"},
		{"topics k-range", []string{"topics", samples, "--k", "auto", "--k-range", "2..5"}, "flag --k-range"},
		{"topics iter", []string{"topics", samples, "--iter", "0"}, "flag --iter: must be 1..100000 (got 0)"},
		{"topics holdout", []string{"topics", samples, "--holdout", "0.9"}, "flag --holdout: must be 0.01..0.5 (got 0.9)"},
		{"topics alpha", []string{"topics", samples, "--alpha", "0"}, "flag --alpha: must be 1e-06..1000 (got 0)"},
		{"topics top", []string{"topics", samples, "--top", "0"}, "flag --top: must be 1..1000"},
		{"topics window", []string{"topics", samples, "--window", "page"}, "flag --window: want sentence, paragraph, document"},
		{"topics table", []string{"topics", samples, "--table", "everything"}, "flag --table"},
		{"topics plot type", []string{"topics", samples, "--plot-type", "pie"}, "flag --plot-type"},
		{"topics min-df", []string{"topics", samples, "--min-df", "500"}, "loosen --min-df/--max-df"},
		{"topics by", []string{"topics", samples, "--by", "month"}, "flag --by"},
		{"scale method", []string{"scale", samples, "--method", "pca"}, "flag --method: want wordfish or ca"},
		{"scale replicates", []string{"scale", samples, "--replicates", "-1"}, "flag --replicates: must be 0..10000 (got -1)"},
		{"scale level", []string{"scale", samples, "--level", "1"}, "flag --level: must be 0.5..0.999 (got 1)"},
		{"scale dims", []string{"scale", samples, "--dims", "0"}, "flag --dims: must be 1..100 (got 0)"},
		{"scale max-terms", []string{"scale", samples, "--max-terms", "-5"}, "flag --max-terms: must be 0..10000000"},
		{"scale dir", []string{"scale", samples, "--dir", "a.txt,b.txt"}, "flag --dir"},
		{"scale dir one", []string{"scale", samples, "--dir", "云溪镇_2018.txt"}, "flag --dir"},
		{"scale space", []string{"scale", samples, "--space", "chars"}, "flag --space"},
		{"scale too strict", []string{"scale", samples, "--min-df", "50"}, "loosen --min-df/--max-df"},
		{"cooccur sort", []string{"cooccur", samples, "--sort", "pmi"}, "flag --sort: want jaccard, npmi or count"},
		{"cooccur min-count", []string{"cooccur", samples, "--min-count", "0"}, "flag --min-count: must be 1..1000000 (got 0)"},
		{"cooccur top-words without words", []string{"cooccur", samples, "--top-words", "50"}, "flag --top-words: only used with --words"},
		{"cooccur resolution", []string{"cooccur", samples, "--resolution", "0"}, "flag --resolution: must be 0.01..100"},
		{"cooccur plot-edges", []string{"cooccur", samples, "--plot-edges", "0"}, "flag --plot-edges: must be 1..1000"},
		{"cooccur window", []string{"cooccur", samples, "--window", "line"}, "flag --window"},
		{"cooccur graph by", []string{"cooccur", samples, "--by", "level", "-o", filepath.Join(t.TempDir(), "n.gexf")}, "flag --by level: a network is drawn or written for one group only"},
		{"cooccur graph format", []string{"cooccur", samples, "-f", "csv", "-o", filepath.Join(t.TempDir(), "n.graphml")}, "flag --format: -o"},
		{"expand no term", []string{"expand", samples}, "requires at least 2 arg"},
		{"expand unknown term", []string{"expand", samples, "不存在的词语"}, `TERM "不存在的词语": not a word of the reports`},
		{"expand rare term", []string{"expand", samples, "五水共治", "--min-count", "100"}, "no TERM has --min-count 100 tokens"},
		{"expand top", []string{"expand", samples, "五水共治", "--top", "0"}, "flag --top: must be 1..100000"},
		{"expand dims", []string{"expand", samples, "五水共治", "--dims", "0"}, "flag --dims: must be 1..1000"},
		{"expand category alone", []string{"expand", samples, "五水共治", "--category", "x"}, "flag --category: only used with --as-lexicon"},
		{"expand lexicon by", []string{"expand", samples, "五水共治", "--by", "level", "--as-lexicon", filepath.Join(t.TempDir(), "l.yaml")}, "flag --as-lexicon"},
		{"expand lexicon no category", []string{"expand", samples, "推进", "--min-count", "2", "--as-lexicon", filepath.Join(t.TempDir(), "l.yaml")}, "name the category with --category"},
		{"discover near", []string{"discover", samples, "--near", "weather"}, `flag --near: no slogan of the lexicon has category "weather"`},
		{"cooccur unknown extension", []string{"cooccur", samples, "-o", filepath.Join(t.TempDir(), "net.dot")}, "tifa cooccur also writes .graphml and .gexf"},
		{"two tables to one CSV stream", []string{"topics", samples, "--table", "fit,topics", "-f", "csv"}, "2 tables (fit, topics)"},
	})
}

// TestTopicsSharesSumToOne: the tidy shares of each document, and of each
// group, sum to 1.
func TestTopicsSharesSumToOne(t *testing.T) {
	for _, by := range []string{"doc", "region", "year"} {
		out, stderr, err := run(t, "", "topics", samples, "--k", "4", "--iter", "30", "--by", by, "-f", "csv")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		col, rows := readCSV(t, out)
		key := map[string]string{"doc": "doc", "region": "region", "year": "year"}[by]
		sum, topics := map[string]float64{}, map[string]int{}
		for _, r := range rows {
			x, err := strconv.ParseFloat(r[col["share"]], 64)
			if err != nil {
				t.Fatal(err)
			}
			sum[r[col[key]]] += x
			topics[r[col[key]]]++
		}
		if len(sum) < 3 {
			t.Fatalf("--by %s: %d units", by, len(sum))
		}
		for u, s := range sum {
			if math.Abs(s-1) > 4*0.00005 || topics[u] != 4 {
				t.Errorf("--by %s: unit %s: %d shares summing to %g", by, u, topics[u], s)
			}
		}
	}
}

// TestScaleDirection: the default puts the first report of the earliest
// year left of the first of the latest, and --dir naming them the other
// way round flips every θ.
func TestScaleDirection(t *testing.T) {
	theta := func(args ...string) (map[string]float64, string, string) {
		out, stderr, err := run(t, "", append([]string{"scale", samples, "--replicates", "0", "-f", "csv"}, args...)...)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		col, rows := readCSV(t, out)
		m := map[string]float64{}
		var first, last string
		lo, hi := 1<<30, 0
		for _, r := range rows {
			id := r[col["doc"]]
			m[id], _ = strconv.ParseFloat(r[col["theta"]], 64)
			y, _ := strconv.Atoi(r[col["year"]])
			if y < lo {
				lo, first = y, id
			}
			if y > hi {
				hi, last = y, id
			}
		}
		return m, first, last
	}
	def, first, last := theta()
	if !(def[first] < def[last]) || first == last {
		t.Errorf("default: θ(%s) = %g not below θ(%s) = %g", first, def[first], last, def[last])
	}
	flipped, _, _ := theta("--dir", last+","+first)
	for id, x := range def {
		if math.Abs(flipped[id]+x) > 1e-4 {
			t.Errorf("%s: θ %g, flipped %g", id, x, flipped[id])
		}
	}
}

// TestCooccurNetworkFiles writes the network as GraphML and GEXF: each is
// XML whose edges are the pairs of the CSV, before --top.
func TestCooccurNetworkFiles(t *testing.T) {
	out, _, err := run(t, "", "cooccur", samples, "--top", "0", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	_, rows := readCSV(t, out)
	dir := t.TempDir()
	for _, ext := range []string{".graphml", ".gexf", ".GEXF"} {
		path := filepath.Join(dir, "net"+ext)
		stdout, stderr, err := run(t, "", "cooccur", samples, "--top", "3", "-o", path)
		if err != nil || stdout != "" {
			t.Fatalf("%s: %v (stdout %q)\n%s", ext, err, stdout, stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Edges []struct{} `xml:"graph>edge"`
			GEXF  []struct{} `xml:"graph>edges>edge"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		if n := len(doc.Edges) + len(doc.GEXF); n != len(rows) || !strings.Contains(string(data), "五水共治") {
			t.Errorf("%s: %d edges, the CSV %d pairs", ext, n, len(rows))
		}
		if ext == ".graphml" {
			checkGolden(t, "cooccur.graphml", string(data))
		}
	}
}

// TestExpandAsLexicon writes the candidates as a lexicon that tifa reads
// back: one entry per listed word that is no slogan, of the category of
// the first TERM.
func TestExpandAsLexicon(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cands.yaml")
	out, stderr, err := run(t, "", "expand", samples, "五水共治", "--min-count", "2", "--top", "8", "--as-lexicon", path, "-f", "csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	col, rows := readCSV(t, out)
	var words []string
	for _, r := range rows {
		if r[col["slogan"]] == "" {
			words = append(words, r[col["term"]])
		}
	}
	entries, err := lexicon.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(words) || len(words) == 0 {
		t.Fatalf("%d entries for %d words listed", len(entries), len(words))
	}
	for i, e := range entries {
		if e.Slogan != words[i] || e.Category != "environment" {
			t.Errorf("entry %d: %s (%s), want %s (environment)", i, e.Slogan, e.Category, words[i])
		}
	}
	data, _ := os.ReadFile(path)
	checkGolden(t, "expand_lexicon.yaml", string(data))
}

// TestMethodsPlot draws each method's charts from the samples: valid files
// holding the labels they promise, the table unchanged by --plot.
func TestMethodsPlot(t *testing.T) {
	needFont(t)
	for _, c := range []struct {
		name string
		args []string
		file string
		text string
	}{
		{"topics heatmap", []string{"topics", samples, "--k", "3", "--iter", "30"}, "topics.svg", "2024"},
		{"topics lines", []string{"topics", samples, "--k", "3", "--iter", "30", "--seeded", "--plot-type", "lines"}, "topics.png", ""},
		{"wordfish positions", []string{"scale", samples, "--replicates", "10"}, "positions.svg", "白沙镇_2019.txt"},
		{"eiffel tower", []string{"scale", samples, "--replicates", "0", "--plot-type", "words"}, "eiffel.svg", "ψ"},
		{"ca map", []string{"scale", samples, "--method", "ca"}, "ca.svg", "dimension 1"},
		{"ca words", []string{"scale", samples, "--method", "ca", "--plot-type", "words"}, "ca_words.png", ""},
		{"network", []string{"cooccur", samples, "--window", "paragraph"}, "net.svg", "五水共治"},
	} {
		t.Run(c.name, func(t *testing.T) {
			plain, _, err := run(t, "", append(c.args, "-f", "csv")...)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), c.file)
			out, stderr, err := run(t, "", append(c.args, "-f", "csv", "--plot", path)...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if out != plain {
				t.Errorf("--plot changed the table printed")
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkChartFile(t, c.file, data, c.text)
		})
	}
}

// TestCorpusMethodCharts draws the README's charts of the method commands
// on ../shared/corpus with the commands the README gives under them: each
// PNG decodes at a readable size and each SVG holds the labels the
// README's text speaks of. With -docs-img the PNGs replace those in
// docs/img.
func TestCorpusMethodCharts(t *testing.T) {
	needFont(t)
	corpus := needShared(t, "corpus")
	drawCorpusCharts(t, []corpusChart{
		{"topics", []string{"topics", filepath.Join(corpus, "national"), "--k", "8"}, []string{"人民公社", "1954", "2025"}},
		{"scale", []string{"scale", filepath.Join(corpus, "provincial"), "--by", "region"}, []string{"内蒙古", "天津", "θ"}},
		{"scale_words", []string{"scale", filepath.Join(corpus, "provincial"), "--by", "region", "--replicates", "0", "--plot-type", "words"}, []string{"自治区", "大都市"}},
		{"cooccur", []string{"cooccur", corpus}, []string{"两个确立", "雄安新区", "邓小平理论"}},
		{"expand", []string{"expand", corpus, "共同富裕", "--by", "level", "--top", "6"}, []string{"先富起来", "生活品质"}},
	})
}
