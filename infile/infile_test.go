package infile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tifa-project/tifa/infile/infiletest"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := write("small.csv", "file,region\n")
	big := write("big.csv", strings.Repeat("x", 2000))
	fifo := filepath.Join(dir, "fifo.csv")
	infiletest.FIFO(t, fifo)
	zeroLink := filepath.Join(dir, "zero_2020.txt")
	dangling := filepath.Join(dir, "dangling.txt")
	loop := filepath.Join(dir, "loop.txt")
	for _, l := range [][2]string{{"/dev/zero", zeroLink}, {filepath.Join(dir, "nope"), dangling}, {loop, loop}} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		path string
		max  int64
		want string // the whole error; "" for none
		is   error
	}{
		{"regular", small, 100, "", nil},
		{"no cap", big, 0, "", nil},
		{"at the cap", big, 2000, "", nil},
		{"over the cap", big, 1000, "read " + big + ": file too large: 2 kB, over the limit of 1 kB", ErrTooLarge},
		{"fifo", fifo, 100, "read " + fifo + ": not a regular file: a named pipe (FIFO)", ErrNotRegular},
		{"/dev/zero", "/dev/zero", 100, "read /dev/zero: not a regular file: a character device", ErrNotRegular},
		{"symlink to /dev/zero", zeroLink, 100, "read " + zeroLink + ": not a regular file: a character device", ErrNotRegular},
		{"directory", dir, 100, "read " + dir + ": not a regular file: a directory", ErrNotRegular},
		{"dangling symlink", dangling, 100, "open " + dangling + ": a symbolic link to " + filepath.Join(dir, "nope") + ", which does not exist", fs.ErrNotExist},
		{"symlink loop", loop, 100, "open " + loop + ": a symbolic link to " + loop + " that cannot be followed: too many levels of symbolic links", nil},
		{"missing", filepath.Join(dir, "nope"), 100, "open " + filepath.Join(dir, "nope") + ": no such file or directory", fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); tt.path == "/dev/zero" && err != nil {
				t.Skip("no /dev/zero")
			}
			var b []byte
			var err error
			infiletest.Within(t, func() { b, err = ReadFile(tt.path, tt.max) })
			if tt.want == "" {
				want, _ := os.ReadFile(tt.path)
				if err != nil || string(b) != string(want) {
					t.Fatalf("ReadFile = %d bytes, %v; want %d bytes", len(b), err, len(want))
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != tt.path {
				t.Errorf("error %#v does not name %s", err, tt.path)
			}
		})
	}
}

// TestDirFSOpenFIFO: opening a FIFO through DirFS returns at once, where
// os.DirFS would wait for a writer.
func TestDirFSOpenFIFO(t *testing.T) {
	dir := t.TempDir()
	infiletest.FIFO(t, filepath.Join(dir, "a.txt"))
	fsys := DirFS(dir)
	infiletest.Within(t, func() {
		f, err := fsys.Open("a.txt")
		if err != nil {
			t.Errorf("Open: %v", err)
			return
		}
		f.Close()
	})
	infiletest.Within(t, func() {
		_, err := ReadFS(fsys, "a.txt", 10, "dir/a.txt")
		if want := "read dir/a.txt: not a regular file: a named pipe (FIFO)"; err == nil || err.Error() != want {
			t.Errorf("ReadFS error %v, want %q", err, want)
		}
	})
}

// TestDirFSNames: DirFS opens names that are not UTF-8 and refuses names
// that leave the tree, as os.DirFS does.
func TestDirFSNames(t *testing.T) {
	dir := t.TempDir()
	name := "\xd5\xe3\xbd\xad_2025.txt" // 浙江_2025.txt in GBK
	if err := os.WriteFile(filepath.Join(dir, name), []byte("甲"), 0o644); err != nil {
		t.Skipf("file system refuses the name: %v", err)
	}
	fsys := DirFS(dir)
	if b, err := ReadFS(fsys, name, 10, ""); err != nil || string(b) != "甲" {
		t.Errorf("ReadFS(%q) = %q, %v", name, b, err)
	}
	for _, bad := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		if _, err := fsys.Open(bad); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want fs.ErrInvalid", bad, err)
		}
	}
}

// TestDirFSConforms runs testing/fstest's checks of an fs.FS on DirFS.
func TestDirFSConforms(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "sub/b.txt", "sub/c/d.md"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := fstest.TestFS(DirFS(dir), "a.txt", "sub/b.txt", "sub/c/d.md"); err != nil {
		t.Error(err)
	}
}

// growingFS stats its one file as small and reads it as large: a file
// that grows while it is read.
type growingFS struct{ fstest.MapFS }

type growing struct {
	fs.File
}

func (g growing) Stat() (fs.FileInfo, error) {
	fi, err := g.File.Stat()
	return smallInfo{fi}, err
}

type smallInfo struct{ fs.FileInfo }

func (smallInfo) Size() int64 { return 1 }

func (g growingFS) Open(name string) (fs.File, error) {
	f, err := g.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return growing{f}, nil
}

func (g growingFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := g.MapFS.Stat(name)
	return smallInfo{fi}, err
}

// TestReadFSGrows: a file that grows past the cap while read is refused
// after reading at most cap+1 bytes.
func TestReadFSGrows(t *testing.T) {
	fsys := growingFS{fstest.MapFS{"a": {Data: []byte(strings.Repeat("x", 100))}}}
	_, err := ReadFS(fsys, "a", 10, "")
	if want := "read a: file too large: more than the limit of 10 B"; err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v, want %q", err, want)
	}
	b, err := ReadFS(fsys, "a", 100, "")
	if err != nil || len(b) != 100 {
		t.Errorf("ReadFS = %d bytes, %v", len(b), err)
	}
}

// TestReadFSNotRegularInFS: the type check works on any fs.FS.
func TestReadFSNotRegularInFS(t *testing.T) {
	fsys := fstest.MapFS{"p": {Mode: fs.ModeNamedPipe}, "d/x": {}}
	for name, want := range map[string]string{
		"p":    "read p: not a regular file: a named pipe (FIFO)",
		"d":    "read d: not a regular file: a directory",
		"nope": "open nope: file does not exist",
	} {
		if _, err := ReadFS(fsys, name, 10, ""); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1 kB", 1500: "1.5 kB", 64 << 20: "67.1 MB", 64e6: "64 MB", 1e9: "1 GB", 18_800_000_000: "18.8 GB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOpen(t *testing.T) {
	f, err := Open("infile.go")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil || !strings.HasPrefix(string(b), "package infile") {
		t.Errorf("read %q…, %v", b[:min(len(b), 20)], err)
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		if _, err := Open("/dev/null"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Open(/dev/null): %v", err)
		}
	}
}

// TestAt checks the place names of located errors.
func TestAt(t *testing.T) {
	for _, c := range []struct {
		line, col int
		want      string
	}{{0, 0, "f.csv"}, {0, 3, "f.csv"}, {-1, 0, "f.csv"}, {7, 0, "f.csv:7"}, {7, 3, "f.csv:7:3"}} {
		if got := At("f.csv", c.line, c.col); got != c.want {
			t.Errorf("At(f.csv, %d, %d) = %q, want %q", c.line, c.col, got, c.want)
		}
	}
}
