package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	Path     string
	Exists   bool  // false: no database yet, the rest is zero
	Size     int64 // bytes of the file
	Versions []VersionInfo
}

// VersionInfo describes the entries one version of tifa wrote.
type VersionInfo struct {
	Format   int    // the entry encoding (Format), 0 when the name cannot be read
	Version  string // Options.Version of the writer
	LastUsed time.Time
	Docs     BucketInfo
	Terms    BucketInfo
}

// BucketInfo counts the entries of one kind.
type BucketInfo struct {
	Entries int
	Bytes   int64 // keys and values
}

// Inspect describes the cache database in dir without changing it,
// versions most recently used first. It waits up to timeout (0:
// DefaultTimeout) for a process writing to the cache, then returns
// ErrLocked. A missing database is no error (Info.Exists false).
func Inspect(dir string, timeout time.Duration) (*Info, error) {
	info := &Info{Path: filepath.Join(dir, FileName)}
	fi, err := os.Stat(info.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	info.Exists, info.Size = true, fi.Size()
	if timeout <= 0 {
		timeout = DefaultTimeout
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
			v := VersionInfo{Docs: countBucket(b.Bucket(bucketDocs)), Terms: countBucket(b.Bucket(bucketTerms))}
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

// Clear removes the cache database in dir and returns the bytes freed. It
// waits up to timeout (0: DefaultTimeout) for a process using the cache,
// then returns ErrLocked; a database bbolt cannot read is removed all the
// same. A missing database is no error.
func Clear(dir string, timeout time.Duration) (int64, error) {
	path := filepath.Join(dir, FileName)
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cache: %w", err)
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	db, err := openDB(path, timeout, false)
	if err != nil && !isDamage(err) {
		return 0, err
	}
	// Holding the lock while removing: no tifa is using the file.
	rmErr := os.Remove(path)
	if db != nil {
		db.Close()
	}
	if rmErr != nil {
		return 0, fmt.Errorf("cache: %w", rmErr)
	}
	return fi.Size(), nil
}
