package chart

import (
	"path/filepath"
	"testing"

	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/infile/infiletest"
)

// TestFindFontHostile: --font must name a regular file of at most
// MaxFontBytes; anything else is refused at once, the error naming the
// file (issue 14, item 9: --font /dev/zero read without limit).
func TestFindFontHostile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.ttc")
	infiletest.FIFO(t, fifo)
	huge := filepath.Join(dir, "huge.ttc")
	infiletest.Sparse(t, huge, []byte("ttcf"), MaxFontBytes+1)
	infiletest.Refused(t, []infiletest.Case{
		{Attack: "/dev/zero", Path: "/dev/zero", Want: "font /dev/zero: read /dev/zero: not a regular file: a character device", Is: infile.ErrNotRegular},
		{Attack: "a FIFO", Path: fifo, Want: "font " + fifo + ": read " + fifo + ": not a regular file: a named pipe (FIFO)", Is: infile.ErrNotRegular},
		{Attack: "too large", Path: huge, Want: "font " + huge + ": read " + huge + ": file too large: 256 MB, over the limit of 256 MB", Is: infile.ErrTooLarge},
	}, func(path string) error {
		_, err := findFont(path, "", nil)
		return err
	})
}
