package cache

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tifa-project/tifa/reports"
)

// warnings collects the messages of Options.Warn.
type warnings struct {
	mu   sync.Mutex
	msgs []string
}

func (w *warnings) add(msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.msgs = append(w.msgs, msg)
}

func (w *warnings) all() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.msgs)
}

// open opens the cache in dir for version, failing the test on error, and
// closes it at the end of the test unless the test did.
func open(t *testing.T, dir, version string, w *warnings) *Cache {
	t.Helper()
	c, err := Open(dir, Options{Version: version, Warn: w.add, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	w := &warnings{}
	c := open(t, dir, "0.1.0", w)
	docs := []*reports.Document{sampleDoc()}
	terms, counts, entries := []string{"乡村振兴", "改革"}, []int{2, 5}, []int{3, -1}

	if _, ok := c.GetDocs("h1/店口镇_2020.txt"); ok {
		t.Fatal("GetDocs hit in an empty cache")
	}
	if _, _, _, ok := c.GetTerms("h1#0 words all"); ok {
		t.Fatal("GetTerms hit in an empty cache")
	}
	c.PutDocs("h1/店口镇_2020.txt", docs)
	c.PutTerms("h1#0 words all", terms, counts, entries)
	docs[0].Text = "changed after PutDocs" // the cache holds its own copy

	check := func(c *Cache, when string) {
		t.Helper()
		got, ok := c.GetDocs("h1/店口镇_2020.txt")
		if !ok || !reflect.DeepEqual(got, []*reports.Document{sampleDoc()}) {
			t.Errorf("%s: GetDocs = %v, %v; want the sample document", when, got, ok)
		}
		gt, gc, ge, ok := c.GetTerms("h1#0 words all")
		if !ok || !slices.Equal(gt, terms) || !slices.Equal(gc, counts) || !slices.Equal(ge, entries) {
			t.Errorf("%s: GetTerms = %q %v %v %v", when, gt, gc, ge, ok)
		}
	}
	check(c, "queued")
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	check(c, "committed")
	if s := c.Stats(); s.DocHits != 2 || s.DocMisses != 1 || s.TermHits != 2 || s.TermMisses != 1 || s.Puts != 2 || s.Commits != 1 {
		t.Errorf("stats %+v", s)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	check(open(t, dir, "0.1.0", w), "reopened")
	if msgs := w.all(); len(msgs) != 0 {
		t.Errorf("warnings: %q", msgs)
	}
}

// TestBatches: writes are committed when the queue reaches BatchBytes,
// and the rest at Close.
func TestBatches(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir, Options{Version: "v", BatchBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		c.PutTerms(fmt.Sprint("k", i), []string{strings.Repeat("词", 100)}, []int{i}, []int{-1})
	}
	commits := c.Stats().Commits
	// 100 entries of ~320 bytes in batches of 4 KiB: about 8 commits.
	if commits < 5 || commits > 10 {
		t.Errorf("%d commits before Close, want about 8", commits)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "v", nil)
	for i := range 100 {
		if _, counts, _, ok := c.GetTerms(fmt.Sprint("k", i)); !ok || counts[0] != i {
			t.Fatalf("entry k%d: %v %v", i, counts, ok)
		}
	}
}

func TestNilCache(t *testing.T) {
	var c *Cache
	c.PutDocs("k", []*reports.Document{sampleDoc()})
	c.PutTerms("k", []string{"a"}, []int{1}, []int{-1})
	if _, ok := c.GetDocs("k"); ok {
		t.Error("nil cache: GetDocs hit")
	}
	if _, _, _, ok := c.GetTerms("k"); ok {
		t.Error("nil cache: GetTerms hit")
	}
	if err := c.Flush(); err != nil {
		t.Error(err)
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
	if c.Path() != "" || c.Stats() != (Stats{}) {
		t.Error("nil cache: Path or Stats not zero")
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(t.TempDir(), Options{}); err == nil {
		t.Error("Open without a Version succeeded")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, Options{Version: "v"}); err == nil {
		t.Error("Open of a directory that is a file succeeded")
	}
}

// TestVersions: entries of one version are invisible to another, and only
// the KeepVersions versions used last keep theirs.
func TestVersions(t *testing.T) {
	dir := t.TempDir()
	use := func(version string, keep int, put bool) bool {
		c, err := Open(dir, Options{Version: version, KeepVersions: keep})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_, _, _, ok := c.GetTerms("k")
		if put {
			c.PutTerms("k", []string{version}, []int{1}, []int{-1})
		}
		return ok
	}
	use("a", 2, true)
	if use("b", 2, true) {
		t.Error("version b read the entry of version a")
	}
	if !use("a", 2, false) {
		t.Error("version a lost its entry after b ran")
	}
	use("c", 2, true) // a, b, c: the oldest stamp (a's, not refreshed within the hour) goes
	info, err := Inspect(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range info.Versions {
		names = append(names, v.Version)
		if v.Format != Format || v.Terms.Entries != 1 || v.LastUsed.IsZero() {
			t.Errorf("version %+v", v)
		}
	}
	if !slices.Equal(names, []string{"c", "b"}) {
		t.Errorf("versions kept %q, want [c b]", names)
	}
	if use("a", 2, false) {
		t.Error("version a still has its entry after being dropped")
	}
}

// corruptions damage one stored terms entry in ways a disk, a crash or a
// bug could.
var corruptions = []struct {
	name string
	edit func(v []byte) []byte
}{
	{"truncated to half", func(v []byte) []byte { return v[:len(v)/2] }},
	{"truncated to 2 bytes", func(v []byte) []byte { return v[:2] }},
	{"empty", func(v []byte) []byte { return []byte{} }},
	{"bit flipped in payload", func(v []byte) []byte { v[len(v)-3] ^= 0x10; return v }},
	{"bit flipped in checksum", func(v []byte) []byte { v[0] ^= 0x01; return v }},
	{"wrong kind, valid checksum", func(v []byte) []byte { v[4] = kindDocs; return seal(v) }},
	{"malformed payload, valid checksum", func(v []byte) []byte { return seal(append(v[:headerLen], 0xff, 0xff)) }},
}

func TestCorruptEntryWrittenDirectly(t *testing.T) {
	for _, tc := range corruptions {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			w := &warnings{}
			c := open(t, dir, "v", w)
			c.PutTerms("doc", []string{"乡村振兴", "改革"}, []int{2, 5}, []int{3, -1})
			if err := c.Flush(); err != nil {
				t.Fatal(err)
			}
			err := c.db.Update(func(tx *bolt.Tx) error {
				b := c.bucket(tx, kindTerms)
				return b.Put([]byte("doc"), tc.edit(slices.Clone(b.Get([]byte("doc")))))
			})
			if err != nil {
				t.Fatal(err)
			}
			assertDropped(t, c, w)
		})
	}
}

// assertDropped checks that the damaged entry "doc" misses, is reported,
// is gone from the file once flushed, and can be stored again.
func assertDropped(t *testing.T, c *Cache, w *warnings) {
	t.Helper()
	if terms, _, _, ok := c.GetTerms("doc"); ok {
		t.Fatalf("damaged entry returned: %q", terms)
	}
	if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], `terms entry "doc" dropped`) {
		t.Errorf("warnings %q, want one about the dropped entry", msgs)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	_ = c.db.View(func(tx *bolt.Tx) error {
		if v := c.bucket(tx, kindTerms).Get([]byte("doc")); v != nil {
			t.Error("damaged entry still in the database after Flush")
		}
		return nil
	})
	c.PutTerms("doc", []string{"改革"}, []int{5}, []int{-1})
	if _, counts, _, ok := c.GetTerms("doc"); !ok || counts[0] != 5 {
		t.Error("rebuilt entry not returned")
	}
	if s := c.Stats(); s.Corrupt != 1 {
		t.Errorf("Stats.Corrupt = %d, want 1", s.Corrupt)
	}
}

// TestCorruptBytesInFile flips bytes of a stored document's text in the
// database file itself, as a failing disk would.
func TestCorruptBytesInFile(t *testing.T) {
	dir := t.TempDir()
	w := &warnings{}
	c := open(t, dir, "v", w)
	d := sampleDoc()
	d.Text += strings.Repeat("MARKER", 100)
	c.PutDocs("doc", []*reports.Document{d})
	c.PutDocs("other", []*reports.Document{sampleDoc()})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte("MARKERMARKER"))
	if at < 0 {
		t.Fatal("marker not found in the database file")
	}
	raw[at+3] = 'X'
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "v", w)
	if _, ok := c.GetDocs("doc"); ok {
		t.Fatal("document with a damaged text returned")
	}
	if _, ok := c.GetDocs("other"); !ok {
		t.Error("the undamaged entry was lost")
	}
	if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], "checksum mismatch") {
		t.Errorf("warnings %q, want one checksum mismatch", msgs)
	}
}

// TestUnreadableFile: a cache file that is not a bbolt database (or whose
// meta pages are damaged) is replaced by an empty one, with a warning.
func TestUnreadableFile(t *testing.T) {
	tests := []struct {
		name string
		edit func(raw []byte) []byte
	}{
		{"not a database", func([]byte) []byte { return bytes.Repeat([]byte("not bbolt "), 2000) }},
		{"every page but the meta pages zeroed", func(raw []byte) []byte { clear(raw[2*4096:]); return raw }},
		{"both meta pages damaged", func(raw []byte) []byte {
			for _, at := range []int{16, 4096 + 16} { // inside each meta page, after the page header
				raw[at] ^= 0xff
			}
			return raw
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := open(t, dir, "v", nil)
			c.PutTerms("doc", []string{"a"}, []int{1}, []int{-1})
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, FileName)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.edit(raw), 0o644); err != nil {
				t.Fatal(err)
			}
			w := &warnings{}
			c = open(t, dir, "v", w)
			if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], "starting an empty cache") {
				t.Errorf("warnings %q", msgs)
			}
			if _, _, _, ok := c.GetTerms("doc"); ok {
				t.Error("entry read from a replaced file")
			}
			c.PutTerms("doc", []string{"a"}, []int{1}, []int{-1})
			if err := c.Flush(); err != nil {
				t.Errorf("the new file is not writable: %v", err)
			}
		})
	}
}

// TestLocked: bbolt's flock is per open file, so a second Open in the
// same process waits for the first as a second tifa process would, and
// gives up with ErrLocked after its timeout.
func TestLocked(t *testing.T) {
	dir := t.TempDir()
	first := open(t, dir, "v", nil)
	first.PutTerms("doc", []string{"a"}, []int{1}, []int{-1})

	start := time.Now()
	second, err := Open(dir, Options{Version: "v", Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		second.Close()
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited < 150*time.Millisecond {
		t.Errorf("second Open gave up after %v, before its timeout", waited)
	}
	if _, err := Inspect(dir, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("Inspect while locked: %v, want ErrLocked", err)
	}
	if _, err := Clear(dir, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("Clear while locked: %v, want ErrLocked", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second = open(t, dir, "v", nil)
	if _, _, _, ok := second.GetTerms("doc"); !ok {
		t.Error("second Open after the first closed: entry missing")
	}
}

// TestConcurrentUse runs readers and writers on one Cache (run with
// -race); small batches make commits overlap reads.
func TestConcurrentUse(t *testing.T) {
	c, err := Open(t.TempDir(), Options{Version: "v", BatchBytes: 2048})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				key := fmt.Sprintf("g%d-%d", g, i)
				c.PutTerms(key, []string{"稳就业", key}, []int{i, 1}, []int{8, -1})
				if i%3 == 0 {
					if _, counts, _, ok := c.GetTerms(fmt.Sprintf("g%d-%d", g, i/2)); !ok || counts[0] != i/2 {
						t.Errorf("entry %d of goroutine %d: %v %v", i/2, g, counts, ok)
					}
				}
			}
		})
	}
	wg.Wait()
	if s := c.Stats(); s.Corrupt != 0 || s.Commits < 10 {
		t.Errorf("stats %+v", s)
	}
}

func TestInspectAndClear(t *testing.T) {
	dir := t.TempDir()
	info, err := Inspect(dir, 0)
	if err != nil || info.Exists || len(info.Versions) != 0 {
		t.Fatalf("Inspect of an empty directory: %+v, %v", info, err)
	}
	if n, err := Clear(dir, 0); n != 0 || err != nil {
		t.Fatalf("Clear of an empty directory: %d, %v", n, err)
	}
	c := open(t, dir, "0.1.0", nil)
	c.PutDocs("a", []*reports.Document{sampleDoc()})
	c.PutDocs("b", []*reports.Document{sampleDoc(), sampleDoc()})
	c.PutTerms("a", []string{"x"}, []int{1}, []int{-1})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	info, err = Inspect(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Exists || info.Size == 0 || len(info.Versions) != 1 {
		t.Fatalf("Inspect: %+v", info)
	}
	v := info.Versions[0]
	if v.Version != "0.1.0" || v.Format != Format || v.Docs.Entries != 2 || v.Terms.Entries != 1 || v.Docs.Bytes < int64(3*len(sampleDoc().Text)) {
		t.Errorf("version info %+v", v)
	}
	n, err := Clear(dir, 0)
	if err != nil || n != info.Size {
		t.Errorf("Clear: %d, %v; want %d", n, err, info.Size)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Errorf("database still there after Clear: %v", err)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/tmp/xdg")
	dir, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("/tmp/xdg", "tifa")
	if runtime.GOOS != "linux" { // only Linux follows XDG
		want = filepath.Join(filepath.Dir(dir), "tifa")
	}
	if dir != want {
		t.Errorf("DefaultDir = %q, want %q", dir, want)
	}
}

// TestDamagedPages zeroes the leaf pages holding a database's entries,
// leaving its meta, freelist and bucket pages whole, so bbolt opens it and
// fails on the first read of an entry (it panics on a page of the wrong
// type). The cache turns itself off for
// the run with one warning, removes the file at Close, and the next Open
// starts afresh.
func TestDamagedPages(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v", nil)
	for i := range 200 {
		c.PutTerms(fmt.Sprint("doc", i), []string{strings.Repeat("改革", 100)}, []int{i}, []int{-1})
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize, leafFlag = 4096, 0x02 // bbolt's page header: id (8 bytes), flags (2) …
	zeroed := 0
	for at := 2 * pageSize; at+pageSize <= len(raw); at += pageSize {
		page := raw[at : at+pageSize]
		if page[8] == leafFlag && page[9] == 0 && bytes.Contains(page, []byte("改革改革")) {
			clear(page)
			zeroed++
		}
	}
	if zeroed == 0 {
		t.Fatal("no leaf page found")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	w := &warnings{}
	c, err = Open(dir, Options{Version: "v", Warn: w.add})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for i := range 3 {
		if _, _, _, ok := c.GetTerms(fmt.Sprint("doc", i)); ok {
			t.Fatal("entry read from a damaged page")
		}
	}
	c.PutTerms("new", []string{"a"}, []int{1}, []int{-1})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], "damaged database") {
		t.Errorf("warnings %q, want one about the damaged database", msgs)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("damaged file not removed at Close: %v", err)
	}
	c = open(t, dir, "v", nil)
	c.PutTerms("doc0", []string{"a"}, []int{1}, []int{-1})
	if err := c.Flush(); err != nil {
		t.Errorf("writing to the new file: %v", err)
	}
}
