package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/tifa-project/tifa/reports"
)

// Format is the version of the entry encoding. It is part of every
// version bucket's name, so changing the encoding invalidates what older
// builds wrote. Format 2 added each document's format, page count and
// marks (reports.Mark).
const Format = 2

// FileName is the database file inside a cache directory.
const FileName = "cache.db"

// Defaults of Options.
const (
	DefaultTimeout      = time.Second
	DefaultBatchBytes   = 8 << 20
	DefaultKeepVersions = 3
)

// ErrLocked is returned by Open, Inspect and Clear when another process
// holds the database's lock for longer than the timeout.
var ErrLocked = errors.New("cache is in use by another tifa process")

// Options configure Open.
type Options struct {
	// Version names the build of tifa that writes the entries; entries
	// written under another Version are never read. It must not be empty.
	Version string
	// Timeout is how long Open waits for another process's lock before
	// returning ErrLocked; 0 means DefaultTimeout.
	Timeout time.Duration
	// Warn receives a message for each problem that does not stop the run:
	// a corrupt entry dropped, a write that failed, a damaged database.
	// Nil discards them.
	Warn func(msg string)
	// BatchBytes is the size of queued writes at which they are committed
	// in one transaction; 0 means DefaultBatchBytes.
	BatchBytes int
	// KeepVersions is how many Versions keep their entries: the ones used
	// most recently. Open drops the others. 0 means DefaultKeepVersions.
	KeepVersions int
	// MaxBytes caps the database file: once it is past the cap, a run
	// stores no more entries, and Close drops the entries of other builds,
	// then the least recently used ones, down to three quarters of the
	// cap, and rewrites the file smaller. 0 means $TIFA_CACHE_MAX (see
	// ParseSize) when set, else DefaultMaxBytes; < 0 means no cap.
	MaxBytes int64
}

// Stats counts what a Cache did since Open.
type Stats struct {
	DocHits, DocMisses   int
	TermHits, TermMisses int
	Puts                 int // entries queued by PutDocs and PutTerms
	Commits              int // write transactions committed
	Corrupt              int // entries dropped because they could not be trusted
}

// bucket names inside a version bucket, by entry kind.
var (
	bucketDocs  = []byte("docs")
	bucketTerms = []byte("terms")
	// bucketVersions maps each version bucket's name to the time (unix
	// nanoseconds, 8 bytes big endian) it was last opened.
	bucketVersions = []byte("versions")
)

func kindBucket(kind byte) []byte {
	if kind == kindDocs {
		return bucketDocs
	}
	return bucketTerms
}

func kindName(kind byte) string { return string(kindBucket(kind)) }

// pendingKey names a queued write.
type pendingKey struct {
	kind byte
	key  string
}

// Cache is an open cache database. It is safe for concurrent use. The
// zero value is not usable; a nil *Cache is, as a cache that holds
// nothing and stores nothing.
type Cache struct {
	db   *bolt.DB
	path string
	opt  Options
	root []byte // this version's bucket

	wmu sync.Mutex // held while taking a batch and committing it, so batches commit in order

	mu        sync.Mutex
	pending   map[pendingKey][]byte // sealed values; nil deletes
	inflight  map[pendingKey][]byte // the batch being committed, still visible to lookup
	pendBytes int
	off       bool // a write failed or the database is damaged: no more reads or writes
	damaged   bool // move the file aside at Close
	stats     Stats

	max      int64            // the cap on the file (0: none)
	now      time.Time        // when Open ran: the stamp of entries used in this run
	stamps   map[[8]byte]bool // last-used stamps to write (true) or delete (false)
	full     bool             // the file passed max: store no more entries
	dbClosed bool             // compact closed db (Windows)
}

// Open opens (creating it and dir when needed) the cache database in dir
// for opt.Version, waiting up to opt.Timeout for another process's lock
// (ErrLocked after that). The file is checked before bbolt maps it
// (checkFile: its size, meta pages and high-water mark, so that a
// truncated file is never read past its end); a file that is not a
// readable bbolt database, or whose pages fail bbolt's checks while Open
// reads them, is moved aside (cache.db.damaged-<time>, the last one kept),
// reported through opt.Warn once, and replaced by an empty one. Open drops
// the entries of all but the opt.KeepVersions versions used last, and
// brings a file over its cap (Options.MaxBytes) back under it.
func Open(dir string, opt Options) (*Cache, error) {
	if opt.Version == "" {
		return nil, errors.New("cache: empty Options.Version")
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.BatchBytes <= 0 {
		opt.BatchBytes = DefaultBatchBytes
	}
	if opt.KeepVersions <= 0 {
		opt.KeepVersions = DefaultKeepVersions
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	path := filepath.Join(dir, FileName)
	if err := checkPath(path, opt.Timeout, func(msg string) { warn(opt.Warn, msg) }); err != nil {
		return nil, err
	}
	c, err := openPrepared(path, opt)
	if isDamage(err) {
		aside, mvErr := moveAside(path)
		if mvErr != nil {
			return nil, fmt.Errorf("%v; moving it aside: %w", err, mvErr)
		}
		warn(opt.Warn, fmt.Sprintf("%v; moved aside to %s, starting an empty cache", err, filepath.Base(aside)))
		c, err = openPrepared(path, opt)
	}
	return c, err
}

// openPrepared opens the database at path and prepares it for opt.Version.
func openPrepared(path string, opt Options) (*Cache, error) {
	db, err := openDB(path, opt.Timeout, false)
	if err != nil {
		return nil, err
	}
	c := &Cache{db: db, path: path, opt: opt, root: rootName(opt.Version), pending: map[pendingKey][]byte{},
		max: resolveMax(opt), now: time.Now(), stamps: map[[8]byte]bool{}}
	if err := c.prepare(); err != nil {
		db.Close()
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	msg, err := c.pruneToCap(true)
	if err != nil {
		if !c.dbClosed {
			c.db.Close()
		}
		return nil, fmt.Errorf("cache %s: bringing it under its cap: %w", path, err)
	}
	if msg != "" {
		warn(opt.Warn, msg)
	}
	return c, nil
}

// errDamaged marks a database bbolt could not read: a panic inside bbolt,
// or its own meta-page checks.
var errDamaged = errors.New("damaged database")

func isDamage(err error) bool {
	return errors.Is(err, errDamaged) || errors.Is(err, berrors.ErrInvalid) ||
		errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch)
}

// initialMmap is the size of bbolt's first memory map of the file: 1 GiB
// of address space on 64-bit systems, so the map is not redone (and every
// page in the open transaction copied out of it) each time the file
// doubles during a cold run. Not on Windows, where bbolt would grow the
// file itself to the map's size, nor on 32-bit systems.
var initialMmap = func() int {
	if strconv.IntSize == 64 && runtime.GOOS != "windows" {
		return 1 << 30
	}
	return 0
}()

// openDB opens the bbolt file, turning a timeout into ErrLocked and a
// panic (or a memory fault: see guard) into errDamaged.
func openDB(path string, timeout time.Duration, readOnly bool) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("cache %s: %w: %v", path, errDamaged, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: readOnly, InitialMmapSize: initialMmap})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("%w (%s)", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	return db, nil
}

// rootName is the name of the bucket holding version's entries.
func rootName(version string) []byte {
	return fmt.Appendf(nil, "v%d %s", Format, version)
}

// prepare creates this version's buckets, records that it was used now,
// and drops the versions beyond KeepVersions. It writes only when there
// is something to change (a version last stamped over an hour ago counts).
func (c *Cache) prepare() error {
	now := time.Now()
	fresh := false
	err := c.view(func(tx *bolt.Tx) error {
		vs := tx.Bucket(bucketVersions)
		root := tx.Bucket(c.root)
		if vs == nil || root == nil || root.Bucket(bucketDocs) == nil || root.Bucket(bucketTerms) == nil || root.Bucket(bucketUsed) == nil {
			return nil
		}
		stamp := vs.Get(c.root)
		fresh = now.Sub(stampTime(stamp)) < time.Hour && countRoots(tx) <= c.opt.KeepVersions
		return nil
	})
	if err != nil || fresh {
		return err
	}
	return c.update(func(tx *bolt.Tx) error {
		vs, err := tx.CreateBucketIfNotExists(bucketVersions)
		if err != nil {
			return err
		}
		root, err := tx.CreateBucketIfNotExists(c.root)
		if err != nil {
			return err
		}
		for _, name := range [][]byte{bucketDocs, bucketTerms, bucketUsed} {
			if _, err := root.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if err := vs.Put(c.root, binary.BigEndian.AppendUint64(nil, uint64(now.UnixNano()))); err != nil {
			return err
		}
		return prune(tx, vs, c.opt.KeepVersions)
	})
}

func stampTime(b []byte) time.Time {
	if len(b) != 8 {
		return time.Time{}
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)))
}

// countRoots counts the version buckets.
func countRoots(tx *bolt.Tx) int {
	n := 0
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if isRoot(name) {
			n++
		}
		return nil
	})
	return n
}

func isRoot(name []byte) bool {
	return len(name) > 1 && name[0] == 'v' && name[1] >= '0' && name[1] <= '9'
}

// prune keeps the keep version buckets stamped last and deletes the
// others, with any version bucket that has no stamp (left by a build of
// another Format, say).
func prune(tx *bolt.Tx, vs *bolt.Bucket, keep int) error {
	type used struct {
		name string
		at   time.Time
	}
	var all []used
	if err := vs.ForEach(func(k, v []byte) error {
		all = append(all, used{string(k), stampTime(v)})
		return nil
	}); err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool {
		if !all[i].at.Equal(all[j].at) {
			return all[i].at.After(all[j].at)
		}
		return all[i].name < all[j].name
	})
	kept := map[string]bool{}
	for i, u := range all {
		if i < keep {
			kept[u.name] = true
			continue
		}
		if err := vs.Delete([]byte(u.name)); err != nil {
			return err
		}
	}
	var drop [][]byte
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if isRoot(name) && !kept[string(name)] {
			drop = append(drop, slices.Clone(name))
		}
		return nil
	})
	for _, name := range drop {
		if err := tx.DeleteBucket(name); err != nil {
			return err
		}
	}
	return nil
}

// Path returns the database file's path ("" for a nil Cache).
func (c *Cache) Path() string {
	if c == nil {
		return ""
	}
	return c.path
}

// Stats returns what the cache did since Open (zero for a nil Cache).
func (c *Cache) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// GetDocs returns the documents stored under key, or false when there are
// none (or the entry could not be trusted: see the package comment). The
// documents are the caller's to modify.
func (c *Cache) GetDocs(key string) ([]*reports.Document, bool) {
	var docs []*reports.Document
	ok := c.lookup(kindDocs, key, func(p []byte) error {
		var err error
		docs, err = decodeDocs(p)
		return err
	})
	return docs, ok
}

// PutDocs stores docs under key, replacing what was there. The documents
// are encoded at once (the caller may modify them after), and written with
// the next batch. A nil document panics.
func (c *Cache) PutDocs(key string, docs []*reports.Document) {
	if c == nil {
		return
	}
	c.put(kindDocs, key, encodeDocs(docs))
}

// GetTerms returns the term counts stored under key, in the order they
// were stored: each term with its count and its lexicon entry index (-1
// for an ordinary word), or false when there are none (or the entry could
// not be trusted). The terms are substrings of one string allocated per
// call.
func (c *Cache) GetTerms(key string) (terms []string, counts, entries []int, ok bool) {
	ok = c.lookup(kindTerms, key, func(p []byte) error {
		var err error
		terms, counts, entries, err = decodeTerms(p)
		return err
	})
	return terms, counts, entries, ok
}

// PutTerms stores one document's term counts under key: terms[i] occurs
// counts[i] times and is lexicon entry entries[i] (-1 for an ordinary
// word). Slices of different lengths, a negative count or an entry below
// -1 panic.
func (c *Cache) PutTerms(key string, terms []string, counts, entries []int) {
	if c == nil {
		return
	}
	c.put(kindTerms, key, encodeTerms(terms, counts, entries))
}

// lookup finds key's value among the queued writes, then in the database,
// and decodes its payload with decode. An entry that fails unseal or
// decode is dropped (see corrupt) and reported as a miss.
func (c *Cache) lookup(kind byte, key string, decode func(payload []byte) error) bool {
	if c == nil {
		return false
	}
	checkKey(key)
	c.mu.Lock()
	if c.off {
		c.mu.Unlock()
		return false
	}
	pk := pendingKey{kind, key}
	v, queued := c.pending[pk]
	if !queued {
		v, queued = c.inflight[pk]
	}
	c.mu.Unlock()
	found, bad, touch := false, error(nil), false
	if queued {
		found = v != nil
		if found {
			p, err := unseal(kind, v)
			if err == nil {
				err = decode(p)
			}
			bad = err
		}
	} else {
		err := c.view(func(tx *bolt.Tx) error {
			b := c.bucket(tx, kind)
			if b == nil {
				return nil
			}
			v := b.Get([]byte(key))
			if v == nil {
				return nil
			}
			found = true
			if used := tx.Bucket(c.root).Bucket(bucketUsed); used != nil {
				sk := stampKey(kind, key)
				touch = stale(used.Get(sk[:]), c.now)
			}
			p, err := unseal(kind, v)
			if err == nil {
				err = decode(p)
			}
			bad = err
			return nil
		})
		if err != nil {
			c.fail(err)
			return false
		}
	}
	if bad != nil {
		c.corrupt(kind, key, bad)
		found = false
	}
	if found && touch {
		c.touch(kind, key)
	}
	c.count(kind, found)
	return found
}

// touch queues the writing of an entry's last-used stamp.
func (c *Cache) touch(kind byte, key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.off {
		c.stamps[stampKey(kind, key)] = true
		c.pendBytes += 16
	}
}

func (c *Cache) count(kind byte, hit bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case kind == kindDocs && hit:
		c.stats.DocHits++
	case kind == kindDocs:
		c.stats.DocMisses++
	case hit:
		c.stats.TermHits++
	default:
		c.stats.TermMisses++
	}
}

// checkKey panics on an empty key, which bbolt cannot store: a caller's
// bug.
func checkKey(key string) {
	if key == "" {
		panic("cache: empty key")
	}
}

// bucket returns this version's bucket of kind, nil if missing.
func (c *Cache) bucket(tx *bolt.Tx, kind byte) *bolt.Bucket {
	root := tx.Bucket(c.root)
	if root == nil {
		return nil
	}
	return root.Bucket(kindBucket(kind))
}

// corrupt warns about an entry that could not be trusted (the first one
// of a run; Close tells how many in all) and queues its deletion. The
// caller rebuilds the value and stores it again, which replaces the
// queued deletion.
func (c *Cache) corrupt(kind byte, key string, err error) {
	c.mu.Lock()
	c.stats.Corrupt++
	first := c.stats.Corrupt == 1
	c.mu.Unlock()
	if first {
		c.warn(fmt.Sprintf("cache %s: %s entry %q dropped (%v); it will be rebuilt", c.path, kindName(kind), key, err))
	}
	c.queue(kind, key, nil)
}

// put queues a sealed value and commits the queue when it has grown to
// BatchBytes.
func (c *Cache) put(kind byte, key string, v []byte) {
	checkKey(key)
	c.mu.Lock()
	c.stats.Puts++
	c.mu.Unlock()
	if c.queue(kind, key, v) {
		_ = c.Flush()
	}
}

// queue adds one write to the queue, with the entry's stamp, and reports
// whether the queue is full. Once the file is past its cap (full), new
// values are not queued; deletions are.
func (c *Cache) queue(kind byte, key string, v []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off || (c.full && v != nil) {
		return false
	}
	c.stamps[stampKey(kind, key)] = v != nil
	k := pendingKey{kind, key}
	if old, ok := c.pending[k]; ok {
		c.pendBytes -= len(old) + len(key)
	}
	c.pending[k] = v
	c.pendBytes += len(v) + len(key)
	return c.pendBytes >= c.opt.BatchBytes
}

// Flush commits the queued writes in one transaction. A failed commit is
// reported through Options.Warn, turns the cache off for the rest of the
// run, and is returned.
func (c *Cache) Flush() error {
	if c == nil {
		return nil
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.mu.Lock()
	batch, stamps := c.pending, c.stamps
	c.pending, c.pendBytes, c.inflight, c.stamps = map[pendingKey][]byte{}, 0, batch, map[[8]byte]bool{}
	off := c.off
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.inflight = nil
		c.mu.Unlock()
	}()
	if off || (len(batch) == 0 && len(stamps) == 0) {
		return nil
	}
	stampKeys := make([][8]byte, 0, len(stamps))
	for k := range stamps {
		stampKeys = append(stampKeys, k)
	}
	slices.SortFunc(stampKeys, func(a, b [8]byte) int { return bytes.Compare(a[:], b[:]) })
	now := binary.BigEndian.AppendUint64(nil, uint64(c.now.UnixNano()))
	keys := make([]pendingKey, 0, len(batch))
	for k := range batch {
		keys = append(keys, k)
	}
	// Sorted keys fill bbolt's pages in order and make the file's layout
	// independent of map iteration.
	slices.SortFunc(keys, func(a, b pendingKey) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(a.key, b.key)
	})
	err := c.update(func(tx *bolt.Tx) error {
		for _, k := range keys {
			b := c.bucket(tx, k.kind)
			if b == nil {
				return fmt.Errorf("%w: bucket %s missing", errDamaged, kindName(k.kind))
			}
			var err error
			if v := batch[k]; v == nil {
				err = b.Delete([]byte(k.key))
			} else {
				err = b.Put([]byte(k.key), v)
			}
			if err != nil {
				return err
			}
		}
		var used *bolt.Bucket
		if root := tx.Bucket(c.root); root != nil {
			used = root.Bucket(bucketUsed)
		}
		if used == nil {
			return fmt.Errorf("%w: bucket %s missing", errDamaged, bucketUsed)
		}
		for _, k := range stampKeys {
			var err error
			if stamps[k] {
				err = used.Put(k[:], now)
			} else {
				err = used.Delete(k[:])
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		c.fail(err)
		return err
	}
	c.mu.Lock()
	c.stats.Commits++
	c.mu.Unlock()
	c.checkCap()
	return nil
}

// Close commits the queued writes, brings the file back under its cap
// (see Options.MaxBytes; one warning says what was dropped) and closes
// the database, moving it aside when it was found damaged. Closing a nil
// Cache does nothing.
func (c *Cache) Close() error {
	if c == nil {
		return nil
	}
	_ = c.Flush()
	c.mu.Lock()
	n, damaged, off := c.stats.Corrupt, c.damaged, c.off
	c.mu.Unlock()
	if n > 1 {
		c.warn(fmt.Sprintf("cache %s: %d entries in all were dropped and rebuilt", c.path, n))
	}
	if !off {
		msg, err := c.pruneToCap(false)
		switch {
		case err != nil:
			c.warn(fmt.Sprintf("cache %s: bringing it under its cap: %v", c.path, err))
		case msg != "":
			c.warn(msg)
		}
	}
	var err error
	if !c.dbClosed {
		err = c.db.Close()
	}
	if damaged {
		if _, mvErr := moveAside(c.path); mvErr != nil && err == nil {
			err = mvErr
		}
	}
	if err != nil {
		return fmt.Errorf("cache %s: %w", c.path, err)
	}
	return nil
}

// fail turns the cache off after an error of bbolt; a damaged database is
// also removed at Close.
func (c *Cache) fail(err error) {
	c.mu.Lock()
	already := c.off
	c.off = true
	c.pending, c.pendBytes = map[pendingKey][]byte{}, 0
	damaged := isDamage(err)
	c.damaged = c.damaged || damaged
	c.mu.Unlock()
	if already {
		return
	}
	if damaged {
		c.warn(fmt.Sprintf("cache %s: %v; this run goes on without it, and the file is moved aside at the end", c.path, err))
		return
	}
	c.warn(fmt.Sprintf("cache %s: %v; this run goes on without it", c.path, err))
}

func (c *Cache) warn(msg string) { warn(c.opt.Warn, msg) }

func warn(fn func(string), msg string) {
	if fn != nil {
		fn(msg)
	}
}

// view runs a read transaction; a panic inside bbolt (damaged pages)
// becomes errDamaged, and so does a memory fault: with
// debug.SetPanicOnFault, a read of a mapped page past the end of the file
// (a page number damaged inside the file, which checkFile cannot see)
// panics instead of ending the process with SIGBUS.
func (c *Cache) view(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	return c.db.View(fn)
}

// update runs a write transaction, a panic inside bbolt or a memory
// fault (see view) becoming errDamaged.
func (c *Cache) update(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	return c.db.Update(fn)
}
