package extract

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits bound what is unpacked from an archive, or from a zip-based
// document, against zip bombs: a small file that unpacks to gigabytes.
// Sizes are the uncompressed ones; a zip's declared sizes are checked
// before anything is unpacked (archive/zip fails a member that unpacks to
// more than it declared), a tar's as it is read.
type Limits struct {
	MaxMembers int   // members, nested archives' included
	MaxTotal   int64 // bytes of all members
	MaxMember  int64 // bytes of one member
	// MaxRatio bounds uncompressed/compressed size of a member of at
	// least ratioFloor bytes (of a whole .tar.gz for tar).
	MaxRatio int64
}

// DefaultLimits are generous for collections of reports: text compresses
// about 3:1 and office files barely, while zip bombs reach 1000:1.
var DefaultLimits = Limits{
	MaxMembers: 20000,
	MaxTotal:   2 << 30,
	MaxMember:  512 << 20,
	MaxRatio:   100,
}

// ratioFloor is the size under which a member's compression ratio is not
// checked: a small run of spaces compresses beyond any limit.
const ratioFloor = 1 << 20

// LimitError is a limit of Limits that an archive exceeds. It wraps
// ErrTooLarge.
type LimitError struct {
	Member string // the member that exceeds it; "" for the archive
	What   string // "members", "total size", "member size" or "compression ratio"
	Got    int64
	Limit  int64
}

func (e *LimitError) Error() string {
	var s string
	switch e.What {
	case "compression ratio":
		s = fmt.Sprintf("compression ratio %d:1 over the limit %d:1 (a zip bomb?)", e.Got, e.Limit)
	case "members":
		s = fmt.Sprintf("%d members, over the limit %d", e.Got, e.Limit)
	default:
		s = fmt.Sprintf("%s %d MB unpacked, over the limit %d MB", e.What, e.Got>>20, e.Limit>>20)
	}
	if e.Member != "" {
		s = "member " + e.Member + ": " + s
	}
	return ErrTooLarge.Error() + ": " + s
}

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// Archive is an archive's members as a read-only file system (fs.FS with
// ReadDir, ReadFile and Stat), so it can be walked like a folder with
// fs.WalkDir. Member names are decoded (GB18030 when a zip does not mark
// them UTF-8) and cleaned. Archives inside it (.zip, .tar, .tar.gz,
// .tgz) are opened one level deep and appear as folders of their
// members; archives deeper down, members whose names cannot be used
// (absolute, "..", duplicates) and links are left out and named in
// Warnings. A member whose content fails to unpack (damaged, encrypted)
// is listed, and opening it fails with ErrDamaged or ErrEncrypted.
type Archive struct {
	Format Format
	// Warnings name the members left out and why, e.g.
	// "a/b.zip/c.zip: an archive nested two levels deep: not opened".
	Warnings []string

	nodes map[string]*node // by cleaned path; "." is the root
}

// node is a file or folder of an Archive.
type node struct {
	name     string // base name
	dir      bool
	size     int64
	mod      time.Time
	children []string // base names, sorted, for a folder
	data     func() ([]byte, error)
}

// OpenArchive opens the archive of format f (Zip, Tar or TarGz, as
// Classify found it) held in r, size bytes long. Zip members are unpacked
// when opened, tar members (which must be read in order) at once. The
// error wraps ErrDamaged or is a *LimitError; it does not name the
// archive, which the caller knows.
func OpenArchive(r io.ReaderAt, size int64, f Format, lim Limits) (*Archive, error) {
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	a := &Archive{Format: f, nodes: map[string]*node{".": {name: ".", dir: true}}}
	b := &budget{lim: lim}
	var err error
	switch f {
	case Zip:
		err = a.addZip("", r, size, b, 0)
	case Tar, TarGz:
		err = a.addTar("", io.NewSectionReader(r, 0, size), size, f == TarGz, b, 0)
	default:
		panic(fmt.Sprintf("extract: OpenArchive of format %q: only zip, tar and tar.gz are archives", f))
	}
	if err != nil {
		return nil, err
	}
	for _, n := range a.nodes {
		slices.Sort(n.children)
	}
	return a, nil
}

// budget counts what an archive unpacks against its limits.
type budget struct {
	lim     Limits
	members int
	total   int64
}

// add counts a member of size bytes, compressed to packed bytes (packed
// < 0: not known).
func (b *budget) add(name string, size, packed int64) error {
	b.members++
	b.total += size
	switch {
	case b.members > b.lim.MaxMembers:
		return &LimitError{What: "members", Got: int64(b.members), Limit: int64(b.lim.MaxMembers)}
	case size > b.lim.MaxMember:
		return &LimitError{Member: name, What: "member size", Got: size, Limit: b.lim.MaxMember}
	case b.total > b.lim.MaxTotal:
		return &LimitError{What: "total size", Got: b.total, Limit: b.lim.MaxTotal}
	case packed >= 0 && size >= ratioFloor && size > packed*b.lim.MaxRatio:
		return &LimitError{Member: name, What: "compression ratio", Got: size / max(packed, 1), Limit: b.lim.MaxRatio}
	}
	return nil
}

// maxNesting is how deep archives inside archives are opened.
const maxNesting = 1

// isArchiveName reports whether a member's name says it is an archive to
// open as a folder, and which kind.
func isArchiveName(name string) (Format, bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		return Zip, true
	case strings.HasSuffix(lower, ".tar"):
		return Tar, true
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
		return TarGz, true
	}
	return "", false
}

// addZip adds a zip's members under prefix.
func (a *Archive) addZip(prefix string, r io.ReaderAt, size int64, b *budget, depth int) error {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return damaged("not a readable zip archive (%v)", err)
	}
	for _, f := range zr.File {
		name := zipName(f)
		if f.Mode()&fs.ModeSymlink != 0 {
			a.warn(prefix, name, "a link: not followed")
			continue
		}
		if strings.HasSuffix(name, "/") {
			if p, ok := a.cleanName(prefix, name); ok {
				a.mkdirAll(p)
			}
			continue
		}
		p, ok := a.cleanName(prefix, name)
		if !ok {
			continue
		}
		usize := int64(min(f.UncompressedSize64, 1<<62))
		if err := b.add(p, usize, int64(min(f.CompressedSize64, 1<<62))); err != nil {
			return err
		}
		open := zipMember(f)
		if nested, err := a.addNested(p, open, b, depth); nested || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		a.addFile(p, usize, f.Modified, open)
	}
	return nil
}

// zipMember returns a function that unpacks a zip member. archive/zip
// fails a member that unpacks to more than it declared, and checks its
// CRC-32 when the end is read.
func zipMember(f *zip.File) func() ([]byte, error) {
	return func() ([]byte, error) {
		rc, err := openMember(f)
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		data := make([]byte, f.UncompressedSize64) // within the limits checked when opened
		if _, err := io.ReadFull(rc, data); err != nil {
			return nil, damaged("zip member (%v)", err)
		}
		if n, err := rc.Read(make([]byte, 1)); n != 0 || err != io.EOF {
			if err == nil || err == io.EOF {
				err = errors.New("longer than declared")
			}
			return nil, damaged("zip member (%v)", err)
		}
		return data, nil
	}
}

// openMember opens a zip member to read it unpacked.
func openMember(f *zip.File) (io.ReadCloser, error) {
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("%w (encrypted zip member)", ErrEncrypted)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged("zip member (%v)", err)
	}
	return rc, nil
}

// addNested handles member p when its name says it is an archive: at
// depth < maxNesting its members are added as a folder p, deeper it is
// left out with a warning, and so is one that cannot be opened. It
// reports whether p was an archive; the error is a limit exceeded.
func (a *Archive) addNested(p string, open func() ([]byte, error), b *budget, depth int) (bool, error) {
	kind, isArc := isArchiveName(p)
	if !isArc {
		return false, nil
	}
	if depth >= maxNesting {
		a.warn("", p, "an archive nested more than one level deep: not opened")
		return true, nil
	}
	data, err := open()
	if err == nil {
		r := bytes.NewReader(data)
		if kind == Zip {
			err = a.addZip(p, r, int64(len(data)), b, depth+1)
		} else {
			err = a.addTar(p, r, int64(len(data)), kind == TarGz, b, depth+1)
		}
	}
	switch {
	case errors.Is(err, ErrTooLarge):
		return true, err
	case err != nil:
		a.warn("", p, "archive not opened: "+err.Error())
	}
	return true, nil
}

// addTar adds a tar's members under prefix, reading them all.
func (a *Archive) addTar(prefix string, r io.Reader, size int64, gz bool, b *budget, depth int) error {
	var unpacked int64
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return damaged("not a readable gzip file (%v)", err)
		}
		defer zr.Close()
		r = zr
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return damaged("tar archive (%v)", err)
		}
		name := decodeName(h.Name, false)
		switch h.Typeflag {
		case tar.TypeDir:
			if p, ok := a.cleanName(prefix, name); ok {
				a.mkdirAll(p)
			}
			continue
		case tar.TypeReg:
		case tar.TypeXGlobalHeader:
			continue
		default:
			a.warn(prefix, name, "not a regular file (a link or device): not read")
			continue
		}
		p, ok := a.cleanName(prefix, name)
		if !ok {
			continue
		}
		if err := b.add(p, h.Size, -1); err != nil {
			return err
		}
		unpacked += h.Size
		if gz && unpacked >= ratioFloor && unpacked > size*b.lim.MaxRatio {
			return &LimitError{Member: p, What: "compression ratio", Got: unpacked / max(size, 1), Limit: b.lim.MaxRatio}
		}
		data := make([]byte, h.Size)
		if _, err := io.ReadFull(tr, data); err != nil {
			return damaged("tar member %s (%v)", p, err)
		}
		open := func() ([]byte, error) { return data, nil }
		if nested, err := a.addNested(p, open, b, depth); nested || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		a.addFile(p, h.Size, h.ModTime, open)
	}
}

// zipName returns a zip member's name as UTF-8: the Info-ZIP Unicode Path
// extra field when it matches the name, the name itself when it is UTF-8,
// else the name decoded from GB18030 (what Chinese Windows writes).
func zipName(f *zip.File) string {
	if u, ok := unicodePathExtra(f.Extra, f.Name); ok {
		return u
	}
	return decodeName(f.Name, f.Flags&0x800 != 0)
}

// decodeName returns name as UTF-8: as it is when marked UTF-8 or valid
// UTF-8, else decoded from GB18030 (invalid bytes become U+FFFD).
func decodeName(name string, markedUTF8 bool) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if markedUTF8 || utf8.ValidString(name) {
		return strings.ToValidUTF8(name, "\uFFFD")
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().String(name)
	if err != nil {
		return strings.ToValidUTF8(name, "\uFFFD")
	}
	return s
}

// unicodePathExtra returns the UTF-8 name of an Info-ZIP Unicode Path extra
// field (id 0x7075: version 1, CRC-32 of the raw name, UTF-8 name) when
// its CRC matches raw.
func unicodePathExtra(extra []byte, raw string) (string, bool) {
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		if 4+n > len(extra) {
			return "", false
		}
		body := extra[4 : 4+n]
		extra = extra[4+n:]
		if id != 0x7075 || len(body) < 5 || body[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(body[1:]) != crc32.ChecksumIEEE([]byte(raw)) || !utf8.Valid(body[5:]) {
			return "", false
		}
		return strings.ReplaceAll(string(body[5:]), "\\", "/"), true
	}
	return "", false
}

// cleanName joins prefix and a member's name and cleans it into a valid
// fs path; a name that is absolute, climbs out with "..", or is empty is
// named in Warnings and refused.
func (a *Archive) cleanName(prefix, name string) (string, bool) {
	n := strings.TrimSuffix(name, "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		a.warn(prefix, name, "an absolute path: not read")
		return "", false
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			a.warn(prefix, name, "a path with \"..\": not read")
			return "", false
		}
	}
	n = path.Clean(n)
	if n == "." || n == "" {
		return "", false
	}
	if prefix != "" {
		n = prefix + "/" + n
	}
	if !fs.ValidPath(n) {
		a.warn("", n, "an invalid path: not read")
		return "", false
	}
	return n, true
}

// warn adds a warning about a member.
func (a *Archive) warn(prefix, name, why string) {
	if prefix != "" {
		name = prefix + "/" + name
	}
	a.Warnings = append(a.Warnings, name+": "+why)
}

// mkdirAll makes folder p and its parents; it reports false when p or a
// parent is a file.
func (a *Archive) mkdirAll(p string) bool {
	if n, ok := a.nodes[p]; ok {
		return n.dir
	}
	parent := path.Dir(p)
	if !a.mkdirAll(parent) {
		return false
	}
	a.nodes[p] = &node{name: path.Base(p), dir: true}
	a.nodes[parent].children = append(a.nodes[parent].children, path.Base(p))
	return true
}

// addFile adds a file, unless its name is taken or a parent is a file.
func (a *Archive) addFile(p string, size int64, mod time.Time, data func() ([]byte, error)) {
	if _, ok := a.nodes[p]; ok {
		a.warn("", p, "a second member of the same name: not read")
		return
	}
	parent := path.Dir(p)
	if !a.mkdirAll(parent) {
		a.warn("", p, "its folder is also a file: not read")
		return
	}
	a.nodes[p] = &node{name: path.Base(p), size: size, mod: mod, data: data}
	a.nodes[parent].children = append(a.nodes[parent].children, path.Base(p))
}

// Open opens the named member or folder.
func (a *Archive) Open(name string) (fs.File, error) {
	n, err := a.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if n.dir {
		return &archiveDir{a: a, path: name, n: n}, nil
	}
	data, err := n.data()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &archiveFile{n: n, Reader: bytes.NewReader(data)}, nil
}

// ReadFile returns the named member's content.
func (a *Archive) ReadFile(name string) ([]byte, error) {
	n, err := a.lookup("read", name)
	if err != nil {
		return nil, err
	}
	if n.dir {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	data, err := n.data()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return slices.Clone(data), nil
}

// Stat describes the named member or folder.
func (a *Archive) Stat(name string) (fs.FileInfo, error) {
	n, err := a.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return n, nil
}

// ReadDir lists the named folder, sorted by name.
func (a *Archive) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := a.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return a.entries(name, n), nil
}

// lookup finds a node by path.
func (a *Archive) lookup(op, name string) (*node, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	n, ok := a.nodes[name]
	if !ok {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return n, nil
}

// entries returns a folder's entries.
func (a *Archive) entries(dir string, n *node) []fs.DirEntry {
	out := make([]fs.DirEntry, len(n.children))
	for i, c := range n.children {
		p := c
		if dir != "." {
			p = dir + "/" + c
		}
		out[i] = fs.FileInfoToDirEntry(a.nodes[p])
	}
	return out
}

// node is its own fs.FileInfo.
func (n *node) Name() string { return n.name }
func (n *node) Size() int64  { return n.size }
func (n *node) Mode() fs.FileMode {
	if n.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (n *node) ModTime() time.Time { return n.mod }
func (n *node) IsDir() bool        { return n.dir }
func (n *node) Sys() any           { return nil }

// archiveFile is an open member.
type archiveFile struct {
	*bytes.Reader
	n *node
}

func (f *archiveFile) Stat() (fs.FileInfo, error) { return f.n, nil }
func (f *archiveFile) Close() error               { return nil }

// archiveDir is an open folder.
type archiveDir struct {
	a    *Archive
	path string
	n    *node
	read int // entries returned by ReadDir so far
}

func (d *archiveDir) Stat() (fs.FileInfo, error) { return d.n, nil }
func (d *archiveDir) Close() error               { return nil }
func (d *archiveDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errors.New("is a directory")}
}

// ReadDir returns the next n entries (all remaining when n <= 0).
func (d *archiveDir) ReadDir(n int) ([]fs.DirEntry, error) {
	all := d.a.entries(d.path, d.n)[d.read:]
	if n <= 0 {
		d.read += len(all)
		return all, nil
	}
	if len(all) == 0 {
		return nil, io.EOF
	}
	all = all[:min(n, len(all))]
	d.read += len(all)
	return all, nil
}
