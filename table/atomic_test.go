//go:build linux

package table

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tifa-project/tifa/infile/infiletest"
)

// writeString writes s to path with writeTo.
func writeString(path, s string) error {
	return writeTo(path, func(w *bufio.Writer) error {
		_, err := w.WriteString(s)
		return err
	})
}

// mode is the type bits of what is at path (not following a link).
func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Type()
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWriteToRegular: a new file and a file replaced are written whole; a
// replaced file keeps its permissions; no temporary file is left.
func TestWriteToRegular(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := writeString(path, "a\n"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("new file: mode %v, want 0644", st.Mode().Perm())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeString(path, "b\n"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "b\n" {
		t.Errorf("replaced file holds %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("replaced file: mode %v, want 0600 kept", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %v", entries)
	}
}

// TestWriteToSymlink: a link's target is written (through a chain of
// links, relative or absolute; created when the link leads nowhere) and
// the links are kept; a loop is an error.
func TestWriteToSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "target.csv")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	mid := filepath.Join(dir, "mid.csv")
	link := filepath.Join(dir, "link.csv")
	must(t, os.Symlink("sub/target.csv", mid)) // relative
	must(t, os.Symlink(mid, link))             // absolute, to a link
	if err := writeString(link, "new"); err != nil {
		t.Fatal(err)
	}
	if mode(t, link) != fs.ModeSymlink || mode(t, mid) != fs.ModeSymlink {
		t.Errorf("a link was replaced: %v, %v", mode(t, link), mode(t, mid))
	}
	if got := readString(t, target); got != "new" {
		t.Errorf("target holds %q, want new", got)
	}
	if entries, _ := os.ReadDir(sub); len(entries) != 1 {
		t.Errorf("target's folder holds %v", entries)
	}

	dangling := filepath.Join(dir, "dangling.csv")
	must(t, os.Symlink("sub/new.csv", dangling))
	if err := writeString(dangling, "x"); err != nil {
		t.Fatal(err)
	}
	if mode(t, dangling) != fs.ModeSymlink || readString(t, filepath.Join(sub, "new.csv")) != "x" {
		t.Error("a link leading nowhere: its target not created through it")
	}

	loop := filepath.Join(dir, "loop.csv")
	must(t, os.Symlink("loop.csv", loop))
	if err := writeString(loop, "x"); err == nil || !strings.Contains(err.Error(), "loop.csv") {
		t.Errorf("a link loop: error %v", err)
	}
	if err := CheckOutput("-o", loop); err == nil {
		t.Error("CheckOutput passes a link loop")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWriteToFIFO: a FIFO with a reader gets the bytes and stays a FIFO;
// without one, writing fails within FIFOWait instead of hanging.
func TestWriteToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	infiletest.FIFO(t, fifo)
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until tifa opens it for writing
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := CheckOutput("-o", fifo); err != nil {
		t.Errorf("CheckOutput: %v", err)
	}
	if err := writeString(fifo, "doc,count\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "doc,count\n" {
			t.Errorf("reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing")
	}
	if mode(t, fifo) != fs.ModeNamedPipe {
		t.Errorf("the FIFO became %v", mode(t, fifo))
	}

	defer func(w time.Duration) { FIFOWait = w }(FIFOWait)
	FIFOWait = 100 * time.Millisecond
	var err error
	infiletest.Within(t, func() { err = writeString(fifo, "x") })
	if err == nil || !strings.Contains(err.Error(), "no reader on FIFO") {
		t.Errorf("no reader: error %v", err)
	}
	if mode(t, fifo) != fs.ModeNamedPipe {
		t.Errorf("the FIFO became %v", mode(t, fifo))
	}
}

// TestWriteToDevice: a character device is written straight to, never
// replaced. As root, a device node made in a temporary folder stands for
// /dev/null (the bug replaced /dev/null itself); /dev/null then too.
func TestWriteToDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		// not root: renaming over /dev/null fails anyway; check it is
		// written straight all the same
		if err := writeString("/dev/null", "x"); err != nil {
			t.Fatal(err)
		}
		return
	}
	dev := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
		t.Skipf("mknod: %v", err)
	}
	if err := writeString(dev, strings.Repeat("x", 100000)); err != nil {
		t.Fatal(err)
	}
	if mode(t, dev) != fs.ModeDevice|fs.ModeCharDevice {
		t.Fatalf("the device became %v: not trying /dev/null", mode(t, dev))
	}
	if err := writeString("/dev/null", "x"); err != nil {
		t.Fatal(err)
	}
	if mode(t, "/dev/null") != fs.ModeDevice|fs.ModeCharDevice {
		t.Errorf("/dev/null became %v", mode(t, "/dev/null"))
	}
}

// mkdev is Linux's makedev for small numbers.
func mkdev(major, minor uint32) uint64 { return uint64(major)<<8 | uint64(minor) }

// TestWriteToRefused: a folder and a socket are errors naming them.
func TestWriteToRefused(t *testing.T) {
	dir := t.TempDir()
	if err := writeString(dir, "x"); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder: %v", err)
	}
	sock := filepath.Join(dir, "s.sock")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Skip(err)
	}
	for _, err := range []error{writeString(sock, "x"), CheckOutput("-o", sock)} {
		if err == nil || !strings.Contains(err.Error(), "socket") {
			t.Errorf("a socket: %v", err)
		}
	}
}

// TestLongName: a name of 244 bytes (255 is the limit of most file
// systems) is written, its temporary name being shorter; one of 256 fails
// in CheckOutput, before anything is computed.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, strings.Repeat("长", 80)+".csv") // 244 bytes
	if err := CheckOutput("-o", long); err != nil {
		t.Fatalf("244 bytes: %v", err)
	}
	if err := writeString(long, "x"); err != nil {
		t.Fatalf("244 bytes: %v", err)
	}
	tooLong := filepath.Join(dir, strings.Repeat("x", 252)+".csv")
	err := CheckOutput("-o", tooLong)
	if err == nil || !errors.Is(err, syscall.ENAMETOOLONG) && !strings.Contains(err.Error(), "too long") {
		t.Errorf("256 bytes: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries", len(entries))
	}
}

// TestWriteAllOrNothing: when one of several files fails, none is written.
func TestWriteAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	boom := errors.New("boom")
	ok := func(w *bufio.Writer) error { _, err := w.WriteString("x"); return err }
	fail := func(*bufio.Writer) error { return boom }
	if err := writeAll([]string{a, b}, []func(*bufio.Writer) error{ok, fail}); !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
