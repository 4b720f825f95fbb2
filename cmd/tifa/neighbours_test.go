package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestSimilarLargeCorpusFlags: --within keeps neighbours inside the
// block; --approx with every unit a candidate gives the exact table and
// provenance names the method; bad combinations are errors naming flags.
func TestSimilarLargeCorpusFlags(t *testing.T) {
	base := []string{"similar", samples, "--space", "words", "--k", "3", "-f", "csv", "--no-cache"}
	out, _, err := run(t, "", append(base, "--within", "level")...)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("--within level: %v\n%s", err, out)
	}
	level := map[string]string{}
	for _, r := range rows[1:] {
		level[r[0]] = r[2]
	}
	for _, r := range rows[1:] {
		if level[r[5]] != r[2] {
			t.Errorf("--within level: %s (%s) has neighbour %s (%s)", r[0], r[2], r[5], level[r[5]])
		}
	}

	exact, _, err := run(t, "", append(base, "--provenance")...)
	if err != nil {
		t.Fatal(err)
	}
	approx, _, err := run(t, "", append(base, "--provenance", "--approx", "--candidates", "100")...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(approx, "# method: approximate neighbours: candidates from random projections") || strings.Contains(exact, "# method") {
		t.Errorf("provenance:\n%s\n---\n%s", approx, exact)
	}
	body := func(s string) string { return s[strings.Index(s, "doc,"):] }
	if body(approx) != body(exact) {
		t.Errorf("--approx with every unit a candidate differs from the exact table:\n%s\n---\n%s", approx, exact)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--approx", "--within", "year"}, "give one or the other"},
		{[]string{"--within", "year", "--matrix"}, "leave out --matrix"},
		{[]string{"--candidates", "5"}, "--candidates goes with --approx"},
		{[]string{"--approx", "--candidates", "-1"}, "flag --candidates"},
	} {
		if _, _, err := run(t, "", append(base, tc.args...)...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}
