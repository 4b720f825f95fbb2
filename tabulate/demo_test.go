package tabulate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

// TestDemo: the demo's five tables, named and titled after their
// commands, with the columns it keeps. That they hold what the commands
// print is cmd/tifa's TestDemoMatchesCommands.
func TestDemo(t *testing.T) {
	lex := testkit.Builtin(t)
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tables, err := tabulate.Demo(context.Background(), lex, src.ExtraColumns(), src.Each)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != len(tabulate.DemoNames) {
		t.Fatalf("%d tables, want %d", len(tables), len(tabulate.DemoNames))
	}
	for i, tb := range tables {
		cmd := []string{"docs", "count --wide", "trend --wide --top 10", "similar --by region", "cluster --by region"}[i]
		if tb.Name != tabulate.DemoNames[i] || !strings.Contains(tb.Title, "tifa "+cmd+" — ") || len(tb.Rows) == 0 {
			t.Errorf("table %d: name %q, title %q, %d rows", i, tb.Name, tb.Title, len(tb.Rows))
		}
		for _, c := range tb.Cols {
			if c.Name == "silhouette" || c.Name == "category" && i == 2 || c.Name == "warnings" {
				t.Errorf("table %s keeps column %s", tb.Name, c.Name)
			}
		}
	}
	counts := tables[1].Cols
	if last := counts[len(counts)-1].Name; len(counts) < 6 || counts[len(counts)-6].Name != "chars" {
		t.Errorf("counts: want chars and 5 slogans last, got … %s", last)
	}
}
