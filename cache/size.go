package cache

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DefaultMaxBytes is the cap on the database file when neither
// Options.MaxBytes nor $TIFA_CACHE_MAX sets one: some 20,000 reports with
// the term counts of two spaces.
const DefaultMaxBytes = 1_000_000_000

// EnvMax is the environment variable that sets the cap when
// Options.MaxBytes is 0, in ParseSize's form (TIFA_CACHE_MAX=500MB).
const EnvMax = "TIFA_CACHE_MAX"

// touchEvery is how old an entry's last-used stamp must be before a hit
// writes it again: a stamp is written at most once an hour, so a run of
// hits writes one small batch, not one per hit.
const touchEvery = time.Hour

// bucketUsed, inside a version bucket, maps stampKey(kind, key) of each
// entry to the time it was last stored or read (unix seconds, 8 bytes big
// endian). An entry without one counts as never used.
var bucketUsed = []byte("used")

// ParseSize reads a size in bytes: a positive number, optionally with a
// decimal unit (kB, MB, GB, TB, or K, M, G, T) or a binary one (KiB, MiB,
// GiB, TiB), any case, space allowed: "500MB", "1.5 GB", "2g", "750000000".
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	num := strings.TrimRightFunc(t, func(r rune) bool { return r >= 'a' && r <= 'z' })
	unit := strings.TrimSpace(t[len(num):])
	mult, ok := map[string]float64{
		"": 1, "b": 1,
		"k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9, "t": 1e12, "tb": 1e12,
		"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
	}[unit]
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if !ok || err != nil || !(f > 0) || f*mult >= math.MaxInt64/2 {
		return 0, fmt.Errorf("bad size %q: want a positive number of bytes, with a unit if you like (500MB, 2GB)", s)
	}
	return int64(math.Round(f * mult)), nil
}

// MaxFromEnv returns the cap $TIFA_CACHE_MAX sets, or DefaultMaxBytes when
// it is not set; an error names the variable.
func MaxFromEnv() (int64, error) {
	s, ok := os.LookupEnv(EnvMax)
	if !ok || strings.TrimSpace(s) == "" {
		return DefaultMaxBytes, nil
	}
	n, err := ParseSize(s)
	if err != nil {
		return DefaultMaxBytes, fmt.Errorf("$%s: %w", EnvMax, err)
	}
	return n, nil
}

// resolveMax returns the cap Options ask for (0: none), warning about a
// bad $TIFA_CACHE_MAX.
func resolveMax(opt Options) int64 {
	switch {
	case opt.MaxBytes < 0:
		return 0
	case opt.MaxBytes > 0:
		return opt.MaxBytes
	}
	n, err := MaxFromEnv()
	if err != nil {
		warn(opt.Warn, fmt.Sprintf("%v; using the default cap of %s", err, formatSize(DefaultMaxBytes)))
	}
	return n
}

// formatSize writes a byte count in decimal units: "1 GB", "112.4 MB".
func formatSize(n int64) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	f, u := float64(n), 0
	for f >= 1000 && u < len(units)-1 {
		f /= 1000
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%d B", n)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0") + " " + units[u]
}

// stampKey is the key of an entry's stamp in bucketUsed: 8 bytes of
// FNV-1a of its kind and key (two entries that share it share a stamp,
// which can only keep one of them a little longer).
func stampKey(kind byte, key string) [8]byte {
	h := fnv.New64a()
	h.Write([]byte{kind})
	h.Write([]byte(key))
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], h.Sum64())
	return k
}

// stale reports whether a stamp (nil when missing) is old enough to be
// written again at now.
func stale(stamp []byte, now time.Time) bool {
	return now.Sub(stampTime(stamp)) >= touchEvery
}

// fileSize returns the size of the database file, 0 when unknown.
func (c *Cache) fileSize() int64 {
	fi, err := os.Stat(c.path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// checkCap is called after each commit: once the file has passed the cap,
// no more entries are stored this run (Close prunes), with one warning.
func (c *Cache) checkCap() {
	if c.max <= 0 {
		return
	}
	size := c.fileSize()
	c.mu.Lock()
	first := size > c.max && !c.full
	c.full = c.full || size > c.max
	c.mu.Unlock()
	if first {
		c.warn(fmt.Sprintf("cache %s: %s, past its cap of %s: this run stores no more entries; the least recently used are dropped at the end",
			c.path, formatSize(size), formatSize(c.max)))
	}
}

// entryUse is one entry of this version, for pruning.
type entryUse struct {
	kind  byte
	key   string
	bytes int64
	used  time.Time
}

// pruneToCap brings a database over its cap back under it: it drops the
// entries of other builds, then this build's least recently used entries
// (oldest stamp first; ties by kind and key) until the entries left hold
// at most three quarters of the cap, and rewrites the file without the
// free pages (bolt.Compact), since bbolt never shrinks a file. With
// reopen, the new file is then opened in place of the old; without, the
// old one is left for Close to close. It returns what it did, for a
// warning, or "" when the file is under the cap.
func (c *Cache) pruneToCap(reopen bool) (string, error) {
	size := c.fileSize()
	if c.max <= 0 || size <= c.max {
		return "", nil
	}
	target := c.max / 4 * 3
	builds, dropped := 0, 0
	err := c.update(func(tx *bolt.Tx) error {
		var others [][]byte
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if isRoot(name) && string(name) != string(c.root) {
				others = append(others, slices.Clone(name))
			}
			return nil
		})
		vs := tx.Bucket(bucketVersions)
		for _, name := range others {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
			if vs != nil {
				if err := vs.Delete(name); err != nil {
					return err
				}
			}
		}
		builds = len(others)
		root := tx.Bucket(c.root)
		if root == nil {
			return nil
		}
		used := root.Bucket(bucketUsed)
		var all []entryUse
		var live int64
		for _, kind := range kinds {
			b := root.Bucket(kindBucket(kind))
			if b == nil {
				continue
			}
			_ = b.ForEach(func(k, v []byte) error {
				e := entryUse{kind: kind, key: string(k), bytes: int64(len(k) + len(v))}
				if used != nil {
					sk := stampKey(kind, e.key)
					e.used = stampTime(used.Get(sk[:]))
				}
				all = append(all, e)
				live += e.bytes
				return nil
			})
		}
		slices.SortFunc(all, func(a, b entryUse) int {
			if d := a.used.Compare(b.used); d != 0 {
				return d
			}
			if a.kind != b.kind {
				return int(a.kind) - int(b.kind)
			}
			return strings.Compare(a.key, b.key)
		})
		for _, e := range all {
			if live <= target {
				break
			}
			if err := root.Bucket(kindBucket(e.kind)).Delete([]byte(e.key)); err != nil {
				return err
			}
			if used != nil {
				sk := stampKey(e.kind, e.key)
				if err := used.Delete(sk[:]); err != nil {
					return err
				}
			}
			live -= e.bytes
			dropped++
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if err := c.compact(); err != nil {
		return "", err
	}
	if reopen {
		if !c.dbClosed {
			_ = c.db.Close()
		}
		db, err := openDB(c.path, c.opt.Timeout, false)
		if err != nil {
			return "", err
		}
		c.db, c.dbClosed = db, false
	}
	return fmt.Sprintf("cache %s: %s, over its cap of %s: dropped the entries of %d other tifa builds and %d least recently used entries; now %s",
		c.path, formatSize(size), formatSize(c.max), builds, dropped, formatSize(c.fileSize())), nil
}

// compact rewrites the database without its free pages into a new file
// that replaces it. The old file stays open and locked until the new one
// is in place, and is closed by Close (on Windows, which renames no open
// file, it is closed first: dbClosed).
func (c *Cache) compact() (err error) {
	tmp := c.path + ".compact"
	_ = os.Remove(tmp)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errDamaged, r)
		}
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: c.opt.Timeout, NoSync: true})
	if err != nil {
		return err
	}
	err = bolt.Compact(dst, c.db, 64<<20)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = trimToUse(tmp)
	}
	if err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		c.dbClosed = true
		if err := c.db.Close(); err != nil {
			return err
		}
	}
	return os.Rename(tmp, c.path)
}
