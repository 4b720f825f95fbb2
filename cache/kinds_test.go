package cache

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/reports"
)

// TestFileHashesAndBlobs: file hashes and blobs come back as stored,
// after a reopen too; a blob its decoder rejects is dropped with a
// warning; a blob over a quarter of the cap is not stored; Inspect counts
// both kinds.
func TestFileHashesAndBlobs(t *testing.T) {
	dir := t.TempDir()
	w := &warnings{}
	c := open(t, dir, "0.1.0", w)
	h := reports.FileHash{Identity: infile.Identity{Size: 48213, ModTime: 1700000000123456789, Inode: 91, Device: 2049, ChangeTime: -5},
		Recorded: 1700000009000000000}
	h.Sum[0], h.Sum[31] = 0xab, 0xcd
	if _, ok := c.GetFileHash("/corpus/a.txt"); ok {
		t.Fatal("GetFileHash hit in an empty cache")
	}
	c.PutFileHash("/corpus/a.txt", h)
	blob := bytes.Repeat([]byte("矩阵"), 1000)
	c.PutBlob("vectors 1", blob)
	get := func(c *Cache, key string) ([]byte, bool) {
		var got []byte
		ok := c.GetBlob(key, func(p []byte) error {
			got = bytes.Clone(p)
			return nil
		})
		return got, ok
	}
	for pass := range 2 {
		if got, ok := c.GetFileHash("/corpus/a.txt"); !ok || got != h {
			t.Errorf("pass %d: GetFileHash = %+v, %v; want %+v", pass, got, ok, h)
		}
		if got, ok := get(c, "vectors 1"); !ok || !bytes.Equal(got, blob) {
			t.Errorf("pass %d: GetBlob = %d bytes, %v; want %d bytes", pass, len(got), ok, len(blob))
		}
		c.Close()
		c = open(t, dir, "0.1.0", w)
	}
	if c.GetBlob("vectors 1", func([]byte) error { return errors.New("not vectors") }) {
		t.Error("GetBlob reported a hit its decoder rejected")
	}
	if _, ok := get(c, "vectors 1"); ok {
		t.Error("a rejected blob is still there")
	}
	if msgs := w.all(); len(msgs) != 1 || !bytes.Contains([]byte(msgs[0]), []byte("blobs entry")) {
		t.Errorf("warnings %q, want one about the blob dropped", msgs)
	}
	if s := c.Stats(); s.BlobMisses != 2 || s.Corrupt != 1 {
		t.Errorf("stats %+v", s)
	}
	c.Close()
	info, err := Inspect(dir, 0)
	if err != nil || len(info.Versions) != 1 || info.Versions[0].Files.Entries != 1 || info.Versions[0].Blobs.Entries != 0 {
		t.Errorf("Inspect = %+v, %v", info, err)
	}

	c = openAt(t, t.TempDir(), "v", 1<<20, time.Now(), w)
	c.PutBlob("big", make([]byte, 300_000))
	c.PutBlob("small", make([]byte, 200_000))
	if _, ok := get(c, "big"); ok {
		t.Error("a blob over a quarter of the cap was stored")
	}
	if _, ok := get(c, "small"); !ok {
		t.Error("a blob under a quarter of the cap was not stored")
	}
}

// FuzzDecodeFileHash: no payload makes decodeFileHash panic, and what it
// accepts survives a second round trip.
func FuzzDecodeFileHash(f *testing.F) {
	p, _ := unseal(kindFiles, encodeFileHash(reports.FileHash{Identity: infile.Identity{Size: 3, ModTime: -1}, Recorded: 9}))
	f.Add(p)
	f.Fuzz(func(t *testing.T, p []byte) {
		h, err := decodeFileHash(p)
		if err != nil {
			return
		}
		again, err := decodeFileHash(encodeFileHash(h)[headerLen:])
		if err != nil || again != h {
			t.Fatalf("re-encoding changed the hash: %+v, %v", again, err)
		}
	})
}
