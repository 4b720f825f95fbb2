package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tifa-project/tifa/extract"
)

// hashCache is a DocCache and HashIndex in memory.
type hashCache struct {
	mu     sync.Mutex
	docs   map[string][]*Document
	hashes map[string]FileHash
}

func newHashCache() *hashCache {
	return &hashCache{docs: map[string][]*Document{}, hashes: map[string]FileHash{}}
}

func (c *hashCache) GetDocs(key string) ([]*Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	docs, ok := c.docs[key]
	out := make([]*Document, len(docs))
	for i, d := range docs {
		dd := *d
		out[i] = &dd
	}
	return out, ok
}

func (c *hashCache) PutDocs(key string, docs []*Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs[key] = docs
}

func (c *hashCache) GetFileHash(path string) (FileHash, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hashes[path]
	return h, ok
}

func (c *hashCache) PutFileHash(path string, h FileHash) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hashes[path] = h
}

// TestFingerprint: a run records each file's hash; the next run, files
// unchanged, knows the corpus's fingerprint before reading anything and
// takes each file's documents from the cache under its recorded hash (a
// planted hash proves the file is not read); a file modified within the
// racy margin of its hashing, or changed in size, or named by another
// manifest row, is read again; a file that changes during a run voids
// the fingerprint.
func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		when := time.Now().Add(-age)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	body := strings.Repeat("全面推进乡村振兴，加快建设美丽乡村。", 40)
	write("甲县_2020.txt", "甲县2020年政府工作报告\n"+body, time.Hour)
	write("乙县_2021.txt", "乙县2021年政府工作报告\n"+body, time.Hour)
	write("manifest.csv", "file,region,level,year\n甲县_2020.txt,甲县,county,2020\n", time.Hour)
	c := newHashCache()
	run := func() (*Source, map[string]string) {
		t.Helper()
		src, err := Open([]string{dir}, Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		if err := src.Each(func(d *Document) error { texts[d.ID] = d.Text; return nil }); err != nil {
			t.Fatal(err)
		}
		return src, texts
	}

	src, first := run()
	fp1, ok := src.Fingerprint()
	if !ok || len(c.hashes) != 2 {
		t.Fatalf("after a first run: fingerprint %q, %v; %d hashes recorded", fp1, ok, len(c.hashes))
	}

	// Second run: known before reading; a planted hash shows the file is not read.
	abs := filepath.Join(dir, "乙县_2021.txt")
	h := c.hashes[abs]
	h.Sum = sha256.Sum256([]byte("planted"))
	c.hashes[abs] = h
	src2, err := Open([]string{dir}, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	var planted string
	for i := range src2.inputs {
		if src2.inputs[i].disk == abs {
			planted = src2.cacheKey(&src2.inputs[i], hex.EncodeToString(h.Sum[:]), extract.Class{})
		}
	}
	c.docs[planted] = []*Document{{ID: "x", Text: "from the cache"}}
	fp2, ok := src2.Fingerprint()
	if !ok || fp2 == fp1 {
		t.Errorf("before reading: fingerprint %q, %v; want one, not the first run's (the planted hash)", fp2, ok)
	}
	texts := map[string]string{}
	if err := src2.Each(func(d *Document) error { texts[d.ID] = d.Text; return nil }); err != nil {
		t.Fatal(err)
	}
	if texts["乙县_2021.txt"] != "from the cache" || texts["甲县_2020.txt"] != first["甲县_2020.txt"] {
		t.Errorf("second run read %q", texts)
	}
	if fp, ok := src2.Fingerprint(); !ok || fp != fp2 {
		t.Errorf("after reading: fingerprint %q, %v; want %q", fp, ok, fp2)
	}

	// The planted document is gone: the file is read, its real hash
	// differs from the one trusted, and the fingerprint is void.
	delete(c.docs, planted)
	src3, _ := Open([]string{dir}, Options{Cache: c})
	if _, ok := src3.Fingerprint(); !ok {
		t.Fatal("third run: no fingerprint before reading")
	}
	if err := src3.Each(func(*Document) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if fp, ok := src3.Fingerprint(); ok {
		t.Errorf("a file read with another hash than trusted: fingerprint %q kept", fp)
	}

	// Now recorded again, with the real hash: the first run's fingerprint.
	if src4, texts := run(); texts["乙县_2021.txt"] != first["乙县_2021.txt"] {
		t.Error("fourth run: not the file's text")
	} else if fp, ok := src4.Fingerprint(); !ok || fp != fp1 {
		t.Errorf("fourth run: fingerprint %q, %v; want the first run's", fp, ok)
	}

	// Racy: modified 1 s before it was hashed. Not trusted next time.
	write("乙县_2021.txt", "乙县2021年政府工作报告\n"+body+"新", time.Second)
	src5, _ := run()
	fp5, ok := src5.Fingerprint()
	if !ok || fp5 == fp1 {
		t.Fatalf("after a change: fingerprint %q, %v", fp5, ok)
	}
	src6, _ := Open([]string{dir}, Options{Cache: c})
	if _, ok := src6.Fingerprint(); ok {
		t.Error("a hash recorded within the racy margin of the file's mtime was trusted")
	}

	// Another manifest row: another fingerprint, same files.
	write("manifest.csv", "file,region,level,year\n甲县_2020.txt,甲县,city,2020\n", time.Hour)
	src7, _ := run()
	if fp, _ := src7.Fingerprint(); fp == fp5 {
		t.Error("a manifest row changed, the fingerprint did not")
	}

	// Without a cache there is no fingerprint before reading.
	src8, _ := Open([]string{dir}, Options{})
	if _, ok := src8.Fingerprint(); ok {
		t.Error("no cache: a fingerprint before reading")
	}
}
