package main

// Tests of tifa demo: its tables are the commands' own, its clustering
// finds the four kinds of place the samples were written as, it fits a
// terminal of 100 columns.

import (
	"bytes"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/table"
)

// demoTablesOf runs the demo's computation in-process.
func demoTablesOf(t *testing.T) []*table.Table {
	t.Helper()
	g := &globals{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	tables, err := demoTables(g)
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

// records writes tb as CSV with the demo's document columns (demoColumns)
// and reads it back (readCSV): its header index and rows.
func records(t *testing.T, tb *table.Table) (map[string]int, [][]string) {
	t.Helper()
	cols, err := table.ParseColumns(demoColumns)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (table.Output{Stdout: &b, Columns: cols}).Write(table.FormatCSV, false, tb); err != nil {
		t.Fatal(err)
	}
	return readCSV(t, b.String())
}

// TestDemoMatchesCommands: each table of the demo holds, in the columns
// it shows, exactly what the command its title names prints on the
// sample folder, so that a user who runs that command sees the same.
func TestDemoMatchesCommands(t *testing.T) {
	tables := demoTablesOf(t)
	commands := [][]string{
		{"docs", samples},
		{"count", samples, "--wide"},
		{"trend", samples, "--wide", "--top", "10"},
		{"similar", samples, "--by", "region", "--k", "1"},
		{"cluster", samples, "--by", "region", "--table", "profile", "--top", "3"},
	}
	if len(tables) != len(commands) {
		t.Fatalf("%d demo tables, want %d", len(tables), len(commands))
	}
	for i, args := range commands {
		name := strings.Join(args[:1], " ")
		if !strings.Contains(tables[i].Title, "tifa "+args[0]) {
			t.Errorf("table %d is titled %q, want it to name tifa %s", i+1, tables[i].Title, args[0])
		}
		out, stderr, err := run(t, "", append(args, "-f", "csv", "-q")...)
		if err != nil {
			t.Fatalf("tifa %s: %v\n%s", name, err, stderr)
		}
		wantCol, want := readCSV(t, out)
		gotCol, got := records(t, tables[i])
		if len(got) != len(want) {
			t.Errorf("%s: the demo has %d rows, the command %d", name, len(got), len(want))
			continue
		}
		for col, j := range gotCol {
			k, ok := wantCol[col]
			if !ok {
				t.Errorf("%s: the demo's column %s is not among the command's", name, col)
				continue
			}
			for r := range got {
				if got[r][j] != want[r][k] {
					t.Errorf("%s row %d column %s: demo %q, command %q", name, r, col, got[r][j], want[r][k])
				}
			}
		}
	}
}

// TestDemoClusters: the samples were written as four kinds of place, and
// the clustering of 'tifa cluster --by region' (k by silhouette) finds
// them, each with the slogans a reader of such reports expects: the street
// office's urban renewal and community governance, the tourism townships'
// 两山 and 全域旅游, the farming townships' grain and land (非粮化, 菜篮子,
// 三权分置), the industrial towns' 小微企业园 and 亩均论英雄 — with the
// county, whose reports are mostly about industry, beside them. And each
// township's nearest neighbour is the other of its kind.
func TestDemoClusters(t *testing.T) {
	tables := demoTablesOf(t)
	col, profile := records(t, tables[4])
	if !maps.Equal(col, map[string]int{"cluster": 0, "size": 1, "members": 2, "slogans": 3}) {
		t.Fatalf("profile columns %v", col)
	}
	want := [][]string{
		{"1", "1", "东湖街道", "城市更新 ×8.0; 未来社区 ×5.5; 三治融合 ×8.0"},
		{"2", "2", "云溪镇; 枫岭乡", "两山理论 ×4.0; 全域旅游 ×3.4; 未来乡村 ×4.0"},
		{"3", "2", "桑田镇; 禾丰乡", "非粮化 ×4.0; 菜篮子 ×4.0; 三权分置 ×4.0"},
		{"4", "3", "白沙镇; 石桥镇; 青溪县", "小微企业园 ×2.7; 数字经济 ×2.7; 亩均论英雄 ×2.7"},
	}
	if !slices.EqualFunc(profile, want, slices.Equal) {
		t.Errorf("cluster profiles:\n%q\nwant\n%q", profile, want)
	}

	nearest := map[string]string{}
	col, rows := records(t, tables[3])
	for _, r := range rows {
		nearest[r[col["region"]]] = r[col["neighbour"]]
	}
	for a, b := range map[string]string{"白沙镇": "石桥镇", "石桥镇": "白沙镇", "云溪镇": "枫岭乡", "枫岭乡": "云溪镇",
		"禾丰乡": "桑田镇", "桑田镇": "禾丰乡", "青溪县": "白沙镇"} {
		if nearest[a] != b {
			t.Errorf("%s sounds most like %s, want %s", a, nearest[a], b)
		}
	}
}

// TestDemoWidth: every line the demo prints fits a terminal of 100
// columns (a Chinese character takes two), and nothing is a warning.
func TestDemoWidth(t *testing.T) {
	out, stderr, err := run(t, "", "demo", "-f", "table")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(out+stderr, "\n") {
		if w := table.TextWidth(line); w > 100 {
			t.Errorf("line %d is %d columns wide: %s", i+1, w, line)
		}
	}
	if strings.Contains(stderr, "warning") {
		t.Errorf("the demo warns:\n%s", stderr)
	}
	if !strings.Contains(stderr, "tifa cluster DIR --by region") {
		t.Errorf("the demo does not end with the next steps:\n%s", stderr)
	}
}

// TestDemoInReadme: the README's first screen shows the demo's cluster
// table as the demo prints it in Markdown.
func TestDemoInReadme(t *testing.T) {
	profile := demoTablesOf(t)[4]
	profile.Title = ""
	var b bytes.Buffer
	if err := table.Render(&b, profile, table.FormatMD, false); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(b.String())
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not show the demo's cluster table:\n%s", want)
	}
}
