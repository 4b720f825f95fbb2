// Package infiletest makes the hostile files that tests of file-reading
// code need — named pipes, sparse files past a size cap — and fails a test
// whose call blocks, as a read of a FIFO would, instead of hanging it.
package infiletest

import (
	"errors"
	"os"
	"testing"
	"time"
)

// FIFO makes a named pipe at path, skipping the test where the system
// has none in its folders (Windows) or refuses to make one.
func FIFO(t testing.TB, path string) {
	t.Helper()
	if err := mkfifo(path); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
}

// Sparse makes a file of size bytes at path that starts with head and
// takes no disk space beyond it (os.Truncate), for testing size caps.
func Sparse(t testing.TB, path string, head []byte, size int64) {
	t.Helper()
	if err := os.WriteFile(path, head, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

// Within runs fn and fails the test when it has not returned after 10
// seconds: a call blocked on a FIFO fails the test instead of hanging the
// test binary (fn's goroutine is left behind).
func Within(t testing.TB, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked for 10 s")
	}
}

// Case is one hostile file given to a reader, and the error expected.
type Case struct {
	Attack string // what the case tries: "/dev/zero", "a FIFO" …
	Path   string
	Want   string // the whole error message
	Is     error  // errors.Is target
}

// Refused runs read on each case's path as a subtest, within 10 s
// (Within), and checks that its error is Want and Is Is; a case whose
// path does not exist (no /dev/zero here) is skipped.
func Refused(t *testing.T, cases []Case, read func(path string) error) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Attack, func(t *testing.T) {
			if _, err := os.Stat(c.Path); err != nil {
				t.Skip(err)
			}
			var err error
			Within(t, func() { err = read(c.Path) })
			if err == nil || err.Error() != c.Want || !errors.Is(err, c.Is) {
				t.Errorf("error %v, want %q", err, c.Want)
			}
		})
	}
}
