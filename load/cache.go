package load

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/infile"
)

// CacheOptions choose the cache of a Reader.
type CacheOptions struct {
	Dir string // the cache's folder (--cache); "" for the default
	Off bool   // neither read nor write a cache (--no-cache)
	Max string // its size cap: 500MB, 2GB (cache.ParseSize) or none (--cache-max); "" for the cache's default
}

// openCache opens the cache c asks for. It returns a nil cache (which
// reads and stores nothing) for Off, and with a warning when the cache is
// in use by another tifa run or the default folder is not usable; a Dir
// that cannot be opened is an error. In tests (testing.Testing) there is
// no default cache: only Dir opens one.
func (r *Reader) openCache(c *CacheOptions) (*cache.Cache, error) {
	var capBytes int64 // 0: the cache's default ($TIFA_CACHE_MAX, else cache.DefaultMaxBytes)
	if c.Max != "" {
		var err error
		if capBytes, err = parseSize("--cache-max", c.Max); err != nil {
			return nil, err
		}
	}
	if c.Off {
		if c.Dir != "" || c.Max != "" {
			return nil, errors.New("flags --cache or --cache-max and --no-cache: give one or the other")
		}
		return nil, nil
	}
	dir := c.Dir
	if dir == "" {
		if testing.Testing() {
			return nil, nil
		}
		var err error
		if dir, err = cache.DefaultDir(); err != nil {
			r.warnf("no cache: %v; --cache DIR names a folder for it", err)
			return nil, nil
		}
	}
	cc, err := cache.Open(dir, cache.Options{Version: CacheVersion(r.Version), MaxBytes: capBytes, Warn: func(msg string) { r.warnf("%s", msg) }})
	switch {
	case errors.Is(err, cache.ErrLocked):
		r.warnf("cache %s is in use by another tifa run; this run goes without it", dir)
		return nil, nil
	case err != nil && c.Dir != "":
		return nil, fmt.Errorf("flag --cache: %w", err)
	case err != nil:
		r.warnf("no cache: %v; --no-cache silences this", err)
		return nil, nil
	}
	return cc, nil
}

// CacheVersion names this build of the program of version for the cache,
// so that a rebuilt tifa never reads what another build wrote: the
// version, then the module version stamped by go install (v1.2.0, or a
// pseudo-version naming the commit), else the clean commit built, else the
// executable's size and modification time (a build from modified sources).
func CacheVersion(version string) string {
	return version + " " + buildID()
}

func buildID() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.HasSuffix(v, "+dirty") {
			return v
		}
		rev, modified := "", true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return rev
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("build %d-%d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return "unknown build"
}

// parseSize reads the size flag named flag: a number of bytes with a unit
// if you like (cache.ParseSize: 500MB, 2GB), or none for no limit (-1).
func parseSize(flag, s string) (int64, error) {
	if strings.EqualFold(strings.TrimSpace(s), "none") {
		return -1, nil
	}
	n, err := cache.ParseSize(s)
	if err != nil {
		return 0, fmt.Errorf("flag %s: %w, or none", flag, err)
	}
	return n, nil
}

// listFileMax caps the word and indicator lists a flag names (--stopwords,
// --indicators), as lexicon.MaxFileBytes caps a lexicon: far above any
// real list, so that /dev/zero or a mistaken disk image is refused at once.
const listFileMax = 64_000_000

// ReadList reads the list file the flag named flag names: a regular file
// (a FIFO would block, a device never end) of at most listFileMax bytes.
func ReadList(flag, path string) ([]byte, error) {
	data, err := infile.ReadFile(path, listFileMax)
	if err != nil {
		return nil, fmt.Errorf("flag %s: %w", flag, err)
	}
	return data, nil
}
