package table

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// CheckOutputDir fails, naming flag, when the folder path is to be
// written in does not exist, so that a run stops before reading the
// reports rather than after.
func CheckOutputDir(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("flag %s: cannot write %s: folder %s does not exist (create it first)", flag, path, dir)
	case !st.IsDir():
		return fmt.Errorf("flag %s: cannot write %s: %s is not a folder", flag, path, dir)
	}
	return nil
}

// WriteFileAtomic writes data to path as Output does: into a temporary
// file renamed into place once all is written.
func WriteFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic writes path with what fill writes: into a temporary file in
// the same directory, renamed into place only when fill and every write
// succeeded, so a failed or interrupted run leaves no half file.
func writeAtomic(path string, fill func(w *bufio.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := fill(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
