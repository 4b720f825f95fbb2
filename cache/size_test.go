package cache

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"750000000": 750_000_000, "500MB": 500_000_000, "500 mb": 500_000_000, "1.5GB": 1_500_000_000,
		"2g": 2_000_000_000, "1GiB": 1 << 30, "64KiB": 64 << 10, "10 kB": 10_000, "3 B": 3, " 1T ": 1e12,
	} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "-1GB", "1 GBs", "GB", "1e400", "NaN", "inf", "12 parsecs"} {
		if got, err := ParseSize(bad); err == nil || !strings.Contains(err.Error(), "bad size") {
			t.Errorf("ParseSize(%q) = %d, %v; want an error", bad, got, err)
		}
	}
}

func TestMaxFromEnv(t *testing.T) {
	t.Setenv(EnvMax, "")
	if n, err := MaxFromEnv(); n != DefaultMaxBytes || err != nil {
		t.Errorf("unset: %d, %v", n, err)
	}
	t.Setenv(EnvMax, "200MB")
	if n, err := MaxFromEnv(); n != 200_000_000 || err != nil {
		t.Errorf("200MB: %d, %v", n, err)
	}
	t.Setenv(EnvMax, "lots")
	if n, err := MaxFromEnv(); n != DefaultMaxBytes || err == nil || !strings.HasPrefix(err.Error(), "$TIFA_CACHE_MAX: bad size") {
		t.Errorf("lots: %d, %v", n, err)
	}
	w := &warnings{}
	c, err := Open(t.TempDir(), Options{Version: "v", Warn: w.add})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], "using the default cap of 1 GB") {
		t.Errorf("warnings %q", msgs)
	}
}

// smallFiles makes bbolt grow files by doubling, as it does without the
// large first memory map, so that caps of a few MB can be tested.
func smallFiles(t *testing.T) {
	old := initialMmap
	initialMmap = 0
	t.Cleanup(func() { initialMmap = old })
}

// openAt opens the cache for version with the cap max, its clock at now.
func openAt(t *testing.T, dir, version string, max int64, now time.Time, w *warnings) *Cache {
	t.Helper()
	c, err := Open(dir, Options{Version: version, MaxBytes: max, Warn: w.add, BatchBytes: 256 << 10})
	if err != nil {
		t.Fatal(err)
	}
	c.now = now
	return c
}

// bulky is an entry of about 20 kB that does not compress.
func bulky(i int) []string {
	r := rand.New(rand.NewPCG(uint64(i), 1))
	b := make([]byte, 20_000)
	for k := range b {
		b[k] = 'a' + byte(r.IntN(26))
	}
	return []string{string(b)}
}

// TestCapDropsLeastRecentlyUsed: over its cap, the cache drops the
// entries of other builds first, then this build's least recently used,
// and the file shrinks back under the cap (issue 14, item 12: the
// default cache grew without bound, older builds never pruned).
func TestCapDropsLeastRecentlyUsed(t *testing.T) {
	smallFiles(t)
	dir := t.TempDir()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := &warnings{}
	put := func(c *Cache, prefix string, n int) {
		for i := range n {
			c.PutTerms(fmt.Sprint(prefix, i), bulky(i), []int{1}, []int{-1})
		}
	}
	// An older build's entries: 1 MB.
	c := openAt(t, dir, "old", -1, t0, w)
	put(c, "o", 50)
	c.Close()
	// This build, first run: 2 MB; second run, two hours later: half of
	// them read again.
	c = openAt(t, dir, "v", -1, t0, w)
	put(c, "k", 100)
	c.Close()
	c = openAt(t, dir, "v", -1, t0.Add(2*time.Hour), w)
	for i := 50; i < 100; i++ {
		if _, _, _, ok := c.GetTerms(fmt.Sprint("k", i)); !ok {
			t.Fatalf("k%d missing", i)
		}
	}
	c.Close()
	if msgs := w.all(); len(msgs) != 0 {
		t.Fatalf("warnings before the cap: %q", msgs)
	}
	// Third run with a cap of 2 MB: the file is over it.
	const max = 2_000_000
	c = openAt(t, dir, "v", max, t0.Add(4*time.Hour), w)
	msgs := w.all()
	if len(msgs) != 1 || !strings.Contains(msgs[0], "over its cap of 2 MB: dropped the entries of 1 other tifa builds and ") {
		t.Errorf("warnings %q", msgs)
	}
	if size := c.fileSize(); size > max {
		t.Errorf("file of %d bytes after pruning, over the cap of %d", size, max)
	}
	old := 0
	for i := range 100 {
		_, _, _, ok := c.GetTerms(fmt.Sprint("k", i))
		switch {
		case i < 50 && ok:
			old++
		case i >= 50 && !ok:
			t.Errorf("k%d, read two hours after k0–k49, was dropped before them", i)
		}
	}
	if old == 50 || old == 0 {
		t.Errorf("%d of k0–k49 kept: want some dropped to fit the cap, some kept", old)
	}
	c.Close()
	info, err := Inspect(dir, 0)
	if err != nil || len(info.Versions) != 1 || info.Versions[0].Version != "v" || info.Size > max {
		t.Errorf("Inspect = %+v, %v", info, err)
	}
}

// TestCapStopsStoring: a run that passes the cap stores no more entries,
// says so once, and Close brings the file back under the cap.
func TestCapStopsStoring(t *testing.T) {
	smallFiles(t)
	dir := t.TempDir()
	w := &warnings{}
	const max = 1_000_000
	c := openAt(t, dir, "v", max, time.Now(), w)
	for i := range 200 { // 4 MB
		c.PutTerms(fmt.Sprint("k", i), bulky(i), []int{1}, []int{-1})
	}
	stored := 0
	for i := range 200 {
		if _, _, _, ok := c.GetTerms(fmt.Sprint("k", i)); ok {
			stored++
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	msgs := w.all()
	if len(msgs) != 2 || !strings.Contains(msgs[0], "past its cap of 1 MB: this run stores no more entries") || !strings.Contains(msgs[1], "over its cap of 1 MB") {
		t.Errorf("warnings %q", msgs)
	}
	if stored >= 200 {
		t.Errorf("all %d entries stored past the cap", stored)
	}
	fi, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil || fi.Size() > max {
		t.Errorf("file %v, %v: over the cap", fi.Size(), err)
	}
}

// TestStampOncePerHour: a hit writes the entry's last-used stamp only
// when it is an hour old, so a run of hits writes at most one batch.
func TestStampOncePerHour(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Now()
	c := openAt(t, dir, "v", -1, t0, &warnings{})
	c.PutTerms("a", []string{"x"}, []int{1}, []int{-1})
	c.Close()
	for _, tc := range []struct {
		after   time.Duration
		commits int
	}{{10 * time.Minute, 0}, {2 * time.Hour, 1}} {
		c = openAt(t, dir, "v", -1, t0.Add(tc.after), &warnings{})
		for range 3 {
			if _, _, _, ok := c.GetTerms("a"); !ok {
				t.Fatal("entry missing")
			}
		}
		if err := c.Flush(); err != nil {
			t.Fatal(err)
		}
		if s := c.Stats(); s.Commits != tc.commits {
			t.Errorf("%v later: %d commits, want %d", tc.after, s.Commits, tc.commits)
		}
		c.Close()
	}
}

// FuzzParseSize: a size is positive, and what FormatSize-style input
// ParseSize accepts round-trips within rounding.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"500MB", "1.5 GB", "2g", "1GiB", "0", "-1", "1e3kb", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			if n != 0 || !strings.HasPrefix(err.Error(), "bad size ") {
				t.Fatalf("ParseSize(%q) = %d, %v", s, n, err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("ParseSize(%q) = %d", s, n)
		}
		if m, err := ParseSize(strconv.FormatInt(max(n, 1), 10)); err != nil || m != max(n, 1) {
			t.Fatalf("ParseSize(%d) = %d, %v", n, m, err)
		}
	})
}
