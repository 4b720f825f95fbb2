package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/load"
)

// addCacheFlags adds the flags choosing the cache of a command that reads
// reports.
func addCacheFlags(cmd *cobra.Command, c *load.CacheOptions) {
	f := cmd.Flags()
	f.StringVar(&c.Dir, "cache", "", "keep cleaned reports and term counts in folder DIR (default: tifa in your user cache folder)")
	f.BoolVar(&c.Off, "no-cache", false, "neither read nor write the cache")
	f.StringVar(&c.Max, "cache-max", "", "size cap of the cache (500MB, 2GB; none: no cap; default: $"+cache.EnvMax+", else 1GB): past it, other builds' entries, then the least recently used, are dropped")
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
			printCacheInfo(g.stdout, info, load.CacheVersion(version))
			for _, p := range cache.SetAside(d) {
				fmt.Fprintf(g.stdout, "set aside: %s (%s), a damaged cache moved out of the way; 'tifa cache clear' removes it\n", p, fileSize(p))
			}
			return nil
		},
	}
}

// printCacheInfo writes what 'tifa cache info' says of the cache: its
// path, size and cap, why it is damaged if it is, and the entries of each
// build, current naming this build. It names the flags and commands that
// act on the cache, so it is the command's, not package cache's.
func printCacheInfo(w io.Writer, info *cache.Info, current string) {
	if !info.Exists {
		fmt.Fprintf(w, "cache: %s (empty: no run has written it yet)\n", info.Path)
		return
	}
	fmt.Fprintf(w, "cache: %s (%s of a %s cap; --cache-max or $%s sets it)\n", info.Path, cache.Megabytes(info.Size), cache.Megabytes(info.Max), cache.EnvMax)
	if info.Damaged != "" {
		fmt.Fprintf(w, "damaged: %s; the next run moves it aside and starts a new cache ('tifa cache clear' removes it now)\n", info.Damaged)
	}
	for _, v := range info.Versions {
		this := ""
		if v.Version == current && v.Format == cache.Format {
			this = ", this tifa"
		}
		fmt.Fprintf(w, "tifa %s (format %d%s), last used %s\n", v.Version, v.Format, this, v.LastUsed.Format("2006-01-02 15:04"))
		fmt.Fprintf(w, "  docs:  %d entries, %s\n", v.Docs.Entries, cache.Megabytes(v.Docs.Bytes))
		fmt.Fprintf(w, "  terms: %d entries, %s\n", v.Terms.Entries, cache.Megabytes(v.Terms.Bytes))
		fmt.Fprintf(w, "  files: %d entries, %s (content hashes)\n", v.Files.Entries, cache.Megabytes(v.Files.Bytes))
		fmt.Fprintf(w, "  corpus: %d entries, %s (matrices and vectors)\n", v.Blobs.Entries, cache.Megabytes(v.Blobs.Bytes))
	}
}

// fileSize is the size of the file at path in megabytes, "?" when it
// cannot be read.
func fileSize(path string) string {
	fi, err := os.Lstat(path)
	if err != nil {
		return "?"
	}
	return cache.Megabytes(fi.Size())
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
			fmt.Fprintf(g.stdout, "removed the cache in %s (%s%s)\n", d, cache.Megabytes(n), also)
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
