package table

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reports"
)

// What writing to a path does (writeTo), by what is there:
//
//	nothing, a regular file   a temporary file in the same folder, renamed
//	                          over the path once all is written (a failed or
//	                          interrupted run leaves no half file); a file
//	                          replaced keeps its permissions
//	a symbolic link           the same for the file it leads to (created if
//	                          it leads nowhere); the link is kept
//	a character device, FIFO  written straight to, never replaced (/dev/null,
//	                          a terminal); a FIFO waits at most FIFOWait for
//	                          a reader, then fails with "no reader on FIFO"
//	/dev/stdout, /dev/fd/N    the stream itself, written straight to (Output
//	                          writes /dev/stdout to its Stdout)
//	a folder, a socket        an error
//
// An input is never an output: the command layer refuses an output that is
// one of its inputs (SameFile) before it reads them.

// FIFOWait is how long writing to a FIFO waits for a reader to open it
// before failing: a FIFO nobody reads must not hold tifa forever, and a
// reader started just after tifa (mkfifo p; tifa … -o p & cat p) is still
// in time. A variable so that tests can shorten it.
var FIFOWait = 30 * time.Second

// maxTempBase is how many bytes of the file's name a temporary file's name
// keeps (".NAME.tmp" and ten digits), so that the temporary name of any
// name that fits (255 bytes) fits too.
const maxTempBase = 200

// CheckOutputDir is CheckOutput, under the name it first had.
func CheckOutputDir(flag, path string) error { return CheckOutput(flag, path) }

// CheckOutput fails, naming flag, when path cannot be written, so that a
// run stops before reading the reports rather than after: its folder does
// not exist or is not a folder, path is a folder or a socket, its name is
// too long, or the folder is not writable (a temporary file is created
// there and removed). A FIFO or a device passes: it is written straight
// to, and a FIFO's reader may come later.
func CheckOutput(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	d, err := destOf(path)
	if err != nil {
		return fmt.Errorf("flag %s: %w", flag, err)
	}
	if d.straight {
		return nil
	}
	dir := filepath.Dir(d.file)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("flag %s: cannot write %s: folder %s does not exist (create it first)", flag, quote(path), quote(dir))
	case !st.IsDir():
		return fmt.Errorf("flag %s: cannot write %s: %s is not a folder", flag, quote(path), quote(dir))
	}
	tmp, err := createTemp(d.file)
	if err != nil {
		return fmt.Errorf("flag %s: cannot write %s: %w", flag, quote(path), unwrapPath(err))
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

// SameFile reports whether paths a and b name the same existing file,
// through any symbolic link or hard link.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// WriteFileAtomic writes data to path as Output does (see writeTo).
func WriteFileAtomic(path string, data []byte) error {
	return writeTo(path, func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// dest is what writing to a path does.
type dest struct {
	path     string      // as given, for messages
	straight bool        // written straight to (a device, FIFO, /dev/fd/N)
	trunc    bool        // straight to a regular file behind /dev/fd/N: truncated first
	file     string      // else the file replaced atomically (links followed)
	perm     fs.FileMode // the permissions it gets: those of the file replaced, else 0644
}

// destOf says how path is written (see the table above writeTo).
func destOf(path string) (dest, error) {
	d := dest{path: path, perm: 0o644}
	st, err := os.Stat(path)
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return d, fmt.Errorf("cannot write %s: %w", quote(path), unwrapPath(err))
	case err == nil && st.IsDir():
		return d, fmt.Errorf("cannot write %s: it is a folder", quote(path))
	case err == nil && st.Mode()&fs.ModeSocket != 0:
		return d, fmt.Errorf("cannot write %s: it is a socket", quote(path))
	case err == nil && !st.Mode().IsRegular():
		d.straight = true
		return d, nil
	case err == nil:
		d.perm = st.Mode().Perm()
	}
	file, stream, err := followLinks(path)
	if err != nil {
		return d, err
	}
	if stream {
		d.straight, d.trunc = true, st != nil // a regular file behind the stream
		return d, nil
	}
	d.file = file
	return d, nil
}

// followLinks follows path's symbolic links to the file they lead to (one
// that may not exist yet). stream is set when a link passes through /proc
// or /dev/fd: a process's open file (/dev/stdout), written straight to.
func followLinks(path string) (file string, stream bool, err error) {
	p := path
	for range 40 { // Linux's limit (MAXSYMLINKS)
		if IsStream(p) {
			return p, true, nil
		}
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && st.Mode()&fs.ModeSymlink == 0) {
			return p, false, nil
		}
		if err != nil {
			return "", false, fmt.Errorf("cannot write %s: %w", quote(path), unwrapPath(err))
		}
		to, err := os.Readlink(p)
		if err != nil {
			return "", false, fmt.Errorf("cannot write %s: %w", quote(path), unwrapPath(err))
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(p), to)
		}
		p = to
	}
	return "", false, fmt.Errorf("cannot write %s: too many symbolic links (a loop?)", quote(path))
}

// IsStream reports whether p names a process's open file: /dev/stdout,
// /dev/stderr, /dev/fd/N or anything under /proc.
func IsStream(p string) bool {
	p = filepath.Clean(p)
	return p == "/dev/stdout" || p == "/dev/stderr" || strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/")
}

// writeTo writes path with what fill writes, as the table above says.
func writeTo(path string, fill func(w *bufio.Writer) error) error {
	return writeAll([]string{path}, []func(*bufio.Writer) error{fill})
}

// writeAll writes paths[i] with what fills[i] writes: the files replaced
// atomically are renamed into place only once every fill succeeded, so a
// failure leaves none of them half written or new.
func writeAll(paths []string, fills []func(w *bufio.Writer) error) error {
	var temps []*pending
	defer func() {
		for _, p := range temps {
			os.Remove(p.tmp) // no-op after a successful rename
		}
	}()
	for i, path := range paths {
		d, err := destOf(path)
		if err != nil {
			return err
		}
		if d.straight {
			if err := writeStraight(d, fills[i]); err != nil {
				return err
			}
			continue
		}
		p, err := writeTemp(d, fills[i])
		if err != nil {
			return err
		}
		temps = append(temps, p)
	}
	for _, p := range temps {
		if err := os.Rename(p.tmp, p.d.file); err != nil {
			return fmt.Errorf("write %s: %w", quote(p.d.path), unwrapPath(err))
		}
	}
	return nil
}

// pending is a temporary file written whole, to be renamed into place.
type pending struct {
	d   dest
	tmp string
}

// createTemp creates the temporary file of file, in its folder.
func createTemp(file string) (*os.File, error) {
	base := filepath.Base(file)
	if len(base) > maxTempBase {
		base = base[:maxTempBase]
		for !utf8.ValidString(base) {
			base = base[:len(base)-1]
		}
	}
	return os.CreateTemp(filepath.Dir(file), "."+base+".tmp*")
}

// writeTemp writes what fill writes into d's temporary file.
func writeTemp(d dest, fill func(w *bufio.Writer) error) (*pending, error) {
	tmp, err := createTemp(d.file)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", quote(d.path), unwrapPath(err))
	}
	p := &pending{d: d, tmp: tmp.Name()}
	if err := fillFile(tmp, d.path, fill); err != nil {
		tmp.Close()
		os.Remove(p.tmp)
		return nil, err
	}
	if err := tmp.Chmod(d.perm); err != nil {
		tmp.Close()
		os.Remove(p.tmp)
		return nil, fmt.Errorf("write %s: %w", quote(d.path), err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(p.tmp)
		return nil, fmt.Errorf("write %s: %w", quote(d.path), err)
	}
	return p, nil
}

// writeStraight writes what fill writes straight to d: a device, a FIFO
// (opened without blocking, waiting at most FIFOWait for a reader) or a
// stream.
func writeStraight(d dest, fill func(w *bufio.Writer) error) error {
	flags := os.O_WRONLY | oNonblock
	if d.trunc {
		flags |= os.O_TRUNC
	}
	var f *os.File
	var err error
	for deadline := time.Now().Add(FIFOWait); ; {
		f, err = os.OpenFile(d.path, flags, 0)
		if !errors.Is(err, syscall.ENXIO) || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	switch {
	case errors.Is(err, syscall.ENXIO):
		return fmt.Errorf("write %s: no reader on FIFO after %v (start the reader first, e.g. cat %s &)", quote(d.path), FIFOWait, quote(d.path))
	case err != nil:
		return fmt.Errorf("write %s: %w", quote(d.path), unwrapPath(err))
	}
	if err := fillFile(f, d.path, fill); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", quote(d.path), err)
	}
	return nil
}

// fillFile writes what fill writes to f, buffered; its write errors name
// path.
func fillFile(f io.Writer, path string, fill func(w *bufio.Writer) error) error {
	w := bufio.NewWriterSize(f, 1<<16)
	if err := fill(w); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("write %s: %w", quote(path), pe.Err)
		}
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", quote(path), unwrapPath(err))
	}
	return nil
}

// unwrapPath returns the error inside a *fs.PathError, whose message would
// repeat the path (or the temporary file's name) already given.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// quote shows a path as a terminal may print it (reports.QuoteName).
func quote(path string) string { return reports.QuoteName(path) }
