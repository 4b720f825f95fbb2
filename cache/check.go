package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// bbolt's file format (go.etcd.io/bbolt, internal/common: page.go,
// meta.go), read here so that a damaged file is never mapped: bbolt maps
// the file into memory, and a page it reads past the end of a truncated
// file is a SIGBUS that ends the process, not an error. Pages 0 and 1 are
// meta pages: a 16-byte page header, then the meta, in the machine's byte
// order:
//
//	magic uint32 | version uint32 | pageSize uint32 | flags uint32 |
//	root pgid uint64 | root sequence uint64 | freelist pgid uint64 |
//	pgid (high-water mark: pages in use) uint64 | txid uint64 | checksum uint64
//
// where checksum is FNV-1a (64 bits) of the 56 bytes before it. bbolt uses
// the valid meta with the higher txid.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16
	boltMetaSize   = 64
	boltNoFreelist = ^uint64(0)
)

// boltMeta is a decoded meta page.
type boltMeta struct {
	pageSize               uint32
	root, freelist, pgid   uint64
	txid                   uint64
	magic, version, sumErr bool // what is wrong, when anything is
}

func (m boltMeta) valid() bool { return !m.magic && !m.version && !m.sumErr }

// problem names what is wrong with an invalid meta.
func (m boltMeta) problem() string {
	switch {
	case m.magic:
		return "not a bbolt database (wrong magic number)"
	case m.version:
		return "a bbolt database of another format version"
	}
	return "meta page checksum mismatch"
}

// readMeta decodes the meta page at off in b (from the page header on).
func readMeta(b []byte) boltMeta {
	b = b[boltPageHeader : boltPageHeader+boltMetaSize]
	e := binary.NativeEndian
	m := boltMeta{
		pageSize: e.Uint32(b[8:]),
		root:     e.Uint64(b[16:]),
		freelist: e.Uint64(b[32:]),
		pgid:     e.Uint64(b[40:]),
		txid:     e.Uint64(b[48:]),
	}
	h := fnv.New64a()
	h.Write(b[:56])
	m.magic = e.Uint32(b[0:]) != boltMagic
	m.version = !m.magic && e.Uint32(b[4:]) != boltVersion
	m.sumErr = !m.magic && !m.version && h.Sum64() != e.Uint64(b[56:])
	return m
}

// checkFile reads the meta pages of the database file f and returns why
// bbolt must not map it, or nil: a file too short for two pages, no valid
// meta page, or a meta whose high-water mark lies past the end of the file
// or whose root or freelist page lies past the mark (a truncated or
// overwritten file). An empty file is fine: bbolt writes its first pages.
func checkFile(f *os.File) error {
	_, err := usedMeta(f)
	return err
}

// usedMeta returns the meta bbolt would use of the database file f (zero
// for an empty file), or why bbolt must not map the file (see checkFile).
func usedMeta(f *os.File) (boltMeta, error) {
	fi, err := f.Stat()
	if err != nil {
		return boltMeta{}, err
	}
	if !fi.Mode().IsRegular() {
		return boltMeta{}, fmt.Errorf("%w: not a regular file", errDamaged)
	}
	var head [4096]byte
	n, err := f.ReadAt(head[:], 0)
	if err != nil && err != io.EOF {
		return boltMeta{}, err
	}
	if fi, err = f.Stat(); err != nil {
		return boltMeta{}, err
	}
	size := fi.Size() // after the metas: the file grows before a meta names its pages
	if size == 0 {
		return boltMeta{}, nil
	}
	if n < boltPageHeader+boltMetaSize {
		return boltMeta{}, fmt.Errorf("%w: %d bytes, too short for a meta page", errDamaged, size)
	}
	metas := []boltMeta{readMeta(head[:n])}
	pageSize := int64(metas[0].pageSize)
	if !metas[0].valid() {
		pageSize = 0
	}
	// The second meta page, at the first meta's page size, or (as bbolt
	// does when the first is damaged) at any power of two from 1 KB to 16 MB.
	for ps := int64(1024); ps <= 16<<20; ps *= 2 {
		if pageSize != 0 && ps != pageSize {
			continue
		}
		var buf [boltPageHeader + boltMetaSize]byte
		if k, _ := f.ReadAt(buf[:], ps); k == len(buf) {
			if m := readMeta(buf[:]); m.valid() && (pageSize == 0 || int64(m.pageSize) == ps) {
				metas = append(metas, m)
				break
			}
		}
	}
	var best *boltMeta
	for i := range metas {
		if metas[i].valid() && (best == nil || metas[i].txid > best.txid) {
			best = &metas[i]
		}
	}
	if best == nil {
		return boltMeta{}, fmt.Errorf("%w: %s", errDamaged, metas[0].problem())
	}
	ps := int64(best.pageSize)
	switch {
	case ps < 1024 || ps&(ps-1) != 0:
		return boltMeta{}, fmt.Errorf("%w: page size %d", errDamaged, ps)
	case size < 2*ps:
		return boltMeta{}, fmt.Errorf("%w: %d bytes, less than two pages of %d", errDamaged, size, ps)
	case best.pgid > uint64(size/ps):
		return boltMeta{}, fmt.Errorf("%w: truncated: %d bytes hold %d pages, the database uses %d", errDamaged, size, size/ps, best.pgid)
	case best.root >= best.pgid || (best.freelist >= best.pgid && best.freelist != boltNoFreelist):
		return boltMeta{}, fmt.Errorf("%w: root or freelist page past the %d pages in use", errDamaged, best.pgid)
	}
	return *best, nil
}

// trimToUse truncates the database file at path to the pages its meta
// says are in use: bbolt allocates ahead (doubling the file up to 16 MB,
// then 16 MB at a time), and a compacted file need not keep the slack.
func trimToUse(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := usedMeta(f)
	if err != nil || m.pgid == 0 {
		return err
	}
	return f.Truncate(int64(m.pgid) * int64(m.pageSize))
}

// damagedSuffix starts the name a damaged database is moved aside to:
// cache.db.damaged-20260102T150405.
const damagedSuffix = ".damaged-"

// moveAside renames the damaged database at path to path.damaged-<time>
// (UTC), for a look later, and removes the ones moved aside before: at
// most one is kept. It returns the new name.
func moveAside(path string) (string, error) {
	old := asideOf(path)
	aside := path + damagedSuffix + time.Now().UTC().Format("20060102T150405")
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	for _, o := range old {
		if o != aside {
			_ = os.Remove(o)
		}
	}
	return aside, nil
}

// globEscape escapes the metacharacters of filepath.Match in p.
func globEscape(p string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(p)
}

// checkPath checks the database at path under its lock (waiting up to
// timeout for another process: ErrLocked) and, when it is damaged, moves
// it aside and reports it through warn. A missing file is fine.
func checkPath(path string, timeout time.Duration, warn func(string)) error {
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	if err := lockFile(f, true, timeout); err != nil {
		return lockErr(err, path)
	}
	problem := checkFile(f)
	if problem == nil {
		return nil
	}
	if !errors.Is(problem, errDamaged) {
		return fmt.Errorf("cache %s: %w", path, problem)
	}
	aside, err := moveAside(path)
	if err != nil {
		return fmt.Errorf("cache %s: %v; moving it aside: %w", path, problem, err)
	}
	warn(fmt.Sprintf("cache %s: %v; moved aside to %s, starting an empty cache", path, problem, filepath.Base(aside)))
	return nil
}

// lockErr turns a lock timeout into ErrLocked.
func lockErr(err error, path string) error {
	if errors.Is(err, errLockTimeout) {
		return fmt.Errorf("%w (%s)", ErrLocked, path)
	}
	return fmt.Errorf("cache %s: lock: %w", path, err)
}

// errLockTimeout is lockFile's timeout.
var errLockTimeout = errors.New("lock timeout")
