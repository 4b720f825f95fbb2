package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tifa-project/tifa/infile"
)

// TestParseFileHostile: a lexicon file must be a regular file of at most
// MaxFileBytes; anything else is refused at once, the error naming the
// file (issue 14, item 9: --lexicon /dev/zero read without limit).
func TestParseFileHostile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	mkfifo(t, fifo)
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, []byte("乡村振兴\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxFileBytes+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	tests := []struct {
		attack, path, want string
		is                 error
	}{
		{"/dev/zero", "/dev/zero", "lexicon /dev/zero: read /dev/zero: not a regular file: a character device", infile.ErrNotRegular},
		{"a FIFO", fifo, "lexicon " + fifo + ": read " + fifo + ": not a regular file: a named pipe (FIFO)", infile.ErrNotRegular},
		{"a folder", dir, "lexicon " + dir + ": read " + dir + ": not a regular file: a directory", infile.ErrNotRegular},
		{"too large", huge, "lexicon " + huge + ": read " + huge + ": file too large: 64 MB, over the limit of 64 MB", infile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.attack, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() { _, err := ParseFile(tt.path); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ParseFile blocked for 10 s")
			}
			var e *Error
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) || !errors.As(err, &e) || !strings.Contains(e.File, tt.path) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
