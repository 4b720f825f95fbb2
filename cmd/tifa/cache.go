package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/cache"
)

// cacheOpts are the flags choosing the cache of a command that reads
// reports.
type cacheOpts struct {
	dir string
	off bool
	max string // --cache-max
}

func addCacheFlags(cmd *cobra.Command, c *cacheOpts) {
	f := cmd.Flags()
	f.StringVar(&c.dir, "cache", "", "keep cleaned reports and term counts in folder DIR (default: tifa in your user cache folder)")
	f.BoolVar(&c.off, "no-cache", false, "neither read nor write the cache")
	f.StringVar(&c.max, "cache-max", "", "size cap of the cache (500MB, 2GB; none: no cap; default: $"+cache.EnvMax+", else 1GB): past it, other builds' entries, then the least recently used, are dropped")
}

// maxBytes reads --cache-max: 0 (the cache's default: $TIFA_CACHE_MAX,
// else cache.DefaultMaxBytes) when it is not given.
func (c *cacheOpts) maxBytes() (int64, error) {
	if c.max == "" {
		return 0, nil
	}
	return parseSizeFlag("--cache-max", c.max)
}

// open opens the cache the flags ask for. It returns a nil cache (which
// reads and stores nothing) for --no-cache, and with a warning when the
// cache is in use by another tifa run or the default folder is not
// usable; a --cache DIR that cannot be opened is an error. In tests
// (testing.Testing) there is no default cache: only --cache DIR opens one.
func (c *cacheOpts) open(g *globals) (*cache.Cache, error) {
	capBytes, err := c.maxBytes()
	if err != nil {
		return nil, err
	}
	if c.off {
		if c.dir != "" || c.max != "" {
			return nil, errors.New("flags --cache or --cache-max and --no-cache: give one or the other")
		}
		return nil, nil
	}
	dir := c.dir
	if dir == "" {
		if testing.Testing() {
			return nil, nil
		}
		if dir, err = cache.DefaultDir(); err != nil {
			g.warnf("no cache: %v; --cache DIR names a folder for it", err)
			return nil, nil
		}
	}
	cc, err := cache.Open(dir, cache.Options{Version: cacheVersion(), MaxBytes: capBytes, Warn: func(msg string) { g.warnf("%s", msg) }})
	switch {
	case errors.Is(err, cache.ErrLocked):
		g.warnf("cache %s is in use by another tifa run; this run goes without it", dir)
		return nil, nil
	case err != nil && c.dir != "":
		return nil, fmt.Errorf("flag --cache: %w", err)
	case err != nil:
		g.warnf("no cache: %v; --no-cache silences this", err)
		return nil, nil
	}
	return cc, nil
}

// cacheVersion names this build of tifa for the cache, so that a rebuilt
// tifa never reads what another build wrote: the version, then the module
// version stamped by go install (v1.2.0, or a pseudo-version naming the
// commit), else the clean commit built, else the executable's size and
// modification time (a build from modified sources).
func cacheVersion() string {
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

func newCacheCmd(g *globals) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "cache",
		Short: "Show or clear the cache of cleaned reports and term counts",
		Long: `tifa keeps what it derives from each report file — the cleaned text, sections
and metadata, and the term counts of each space — in a cache, keyed by the
file's content and the options that shaped it, and for a whole corpus its
term-count matrix and weighted vectors. A second run over the same reports
(another --k, another format) skips reading, cleaning and segmenting. A file
is not read again to learn whether it changed while its size, modification
time and inode are those it had when it was read (as git does).

The cache is one file, cache.db, in the folder tifa in your user cache folder
($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
%LocalAppData% on Windows), or in --cache DIR. --no-cache runs without it.
Entries of a tifa build are never read by another build. The file is kept
under a cap (--cache-max on the commands that read reports, else
$TIFA_CACHE_MAX, else 1 GB): past it, other builds' entries go first, then
the least recently used. A damaged file (cut short, not a cache at all) is
moved aside as cache.db.damaged-<UTC time> with one warning and a new cache
started; 'tifa cache info' shows it and 'tifa cache clear' removes it with
the cache. A run that finds the cache in use by another tifa goes without
it.`,
	}
	cmd.PersistentFlags().StringVar(&dir, "cache", "", "the cache folder (default: tifa in your user cache folder)")
	cmd.AddCommand(newCacheInfoCmd(g, &dir), newCacheClearCmd(g, &dir))
	return cmd
}

// cacheDir is --cache, else the default folder.
func cacheDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return cache.DefaultDir()
}

func newCacheInfoCmd(g *globals, dir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "info",
		Short: "Print the cache's path, size and entries per tifa build",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := cacheDir(*dir)
			if err != nil {
				return err
			}
			info, err := cache.Inspect(d, 0)
			if err != nil {
				return cacheErr(err)
			}
			printCacheInfo(g, info, cacheVersion())
			for _, p := range cache.SetAside(d) {
				fmt.Fprintf(g.stdout, "set aside: %s (%s), a damaged cache moved out of the way; 'tifa cache clear' removes it\n", p, fileSize(p))
			}
			return nil
		},
	}
}

func printCacheInfo(g *globals, info *cache.Info, current string) {
	if !info.Exists {
		fmt.Fprintf(g.stdout, "cache: %s (empty: no run has written it yet)\n", info.Path)
		return
	}
	fmt.Fprintf(g.stdout, "cache: %s (%s of a %s cap; --cache-max or $%s sets it)\n", info.Path, megabytes(info.Size), megabytes(info.Max), cache.EnvMax)
	if info.Damaged != "" {
		fmt.Fprintf(g.stdout, "damaged: %s; the next run moves it aside and starts a new cache ('tifa cache clear' removes it now)\n", info.Damaged)
	}
	for _, v := range info.Versions {
		this := ""
		if v.Version == current && v.Format == cache.Format {
			this = ", this tifa"
		}
		fmt.Fprintf(g.stdout, "tifa %s (format %d%s), last used %s\n", v.Version, v.Format, this, v.LastUsed.Format("2006-01-02 15:04"))
		fmt.Fprintf(g.stdout, "  docs:  %d entries, %s\n", v.Docs.Entries, megabytes(v.Docs.Bytes))
		fmt.Fprintf(g.stdout, "  terms: %d entries, %s\n", v.Terms.Entries, megabytes(v.Terms.Bytes))
		fmt.Fprintf(g.stdout, "  files: %d entries, %s (content hashes)\n", v.Files.Entries, megabytes(v.Files.Bytes))
		fmt.Fprintf(g.stdout, "  corpus: %d entries, %s (matrices and vectors)\n", v.Blobs.Entries, megabytes(v.Blobs.Bytes))
	}
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// fileSize is the size of the file at path in megabytes, "?" when it
// cannot be read.
func fileSize(path string) string {
	fi, err := os.Lstat(path)
	if err != nil {
		return "?"
	}
	return megabytes(fi.Size())
}

func newCacheClearCmd(g *globals, dir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "clear",
		Short: "Remove the cache",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := cacheDir(*dir)
			if err != nil {
				return err
			}
			aside := cache.SetAside(d)
			n, err := cache.Clear(d, 0)
			if err != nil {
				return cacheErr(err)
			}
			if n == 0 && len(aside) == 0 {
				fmt.Fprintf(g.stdout, "no cache in %s\n", d)
				return nil
			}
			also := ""
			if len(aside) > 0 {
				also = fmt.Sprintf(", with %d damaged cache(s) set aside: %s", len(aside), strings.Join(aside, ", "))
			}
			fmt.Fprintf(g.stdout, "removed the cache in %s (%s%s)\n", d, megabytes(n), also)
			return nil
		},
	}
}

// cacheErr adds the fix to a locked cache's error.
func cacheErr(err error) error {
	if errors.Is(err, cache.ErrLocked) {
		return fmt.Errorf("%w; try again when the other run has ended", err)
	}
	return err
}
