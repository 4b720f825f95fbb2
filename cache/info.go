package cache

import (
	"fmt"
	"io"
)

// Print writes what 'tifa cache info' says of the cache: its path, size
// and cap, why it is damaged if it is, and the entries of each build,
// current naming this build (Options.Version).
func (info *Info) Print(w io.Writer, current string) {
	if !info.Exists {
		fmt.Fprintf(w, "cache: %s (empty: no run has written it yet)\n", info.Path)
		return
	}
	fmt.Fprintf(w, "cache: %s (%s of a %s cap; --cache-max or $%s sets it)\n", info.Path, Megabytes(info.Size), Megabytes(info.Max), EnvMax)
	if info.Damaged != "" {
		fmt.Fprintf(w, "damaged: %s; the next run moves it aside and starts a new cache ('tifa cache clear' removes it now)\n", info.Damaged)
	}
	for _, v := range info.Versions {
		this := ""
		if v.Version == current && v.Format == Format {
			this = ", this tifa"
		}
		fmt.Fprintf(w, "tifa %s (format %d%s), last used %s\n", v.Version, v.Format, this, v.LastUsed.Format("2006-01-02 15:04"))
		fmt.Fprintf(w, "  docs:  %d entries, %s\n", v.Docs.Entries, Megabytes(v.Docs.Bytes))
		fmt.Fprintf(w, "  terms: %d entries, %s\n", v.Terms.Entries, Megabytes(v.Terms.Bytes))
		fmt.Fprintf(w, "  files: %d entries, %s (content hashes)\n", v.Files.Entries, Megabytes(v.Files.Bytes))
		fmt.Fprintf(w, "  corpus: %d entries, %s (matrices and vectors)\n", v.Blobs.Entries, Megabytes(v.Blobs.Bytes))
	}
}

// Megabytes formats n bytes in megabytes (10⁶ bytes): "12.3 MB".
func Megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
