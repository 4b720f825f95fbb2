package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/load"
)

// runCache runs 'tifa cache ARGS' in-process (without the root command,
// which the lead wires).
func runCache(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	g := &globals{stdout: &out, stderr: &errb}
	cmd := newCacheCmd(g)
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	err := cmd.Execute()
	return out.String(), err
}

func TestCacheInfoAndClear(t *testing.T) {
	dir := t.TempDir()
	out, err := runCache(t, "info", "--cache", dir)
	if err != nil || !strings.Contains(out, "empty: no run has written it yet") {
		t.Fatalf("info on no cache: %q, %v", out, err)
	}
	c, err := cache.Open(dir, cache.Options{Version: load.CacheVersion(version)})
	if err != nil {
		t.Fatal(err)
	}
	c.PutTerms("doc", []string{"乡村振兴"}, []int{1}, []int{0})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	out, err = runCache(t, "info", "--cache", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{filepath.Join(dir, cache.FileName), "this tifa", "docs:  0 entries", "terms: 1 entries", version} {
		if !strings.Contains(out, want) {
			t.Errorf("info lacks %q:\n%s", want, out)
		}
	}
	out, err = runCache(t, "clear", "--cache", dir)
	if err != nil || !strings.HasPrefix(out, "removed the cache in "+dir) {
		t.Fatalf("clear: %q, %v", out, err)
	}
	if out, _ := runCache(t, "clear", "--cache", dir); !strings.HasPrefix(out, "no cache in") {
		t.Errorf("second clear: %q", out)
	}
}

func TestCacheClearLocked(t *testing.T) {
	dir := t.TempDir()
	c, err := cache.Open(dir, cache.Options{Version: "v"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = runCache(t, "clear", "--cache", dir)
	if !errors.Is(err, cache.ErrLocked) || !strings.Contains(err.Error(), "try again") {
		t.Errorf("clear of a cache in use: %v", err)
	}
}

// TestCacheOpts: what each combination of --cache and --no-cache gives.
// TestCacheWarmRun runs commands twice on one cache: the second run reads
// documents and word counts from it, and every output is the same bytes as
// without a cache. A changed manifest row must not be served stale.
func TestCacheWarmRun(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"similar", samples, "--space", "words", "--top", "2", "-f", "csv"},
		{"count", samples, "--section", "plan", "-f", "csv"},
		{"kwic", samples, "六稳", "-f", "csv"}, // its page and line from documents count stored
		{"docs", samples, "-f", "csv"},
	} {
		want, _, err := run(t, "", append(args, "--no-cache")...)
		if err != nil {
			t.Fatal(err)
		}
		for pass := 1; pass <= 2; pass++ {
			got, stderr, err := run(t, "", append(args, "--cache", dir)...)
			if err != nil {
				t.Fatalf("%v pass %d: %v\n%s", args, pass, err, stderr)
			}
			if got != want {
				t.Errorf("%v pass %d: output differs from the run without a cache", args, pass)
			}
		}
	}
	info, _, err := run(t, "", "cache", "info", "--cache", dir)
	if err != nil || !strings.Contains(info, fmt.Sprintf("terms: %d entries", nSamples)) || !strings.Contains(info, "docs:") {
		t.Errorf("cache info after the runs: %v\n%s", err, info)
	}

	// The same report under a manifest that gives another year.
	moved := t.TempDir()
	for _, f := range []string{"云溪镇_2020.txt", "云溪镇_2022.txt"} {
		b, err := os.ReadFile(filepath.Join(samples, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(moved, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest := "file,region,level,year\n云溪镇_2020.txt,云溪镇,township,2019\n云溪镇_2022.txt,云溪镇,township,2022\n"
	if err := os.WriteFile(filepath.Join(moved, "manifest.csv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, err := run(t, "", "docs", moved, "-f", "csv", "--cache", dir, "-q")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "云溪镇_2020.txt,云溪镇,township,2019,") {
		t.Errorf("cached document kept its old year:\n%s", got)
	}
}

// TestCacheDamagedInfoClear: cache info describes a damaged file and its
// cap without opening it; a run moves it aside with one warning; info then
// lists the file set aside, and clear says it removed it.
func TestCacheDamagedInfoClear(t *testing.T) {
	t.Setenv(cache.EnvMax, "")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, cache.FileName), bytes.Repeat([]byte{0xAB}, 4096), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runCache(t, "info", "--cache", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(0.0 MB of a 1000.0 MB cap; --cache-max or $TIFA_CACHE_MAX sets it)", "damaged: ", "the next run moves it aside"} {
		if !strings.Contains(out, want) {
			t.Errorf("info on a damaged cache lacks %q:\n%s", want, out)
		}
	}
	_, stderr, err := run(t, "", "count", samples, "--cache", dir, "-f", "csv")
	if err != nil || strings.Count(stderr, "warning") != 1 || !strings.Contains(stderr, "damaged") {
		t.Fatalf("count with a damaged cache: %v, stderr %q", err, stderr)
	}
	if out, _ := runCache(t, "info", "--cache", dir); !strings.Contains(out, "set aside: "+filepath.Join(dir, cache.FileName)+".damaged-") {
		t.Errorf("info after the run lists no file set aside:\n%s", out)
	}
	out, err = runCache(t, "clear", "--cache", dir)
	if err != nil || !strings.Contains(out, "with 1 damaged cache(s) set aside: ") {
		t.Errorf("clear: %q, %v", out, err)
	}
	if left := cache.SetAside(dir); len(left) != 0 {
		t.Errorf("clear left %v", left)
	}
}

// TestCacheMaxFlag: --cache-max reads a size or none, and refuses what is
// neither, naming the flag.
func TestCacheMaxFlag(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := run(t, "", "count", samples, "--cache", dir, "--cache-max", "50MB", "-f", "csv"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "", "count", samples, "--cache", dir, "--cache-max", "none", "-f", "csv"); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, "", "count", samples, "--cache", dir, "--cache-max", "-5", "-f", "csv")
	if err == nil || !strings.Contains(err.Error(), "flag --cache-max: bad size") {
		t.Errorf("--cache-max -5: %v", err)
	}
	_, _, err = run(t, "", "count", samples, "--no-cache", "--cache-max", "5MB")
	if err == nil || !strings.Contains(err.Error(), "give one or the other") {
		t.Errorf("--no-cache --cache-max: %v", err)
	}
}
