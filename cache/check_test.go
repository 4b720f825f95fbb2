package cache

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// filledCache writes a database of many pages in a new folder and returns
// the folder and the file's bytes.
func filledCache(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	c := open(t, dir, "v", nil)
	for i := range 2000 {
		c.PutTerms(fmt.Sprint("doc", i), []string{strings.Repeat("改革", 100)}, []int{i}, []int{-1})
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	return dir, raw
}

// usedBytes is the size of the pages a database's first meta says are in
// use.
func usedBytes(raw []byte) int {
	m := readMeta(raw)
	return int(m.pgid) * int(m.pageSize)
}

// TestDamagedFileBeforeMapping: a truncated cache.db (issue 14, item 11:
// SIGBUS in bbolt, in every command, cache info and cache clear included)
// or one cut to a page is found damaged before bbolt maps it: Inspect
// describes it, Open moves it aside with one warning and starts afresh,
// Clear removes it. Run before the fix, this test died of SIGBUS.
func TestDamagedFileBeforeMapping(t *testing.T) {
	_, raw := filledCache(t)
	if len(raw) < 64<<10 {
		t.Fatalf("database of %d bytes: too small for the test", len(raw))
	}
	tests := []struct {
		name string
		edit func([]byte) []byte
		want string // in Info.Damaged and the warning
	}{
		// bbolt grows the file ahead of its pages: cut inside the pages
		// the database uses (its meta's high-water mark).
		{"truncated to half its pages", func(b []byte) []byte { return b[:usedBytes(b)/2] }, "truncated"},
		{"truncated to two pages", func(b []byte) []byte { return b[:8192] }, "truncated"},
		{"truncated to one page", func(b []byte) []byte { return b[:4096] }, "less than two pages"},
		{"truncated to 100 bytes", func(b []byte) []byte { return b[:100] }, "less than two pages"},
		{"truncated to 10 bytes", func(b []byte) []byte { return b[:10] }, "too short for a meta page"},
		{"zeroed", func(b []byte) []byte { return make([]byte, len(b)) }, "not a bbolt database"},
		{"another format version", func(b []byte) []byte {
			for _, at := range []int{16 + 4, 4096 + 16 + 4} {
				binary.NativeEndian.PutUint32(b[at:], 1)
			}
			return b
		}, "another format version"},
		{"both checksums wrong", func(b []byte) []byte {
			for _, at := range []int{16 + 56, 4096 + 16 + 56} {
				b[at] ^= 0xff
			}
			return b
		}, "checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, tt.edit(bytes.Clone(raw)), 0o600); err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(dir, 0)
			if err != nil || !info.Exists || !strings.Contains(info.Damaged, tt.want) || len(info.Versions) != 0 {
				t.Fatalf("Inspect = %+v, %v; want damaged: %s", info, err, tt.want)
			}
			w := &warnings{}
			c := open(t, dir, "v", w)
			if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], tt.want) || !strings.Contains(msgs[0], "moved aside to cache.db.damaged-") {
				t.Errorf("warnings %q, want one saying %q and where the file went", msgs, tt.want)
			}
			c.PutTerms("doc", []string{"a"}, []int{1}, []int{-1})
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			aside, _ := filepath.Glob(path + damagedSuffix + "*")
			if len(aside) != 1 {
				t.Errorf("moved aside: %q, want one file", aside)
			}
			c = open(t, dir, "v", nil)
			if _, _, _, ok := c.GetTerms("doc"); !ok {
				t.Error("the new cache lost its entry")
			}
			c.Close()
		})
	}
}

// TestClearDamaged: cache clear removes a damaged file, and the files
// moved aside, without opening it.
func TestClearDamaged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for _, p := range []string{path, path + damagedSuffix + "20250101T000000"} {
		if err := os.WriteFile(p, make([]byte, 4096), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	n, err := Clear(dir, 0)
	if err != nil || n != 2*4096 {
		t.Errorf("Clear = %d, %v; want %d", n, err, 2*4096)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left in the folder: %v", left)
	}
}

// TestMovedAsideKeepsOne: each damaged file moved aside replaces the one
// before, so damage never fills the disk.
func TestMovedAsideKeepsOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path+damagedSuffix+"20250101T000000", []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, make([]byte, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	c := open(t, dir, "v", &warnings{})
	c.Close()
	aside, _ := filepath.Glob(path + damagedSuffix + "*")
	if len(aside) != 1 || strings.HasSuffix(aside[0], "20250101T000000") {
		t.Errorf("moved aside: %q, want only the new one", aside)
	}
}

// TestFaultPastTheEnd: a branch page that names a page past the end of
// the file (damage checkFile cannot see) faults when bbolt reads it; the
// fault becomes errDamaged (debug.SetPanicOnFault), the run goes on
// without the cache, and the file is moved aside at Close.
func TestFaultPastTheEnd(t *testing.T) {
	dir, raw := filledCache(t)
	const pageSize, branchFlag = 4096, 0x01
	edited := 0
	for at := 2 * pageSize; at+pageSize <= len(raw); at += pageSize {
		page := raw[at : at+pageSize]
		// A branch page: header (id 8, flags 2, count 2, overflow 4),
		// then elements (pos uint32, ksize uint32, pgid uint64).
		if binary.NativeEndian.Uint16(page[8:]) == branchFlag && binary.NativeEndian.Uint16(page[10:]) > 1 {
			count := int(binary.NativeEndian.Uint16(page[10:]))
			for e := range count {
				binary.NativeEndian.PutUint64(page[16+16*e+8:], 100_000) // 400 MB: past the file, inside bbolt's 1 GB map
			}
			edited++
		}
	}
	if edited == 0 {
		t.Skip("no branch page in the database")
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	w := &warnings{}
	c, err := Open(dir, Options{Version: "v", Warn: w.add})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for i := range 20 {
		if _, _, _, ok := c.GetTerms(fmt.Sprint("doc", i*97)); ok {
			t.Fatal("entry read through a damaged branch page")
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if msgs := w.all(); len(msgs) != 1 || !strings.Contains(msgs[0], "damaged database") {
		t.Errorf("warnings %q, want one about the damaged database", msgs)
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, FileName) + damagedSuffix + "*"); len(aside) != 1 {
		t.Errorf("moved aside: %q", aside)
	}
}

// FuzzCheckFile: whatever bytes cache.db holds — mutations of a real
// database's head and meta pages, cut anywhere — Inspect describes it
// without crashing or hanging: damaged before bbolt maps it (checkFile),
// or read page by page (every entry is counted) with faults and panics
// turned into errors. (Open's moving aside is TestDamagedFileBeforeMapping;
// opening for writing here would make each run an fsync.)
func FuzzCheckFile(f *testing.F) {
	dir := f.TempDir()
	c, err := Open(dir, Options{Version: "v"})
	if err != nil {
		f.Fatal(err)
	}
	for i := range 40 {
		c.PutTerms(fmt.Sprint("doc", i), []string{strings.Repeat("改革", 200)}, []int{i}, []int{-1})
	}
	if err := c.Close(); err != nil {
		f.Fatal(err)
	}
	real, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		f.Fatal(err)
	}
	real = real[:usedBytes(real)]
	f.Add(real[:8192], 8192)
	f.Add(real[:4096], len(real))
	f.Add([]byte{}, 0)
	f.Add(real[:100], 50)
	f.Fuzz(func(t *testing.T, head []byte, cut int) {
		// head replaces the start of the real file; cut truncates it.
		raw := bytes.Clone(real)
		copy(raw, head)
		if cut >= 0 && cut < len(raw) {
			raw = raw[:cut]
		}
		if len(head) > len(raw) {
			raw = head
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("stuck for 10 s on a cache.db of %d bytes: %x", len(raw), raw[:min(len(raw), 8192)]))
			}
		}()
		info, err := Inspect(dir, 0)
		if err != nil && !isDamage(err) {
			t.Fatalf("Inspect: %v", err)
		}
		if err == nil && info.Damaged == "" && bytes.Equal(raw, real) && len(info.Versions) != 1 {
			t.Fatalf("Inspect of the real file: %+v", info)
		}
	})
}
