package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Errors matched with errors.Is.
var (
	// ErrNotRegular: the path is a FIFO, device, socket, directory or
	// other non-regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is larger than the cap.
	ErrTooLarge = errors.New("file too large")
)

// NotRegularError says what a non-regular file is.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return ErrNotRegular.Error() + ": " + Describe(e.Mode)
}

// Is makes errors.Is(err, ErrNotRegular) true.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// TooLargeError gives the size of a file over the cap.
type TooLargeError struct {
	Size int64 // bytes; -1 when the file grew past Max while it was read
	Max  int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: more than the limit of %s", ErrTooLarge, FormatSize(e.Max))
	}
	return fmt.Sprintf("%s: %s, over the limit of %s", ErrTooLarge, FormatSize(e.Size), FormatSize(e.Max))
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// At names where in a file a user named a problem lies, for messages:
// "FILE", "FILE:LINE" or "FILE:LINE:COLUMN" (a line or column of 0 is not
// known). The located errors of lexicons, manifests and sample files
// format their place with it.
func At(file string, line, column int) string {
	switch {
	case line <= 0:
		return file
	case column <= 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return fmt.Sprintf("%s:%d:%d", file, line, column)
}

// Describe names the type of a file mode in words: "a named pipe (FIFO)",
// "a character device", "a directory" …, "a regular file".
func Describe(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "a regular file"
	case mode&fs.ModeDir != 0:
		return "a directory"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeIrregular != 0:
		return "a file of unknown type"
	}
	return "not a regular file"
}

// Check returns a *NotRegularError for a file info that is not a regular
// file, a *TooLargeError for one over max bytes (max <= 0: no cap), else
// nil.
func Check(fi fs.FileInfo, max int64) error {
	if !fi.Mode().IsRegular() {
		return &NotRegularError{Mode: fi.Mode()}
	}
	if max > 0 && fi.Size() > max {
		return &TooLargeError{Size: fi.Size(), Max: max}
	}
	return nil
}

// FormatSize writes a byte count for people: "512 B", "64 MB", "1.5 GB"
// (decimal units, as file managers show them).
func FormatSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1e6:
		return trimZero(float64(n)/1e3) + " kB"
	case n < 1e9:
		return trimZero(float64(n)/1e6) + " MB"
	}
	return trimZero(float64(n)/1e9) + " GB"
}

func trimZero(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// BrokenLinkError is a symbolic link that cannot be followed: its target
// does not exist (a dangling link), or it leads round in a loop.
type BrokenLinkError struct {
	Target string // what the link says, "" when it cannot be read
	Err    error  // the error following it (fs.ErrNotExist, ELOOP …)
}

func (e *BrokenLinkError) Error() string {
	target := ""
	if e.Target != "" {
		target = " to " + e.Target
	}
	if errors.Is(e.Err, fs.ErrNotExist) {
		return "a symbolic link" + target + ", which does not exist"
	}
	return "a symbolic link" + target + " that cannot be followed: " + e.Err.Error()
}

// Unwrap returns the error following the link.
func (e *BrokenLinkError) Unwrap() error { return e.Err }

// Stat returns the file info of name in fsys, following symbolic links,
// when it is a regular file of at most max bytes (max <= 0: no cap). A
// link that cannot be followed gives a *BrokenLinkError (on a file system
// that implements fs.ReadLinkFS, as DirFS does), a file of another type a
// *NotRegularError, a larger one a *TooLargeError; each inside a
// *fs.PathError naming the file as shown ("" for name).
func Stat(fsys fs.FS, name string, max int64, shown string) (fs.FileInfo, error) {
	if shown == "" {
		shown = name
	}
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		if li, lerr := fs.Lstat(fsys, name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := fs.ReadLink(fsys, name)
			return nil, &fs.PathError{Op: "open", Path: shown, Err: &BrokenLinkError{Target: target, Err: unwrapPath(err)}}
		}
		return nil, &fs.PathError{Op: "open", Path: shown, Err: unwrapPath(err)}
	}
	if err := Check(fi, max); err != nil {
		return nil, &fs.PathError{Op: "read", Path: shown, Err: err}
	}
	return fi, nil
}

// unwrapPath returns the error inside a *fs.PathError, else err.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open opens the named file for reading when it is a regular file: it is
// checked with os.Stat (following symbolic links) before it is opened,
// opened with O_NONBLOCK where the system has it, and checked again on the
// open file. A non-regular file gives a *fs.PathError wrapping a
// *NotRegularError.
func Open(name string) (*os.File, error) {
	if _, err := Stat(DirFS(filepath.Dir(name)), filepath.Base(name), 0, name); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = Check(fi, 0)
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// ReadFile reads the named regular file whole, refusing it (a *fs.PathError
// wrapping a *TooLargeError) when it holds more than max bytes (max <= 0:
// no cap). See Open for the files it refuses.
func ReadFile(name string, max int64) ([]byte, error) {
	return ReadFS(DirFS(filepath.Dir(name)), filepath.Base(name), max, name)
}

// ReadFS is ReadFile on a file system: name is a path in fsys, and shown
// names the file in errors ("" for name). The file's type and size are
// checked with fs.Stat before it is opened and on the open file; on a file
// system made by DirFS the open does not block.
func ReadFS(fsys fs.FS, name string, max int64, shown string) ([]byte, error) {
	if shown == "" {
		shown = name
	}
	fail := func(op string, err error) error {
		return &fs.PathError{Op: op, Path: shown, Err: unwrapPath(err)}
	}
	if _, err := Stat(fsys, name, max, shown); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fail("open", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil {
		err = Check(fi, max)
	}
	if err != nil {
		return nil, fail("read", err)
	}
	size := fi.Size()
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
		size = min(size, max)
	}
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fail("read", err)
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if max > 0 && int64(len(b)) > max {
		return nil, fail("read", &TooLargeError{Size: -1, Max: max})
	}
	return b, nil
}

// DirFS returns a file system for the tree at dir, as os.DirFS does, but
// whose Open never blocks: files are opened with O_NONBLOCK where the
// system has it, so opening a FIFO returns at once (reading it is for
// the caller to refuse: ReadFS does). Unlike os.DirFS it accepts names that
// are not valid UTF-8 (file names in a legacy encoding): any name
// fs.ValidPath would accept once its invalid bytes are replaced. It
// implements fs.StatFS with os.Stat, which opens nothing, and
// fs.ReadLinkFS.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (d dirFS) join(op, name string) (string, error) {
	if !fs.ValidPath(strings.ToValidUTF8(name, "_")) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return string(d), nil
	}
	return filepath.Join(string(d), filepath.FromSlash(name)), nil
}

func (d dirFS) Open(name string) (fs.File, error) {
	p, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, relErr(err, name)
	}
	return f, nil
}

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return osCall(d, "stat", name, os.Stat) }

func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return osCall(d, "lstat", name, os.Lstat) }

func (d dirFS) ReadLink(name string) (string, error) {
	return osCall(d, "readlink", name, os.Readlink)
}

// osCall calls f (os.Stat …) on name in the tree, naming the file in
// errors by its path in the file system, as os.DirFS does.
func osCall[T any](d dirFS, op, name string, f func(string) (T, error)) (T, error) {
	var zero T
	p, err := d.join(op, name)
	if err != nil {
		return zero, err
	}
	v, err := f(p)
	if err != nil {
		return zero, relErr(err, name)
	}
	return v, nil
}

// relErr names the file by its path in the file system, as os.DirFS does.
func relErr(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}
