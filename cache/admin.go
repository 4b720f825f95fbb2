package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DefaultDir returns the cache directory used when none is given: "tifa"
// in the user's cache directory (os.UserCacheDir: $XDG_CACHE_HOME or
// ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on
// Windows).
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache directory: %w", err)
	}
	return filepath.Join(dir, "tifa"), nil
}

// Info describes a cache database.
type Info struct {
	Path   string
	Exists bool  // false: no database yet, the rest is zero
	Size   int64 // bytes of the file
	// Damaged says why the file cannot be read (checkFile), "" when it
	// can; the next Open moves it aside. Versions is then empty.
	Damaged string
	// Max is the cap on Size that applies when none is given
	// (Options.MaxBytes 0): $TIFA_CACHE_MAX when it is valid, else
	// DefaultMaxBytes.
	Max      int64
	Versions []VersionInfo
}

// VersionInfo describes the entries one version of tifa wrote.
type VersionInfo struct {
	Format   int    // the entry encoding (Format), 0 when the name cannot be read
	Version  string // Options.Version of the writer
	LastUsed time.Time
	Docs     BucketInfo
	Terms    BucketInfo
	Files    BucketInfo // report files' content hashes
	Blobs    BucketInfo // term-count matrices and weighted vectors of corpora
}

// BucketInfo counts the entries of one kind.
type BucketInfo struct {
	Entries int
	Bytes   int64 // keys and values
}

// Inspect describes the cache database in dir without changing it,
// versions most recently used first. It waits up to timeout (0:
// DefaultTimeout) for a process writing to the cache, then returns
// ErrLocked. A missing database is no error (Info.Exists false), and nor
// is a damaged one (Info.Damaged): it is described without being opened.
func Inspect(dir string, timeout time.Duration) (*Info, error) {
	info := &Info{Path: filepath.Join(dir, FileName)}
	info.Max, _ = MaxFromEnv()
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	f, err := os.OpenFile(info.Path, os.O_RDONLY|oNonblock, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	info.Exists = true
	if fi, err := f.Stat(); err == nil {
		info.Size = fi.Size()
	}
	if err := lockFile(f, false, timeout); err != nil {
		f.Close()
		return nil, lockErr(err, info.Path)
	}
	problem := checkFile(f)
	f.Close()
	if problem != nil {
		if !errors.Is(problem, errDamaged) {
			return nil, fmt.Errorf("cache %s: %w", info.Path, problem)
		}
		info.Damaged = strings.TrimPrefix(problem.Error(), errDamaged.Error()+": ")
		return info, nil
	}
	if info.Size == 0 { // bbolt would write its first pages: nothing to describe
		return info, nil
	}
	db, err := openDB(info.Path, timeout, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	c := &Cache{db: db, path: info.Path}
	err = c.view(func(tx *bolt.Tx) error {
		stamps := tx.Bucket(bucketVersions)
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if !isRoot(name) {
				return nil
			}
			v := VersionInfo{Docs: countBucket(b.Bucket(bucketDocs)), Terms: countBucket(b.Bucket(bucketTerms)),
				Files: countBucket(b.Bucket(bucketFiles)), Blobs: countBucket(b.Bucket(bucketBlobs))}
			v.Format, v.Version = parseRoot(string(name))
			if stamps != nil {
				v.LastUsed = stampTime(stamps.Get(name))
			}
			info.Versions = append(info.Versions, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("cache %s: %w", info.Path, err)
	}
	sort.SliceStable(info.Versions, func(i, j int) bool { return info.Versions[i].LastUsed.After(info.Versions[j].LastUsed) })
	return info, nil
}

// parseRoot reads a version bucket's name, "v<Format> <Version>".
func parseRoot(name string) (int, string) {
	f, v, _ := strings.Cut(name[1:], " ")
	n, err := strconv.Atoi(f)
	if err != nil {
		return 0, name
	}
	return n, v
}

func countBucket(b *bolt.Bucket) BucketInfo {
	var bi BucketInfo
	if b == nil {
		return bi
	}
	_ = b.ForEach(func(k, v []byte) error {
		bi.Entries++
		bi.Bytes += int64(len(k) + len(v))
		return nil
	})
	return bi
}

// Clear removes the cache database in dir, and the damaged ones moved
// aside, and returns the bytes freed. It never opens the database with
// bbolt, so it works on any file, damaged or not: it takes the lock bbolt
// takes (waiting up to timeout, 0: DefaultTimeout, for a process using
// the cache, then returning ErrLocked) and removes the file. A missing
// database is no error.
func Clear(dir string, timeout time.Duration) (int64, error) {
	path := filepath.Join(dir, FileName)
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	var freed int64
	aside := asideOf(path)
	for _, p := range aside {
		if fi, err := os.Lstat(p); err == nil && os.Remove(p) == nil {
			freed += fi.Size()
		}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return freed, nil
	}
	if err != nil {
		return freed, fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	if err := lockFile(f, true, timeout); err != nil {
		return freed, lockErr(err, path)
	}
	fi, err := f.Stat()
	if err != nil {
		return freed, fmt.Errorf("cache: %w", err)
	}
	// Holding the lock while removing: no tifa is using the file. Windows
	// removes no open file (and there bbolt's lock keeps it open).
	if runtime.GOOS == "windows" {
		f.Close()
	}
	if err := os.Remove(path); err != nil {
		return freed, fmt.Errorf("cache: %w", err)
	}
	return freed + fi.Size(), nil
}
