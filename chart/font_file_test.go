package chart

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tifa-project/tifa/infile"
)

// TestFindFontHostile: --font must name a regular file of at most
// MaxFontBytes; anything else is refused at once, the error naming the
// file (issue 14, item 9: --font /dev/zero read without limit).
func TestFindFontHostile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.ttc")
	mkfifo(t, fifo)
	huge := filepath.Join(dir, "huge.ttc")
	if err := os.WriteFile(huge, []byte("ttcf"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxFontBytes+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	tests := []struct {
		attack, path, want string
		is                 error
	}{
		{"/dev/zero", "/dev/zero", "font /dev/zero: read /dev/zero: not a regular file: a character device", infile.ErrNotRegular},
		{"a FIFO", fifo, "font " + fifo + ": read " + fifo + ": not a regular file: a named pipe (FIFO)", infile.ErrNotRegular},
		{"too large", huge, "font " + huge + ": read " + huge + ": file too large: 256 MB, over the limit of 256 MB", infile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.attack, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() { _, err := findFont(tt.path, "", nil); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("findFont blocked for 10 s")
			}
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
