package lexicon

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/infile/infiletest"
)

// TestParseFileHostile: a lexicon file must be a regular file of at most
// MaxFileBytes; anything else is refused at once, the error naming the
// file (issue 14, item 9: --lexicon /dev/zero read without limit).
func TestParseFileHostile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	infiletest.FIFO(t, fifo)
	huge := filepath.Join(dir, "huge.txt")
	infiletest.Sparse(t, huge, []byte("乡村振兴\n"), MaxFileBytes+1)
	infiletest.Refused(t, []infiletest.Case{
		{Attack: "/dev/zero", Path: "/dev/zero", Want: "lexicon /dev/zero: read /dev/zero: not a regular file: a character device", Is: infile.ErrNotRegular},
		{Attack: "a FIFO", Path: fifo, Want: "lexicon " + fifo + ": read " + fifo + ": not a regular file: a named pipe (FIFO)", Is: infile.ErrNotRegular},
		{Attack: "a folder", Path: dir, Want: "lexicon " + dir + ": read " + dir + ": not a regular file: a directory", Is: infile.ErrNotRegular},
		{Attack: "too large", Path: huge, Want: "lexicon " + huge + ": read " + huge + ": file too large: 64 MB, over the limit of 64 MB", Is: infile.ErrTooLarge},
	}, func(path string) error {
		_, err := ParseFile(path)
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.File != path) {
			return fmt.Errorf("not a *lexicon.Error naming the file: %w", err)
		}
		return err
	})
}
