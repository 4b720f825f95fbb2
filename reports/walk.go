package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tifa-project/tifa/extract"
	"github.com/tifa-project/tifa/infile"
)

// This file finds the files a run reads: the paths given, the folders and
// archives walked, and what every file found is. load.go reads and
// describes them.

// ReportExts are the file extensions read as reports when walking a
// directory (compared ignoring case): text (.txt .md .html .htm, decoded
// and cleaned) and the formats package extract reads. A file named
// explicitly is read whatever its extension.
var ReportExts = []string{".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".ofd"}

// plainExts are the report extensions of text files: such a file is
// decoded as text whatever its content looks like, so that a damaged one
// gets decode.Detect's verdict.
var plainExts = []string{".txt", ".md", ".html", ".htm"}

// archiveExts are the extensions of the archives walked like folders.
var archiveExts = []string{".zip", ".tar", ".tgz", ".tar.gz"}

// DefaultArchiveMaxBytes caps the size of an archive file when
// Options.MaxBytes is 0: an archive is held in memory while its members
// are read (its unpacked members are bounded by extract.DefaultLimits).
const DefaultArchiveMaxBytes = 1 << 30

// Entry is a file found under a folder (or in an archive) that is not read
// as a report: recognised as something else (images, a manifest, system
// files, spreadsheets, tifa's own outputs, hidden files) or in a format
// tifa does not read (.7z, an unknown binary …), with why. A report file
// that cannot be read is not an Entry but a Document with no text.
type Entry struct {
	ID     string // as a Document's ID: relative to the folder argument
	Path   string // the file as named in messages
	Format string // extract's format name: image, manifest, system, data, tifa-output, unsupported, unknown; "hidden"
	// Warned is set for a file the user may have meant as a report
	// (unsupported or unknown format, an archive that cannot be opened): it
	// was reported to Options.Warn. Otherwise the file was recognised and
	// only listed.
	Warned bool
	Reason string
}

// Doc returns the entry as a Document with no text and the reason as its
// only warning, for a listing of every file (tifa docs --all-files).
func (e Entry) Doc() *Document {
	return &Document{ID: e.ID, Path: e.Path, Format: e.Format, Warnings: []string{e.Reason}}
}

// Others lists the files found that are not read as reports, in the
// order found (see Entry).
func (s *Source) Others() []Entry { return s.others }

// Open resolves paths into report files: a file is read as it is (ID the
// path as given; an archive is walked like a folder), a directory is
// walked recursively in lexical order (IDs relative to the directory,
// with forward slashes), and "-" is standard input (ID "-", read once). A
// path that does not exist, or a directory holding no report, is an error.
//
// Every file under a directory is one of three things:
//
//   - a report, read: a file whose extension is one of ReportExts, or
//     whose content says it is one (extract.Classify), e.g. a PDF without
//     an extension;
//   - an archive (.zip, .tar, .tar.gz, .tgz), walked like a folder: a
//     member is the document ARCHIVE.zip/path/member.pdf; member names in
//     GB18030 are decoded, archives inside it are opened one level deep,
//     and a manifest.csv at its root (or in its only folder) gives its
//     members' metadata where the folder's manifest does not list them
//     (as ARCHIVE.zip/member.pdf);
//   - something else, listed in Others: recognised (images, the manifest,
//     .DS_Store, spreadsheets, tifa's outputs, hidden files and folders)
//     or not read (.7z, .rar, unknown binary data), which is also reported
//     to opt.Warn with the reason.
//
// One odd entry never stops the run: a report file that is not a regular
// file (a FIFO, a device, a directory named .txt), a symbolic link that
// leads nowhere or round in a loop, or a file over Options.MaxBytes is
// reported to opt.Warn and yields a document with no text and the problem
// as its warning; it is never opened for reading. A subfolder that cannot
// be read is reported and skipped. A file name that is not UTF-8 (or holds
// control characters) is shown through displayName in the document's ID,
// with a warning; the file is read.
//
// Metadata comes from opt.Manifest when set, else from a manifest.csv at
// the root of each directory argument, or failing that from the nearest
// manifest.csv at most parentLevels folders up that lists a file inside
// it (with a warning naming it). A file argument takes the manifest a
// directory argument naming its folder would take, so a report named
// alone has the metadata it has in its folder. A manifest row naming a file that
// does not exist is reported to opt.Warn ("dir/manifest.csv:12:
// 浙江_2025.txt: no such file") and the run goes on.
//
// Open and OpenFS share one code path: a directory is read through
// os.DirFS.
func Open(paths []string, opt Options) (*Source, error) {
	if len(paths) == 0 {
		return nil, errors.New("no reports given")
	}
	s := newSource(opt)
	var global *boundManifest
	if opt.Manifest != "" {
		m, err := readOSManifest(opt.Manifest)
		if err != nil {
			return nil, err
		}
		global = m
		s.useManifest(m)
	}
	for _, p := range paths {
		if err := s.openPath(p, global); err != nil {
			return nil, err
		}
	}
	s.checkAll()
	return s, nil
}

// OpenFS is Open on a file system (the embedded samples, fstest.MapFS):
// root is a directory or a file of fsys, IDs are relative to a root
// directory, and opt.Manifest, when set, names a manifest inside fsys.
func OpenFS(fsys fs.FS, root string, opt Options) (*Source, error) {
	s := newSource(opt)
	root = cleanFSPath(root)
	var global *boundManifest
	if opt.Manifest != "" {
		name := cleanFSPath(opt.Manifest)
		m, err := readFSManifest(fsys, name, name, path.Dir(name))
		if err != nil {
			return nil, err
		}
		global = m
		s.useManifest(m)
	}
	isDir, err := statDir(fsys, root)
	if err != nil {
		return nil, err
	}
	if !isDir {
		s.addNamed(fsys, root, root, root, root, global, manifestRel(global, root))
		s.checkAll()
		return s, nil
	}
	man, rel := global, func(r string) string { return manifestRel(global, path.Join(root, r)) }
	if man == nil {
		name := path.Join(root, ManifestName)
		if man, err = s.optionalManifest(fsys, name, name, root); err != nil {
			return nil, err
		}
		if man != nil {
			s.useManifest(man)
		}
		rel = func(r string) string { return r }
	}
	display := func(r string) (string, string, string) { return r, path.Join(root, r), path.Join(root, r) }
	if err := s.addDir(fsys, root, root, display, man, rel); err != nil {
		return nil, err
	}
	s.checkAll()
	return s, nil
}

func newSource(opt Options) *Source {
	return &Source{opt: opt, seen: map[string]bool{}, found: map[string]bool{}, opened: time.Now().UnixNano()}
}

// checkAll warns about the rows of the manifests read that name no file
// found (checkRows), once every folder and archive has been walked.
func (s *Source) checkAll() {
	for _, m := range s.toCheck {
		s.checkRows(m)
	}
	s.toCheck = nil
}

func cleanFSPath(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	if p == "/" || p == "" {
		return "."
	}
	return strings.TrimPrefix(p, "/")
}

// manifestRel returns the path of fsPath relative to an fs manifest's
// directory, or "" when it lies outside it.
func manifestRel(m *boundManifest, fsPath string) string {
	if m == nil {
		return ""
	}
	if m.Dir == "." {
		return fsPath
	}
	if rel, ok := strings.CutPrefix(fsPath, m.Dir+"/"); ok {
		return rel
	}
	return ""
}

func statDir(fsys fs.FS, name string) (bool, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	return fi.IsDir(), nil
}

// openPath adds one command-line path.
func (s *Source) openPath(p string, global *boundManifest) error {
	if p == "-" {
		if s.seen["-"] {
			s.warn("-: standard input given twice, read once")
			return nil
		}
		s.seen["-"] = true
		s.inputs = append(s.inputs, input{id: "-", path: "-", name: "-", plain: true})
		return nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		if _, described := infile.Stat(infile.DirFS(filepath.Dir(p)), filepath.Base(p), 0, p); described != nil {
			return described
		}
		return err
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return s.openFile(p, abs, global)
	}
	fsys := infile.DirFS(p)
	man := global
	if man == nil {
		if man, err = s.optionalManifest(fsys, ManifestName, filepath.Join(p, ManifestName), "."); err != nil {
			return err
		}
		if man != nil {
			man.base = filepath.ToSlash(abs)
		}
		if man == nil {
			if global, err = s.parentManifest(abs, p); err != nil {
				return err
			}
			if global != nil {
				man = global
				s.warn(fmt.Sprintf("%s has no %s: using %s, which lists its files", QuoteName(p), ManifestName, global.Name))
			}
		}
		if man != nil {
			s.useManifest(man)
		}
	}
	display := func(rel string) (string, string, string) {
		return rel, filepath.Join(p, filepath.FromSlash(rel)), filepath.Join(abs, filepath.FromSlash(rel))
	}
	rel := func(rel string) string {
		if global != nil {
			return osManifestRel(global, filepath.Join(abs, filepath.FromSlash(rel)))
		}
		return rel
	}
	return s.addDir(fsys, ".", p, display, man, rel)
}

// openFile adds a file named on the command line (p as given, abs its
// absolute path). Without --meta (global) it takes the manifest a folder
// run on its folder would take (folderManifest), so that a report named
// alone gets the metadata it gets in its folder.
func (s *Source) openFile(p, abs string, global *boundManifest) error {
	dir, base := filepath.Split(abs)
	man := global
	if man == nil {
		var err error
		if man, err = s.folderManifest(filepath.Dir(p), filepath.Clean(dir)); err != nil {
			return err
		}
	}
	s.addNamed(infile.DirFS(dir), base, p, p, abs, man, osManifestRel(man, abs))
	return nil
}

// addNamed adds a file named on the command line: an archive is walked
// like a folder (its members' IDs start with id), anything else is read
// as a report, whatever its extension.
func (s *Source) addNamed(fsys fs.FS, name, id, p, key string, man *boundManifest, rel string) {
	s.found[filepath.ToSlash(key)] = true
	if !isPlainName(name) && entryProblem(fsys, name, 0) == "" {
		if c := sniff(fsys, name); c.Action == extract.Walk {
			s.addArchive(fsys, name, id, p, key, c, man, rel)
			return
		}
	}
	s.addFile(fsys, name, id, p, key, true, listing{man, rel})
}

// listing is a manifest that may list a file, and the file's path
// relative to the manifest's directory ("" when it lies outside it).
type listing struct {
	man *boundManifest
	rel string
}

// addDir walks root in fsys and adds every report file. shown is the
// directory as the user named it, for messages; display gives a file's ID,
// Path and identity from its path relative to root; rel gives its path relative to
// the manifest's directory.
func (s *Source) addDir(fsys fs.FS, root, shown string, display func(string) (id, p, key string), man *boundManifest, rel func(string) string) error {
	n, err := s.walk(fsys, root, shown, display, func(r string) []listing { return []listing{{man, rel(r)}} }, false)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("read %s: %w", path.Join(shown, pe.Path), pe.Err)
		}
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: no reports (%s) found%s", shown, strings.Join(ReportExts, " "), s.othersFound())
	}
	return nil
}

// othersFound describes the files found that are not reports, for the
// error of a folder without one.
func (s *Source) othersFound() string {
	var names []string
	for _, e := range s.others {
		if e.Format != string(extract.Manifest) {
			names = append(names, QuoteName(e.Path)+" ("+e.Reason+")")
		}
	}
	if len(names) == 0 {
		return ""
	}
	more := ""
	if len(names) > 3 {
		more = fmt.Sprintf(" and %d more", len(names)-3)
		names = names[:3]
	}
	return fmt.Sprintf("; not reports: %s%s", strings.Join(names, ", "), more)
}

// walk adds every file under root in fsys (see Open for what each
// becomes) and returns the number of report files added. listings gives
// the manifests that may list a file, from its path relative to root;
// inArchive is set inside an archive, whose nested archives package
// extract has opened already.
func (s *Source) walk(fsys fs.FS, root, shown string, display func(string) (id, p, key string), listings func(string) []listing, inArchive bool) (int, error) {
	n := 0
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == root {
				return err
			}
			s.warn(fmt.Sprintf("%s: %v: skipped", QuoteName(path.Join(shown, strings.TrimPrefix(name, root+"/"))), unwrapPathErr(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name == root {
			return nil
		}
		r := name
		if root != "." {
			r = strings.TrimPrefix(name, root+"/")
		}
		id, p, key := display(r)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				s.other(id, p, "hidden", false, "hidden folder: not read")
				return fs.SkipDir
			}
			return nil
		}
		s.found[filepath.ToSlash(key)] = true
		if c, ok := extract.ClassifyName(d.Name()); ok {
			reason := c.Reason
			if c.Format == extract.Manifest {
				reason = s.manifestRole(listings(r))
			}
			s.other(id, p, string(c.Format), false, reason)
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			s.other(id, p, "hidden", false, "hidden file: not read")
			return nil
		}
		ext := lowerExt(d.Name())
		switch {
		case inList(ReportExts, ext):
			s.addFile(fsys, name, id, p, key, false, listings(r)...)
			n++
			return nil
		case inList(archiveExts, ext) && !inArchive:
			n += s.addArchive(fsys, name, id, p, key, extract.Class{}, listings(r)[0].man, listings(r)[0].rel)
			return nil
		}
		if problem := entryProblem(fsys, name, 0); problem != "" {
			s.other(id, p, string(extract.UnknownType), true, problem)
			return nil
		}
		c := sniff(fsys, name)
		switch c.Action {
		case extract.Read:
			s.addFile(fsys, name, id, p, key, false, listings(r)...)
			n++
		case extract.Walk:
			if inArchive {
				s.other(id, p, string(c.Format), true, "an archive nested more than one level deep: not opened")
			} else {
				n += s.addArchive(fsys, name, id, p, key, c, listings(r)[0].man, listings(r)[0].rel)
			}
		default:
			s.other(id, p, string(c.Format), c.Action == extract.Warn, c.Reason)
		}
		return nil
	})
	return n, err
}

// manifestRole says what a manifest.csv found in a walk is to the run: the
// one read, or one in a subfolder that nothing reads.
func (s *Source) manifestRole(ls []listing) string {
	for _, l := range ls {
		if l.man != nil && l.rel == ManifestName {
			return "manifest: metadata of the reports"
		}
	}
	return "manifest of a subfolder: not read (only the folder's own manifest.csv is, or --meta)"
}

// other records a file that is not read as a report, reporting it to
// Options.Warn when warn is set.
func (s *Source) other(id, p, format string, warn bool, reason string) {
	shown, _ := displayName(id)
	s.others = append(s.others, Entry{ID: shown, Path: p, Format: format, Warned: warn, Reason: reason})
	if warn {
		s.warn(fmt.Sprintf("%s: %s", QuoteName(p), reason))
	}
}

// lowerExt returns the extension of a file name in lower case, with
// ".tar.gz" as one extension.
func lowerExt(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".tar.gz") {
		return ".tar.gz"
	}
	return path.Ext(lower)
}

// isPlainName reports whether name has the extension of a text report.
func isPlainName(name string) bool { return inList(plainExts, lowerExt(name)) }

// sniff classifies the file name of fsys by its content: Classify reads
// its first bytes, and the end of a PDF or a zip's directory.
func sniff(fsys fs.FS, name string) extract.Class {
	f, err := fsys.Open(name)
	if err != nil {
		return extract.Class{Action: extract.Warn, Format: extract.UnknownType, Reason: "cannot read: " + unwrapPathErr(err).Error()}
	}
	defer f.Close()
	fi, err := f.Stat()
	if ra, ok := f.(io.ReaderAt); ok && err == nil {
		return extract.Classify(name, ra, fi.Size())
	}
	head, err := io.ReadAll(io.LimitReader(f, extract.SniffLen))
	if err != nil {
		return extract.Class{Action: extract.Warn, Format: extract.UnknownType, Reason: "cannot read: " + unwrapPathErr(err).Error()}
	}
	return extract.Classify(name, bytes.NewReader(head), int64(len(head)))
}

// archiveMax is the size cap of an archive file: DefaultArchiveMaxBytes,
// or Options.MaxBytes when that is larger; none when MaxBytes is < 0.
func (s *Source) archiveMax() int64 {
	if s.opt.MaxBytes < 0 {
		return 0
	}
	return max(s.opt.MaxBytes, DefaultArchiveMaxBytes)
}

// addArchive walks the archive name of fsys (c is its class, or zero to
// classify it here) like a folder and returns the number of reports
// added. Its members' IDs, paths and identities are id, p and key
// followed by "/" and the member's path. outer is the manifest of the
// archive's folder (rel: the archive's path relative to it); the
// archive's own manifest.csv (see innerManifest) lists the members the
// folder's manifest does not. An archive that cannot be read or opened is
// listed in Others with the reason, and reported.
func (s *Source) addArchive(fsys fs.FS, name, id, p, key string, c extract.Class, outer *boundManifest, rel string) int {
	raw, err := infile.ReadFS(fsys, name, s.archiveMax(), p)
	if err != nil {
		s.other(id, p, "archive", true, s.withFlag(skipReason(err)))
		return 0
	}
	if c.Action != extract.Walk {
		c = extract.Classify(name, bytes.NewReader(raw), int64(len(raw)))
	}
	switch c.Action {
	case extract.Read:
		s.addFile(fsys, name, id, p, key, false, listing{outer, rel})
		return 1
	case extract.Walk:
	default:
		s.other(id, p, string(c.Format), c.Action == extract.Warn, c.Reason)
		return 0
	}
	a, err := extract.OpenArchive(bytes.NewReader(raw), int64(len(raw)), c.Format, extract.Limits{})
	if err != nil {
		s.other(id, p, string(c.Format), true, "archive not read: "+err.Error())
		return 0
	}
	for _, w := range a.Warnings {
		member, why, _ := strings.Cut(w, ": ")
		s.other(id+"/"+member, p+"/"+member, string(c.Format), true, why)
	}
	inner := s.innerManifest(a, p)
	display := func(m string) (string, string, string) { return id + "/" + m, p + "/" + m, key + "/" + m }
	listings := func(m string) []listing {
		ls := []listing{{outer, ""}, {inner, manifestRel(inner, m)}}
		if rel != "" {
			ls[0].rel = rel + "/" + m
		}
		return ls
	}
	n, err := s.walk(a, ".", p, display, listings, true)
	if err != nil { // an Archive lists its folders from memory: never happens
		s.warn(fmt.Sprintf("%s: %v", QuoteName(p), err))
	}
	return n
}

// innerManifest reads the manifest.csv at the root of an archive, or in
// its only folder when the root holds nothing else (a zipped folder);
// nil when there is none or --meta is given (it replaces every manifest).
// One that cannot be read is reported and not used: the archive came from
// elsewhere, and its members are still read.
func (s *Source) innerManifest(a *extract.Archive, shown string) *boundManifest {
	if s.opt.Manifest != "" {
		return nil
	}
	dir := "."
	if ents, err := a.ReadDir("."); err == nil && len(ents) == 1 && ents[0].IsDir() {
		if _, err := a.Stat(path.Join(ents[0].Name(), ManifestName)); err == nil {
			dir = ents[0].Name()
		}
	}
	name := path.Join(dir, ManifestName)
	m, err := s.optionalManifest(a, name, shown+"/"+name, dir)
	if err != nil {
		s.warn(fmt.Sprintf("%v: not used", err))
		return nil
	}
	if m != nil {
		s.useManifest(m)
	}
	return m
}

// addFile adds one report file; seenKey identifies it (a file given twice
// is read once). ls are the manifests that may list it, with its path
// relative to each ("" when it lies outside): the first that lists it
// gives its row; when none does, the last manifest is the one it is
// missing from. named is set for a file named on the command line. A
// file that cannot be read (entryProblem) is added with its problem and
// reported to Options.Warn; a name that is not UTF-8 is shown as
// displayName says, and looked up in the manifest both as it is and as
// shown.
func (s *Source) addFile(fsys fs.FS, name, id, p, seenKey string, named bool, ls ...listing) {
	if s.seen[seenKey] {
		s.warn(fmt.Sprintf("%s: given twice, read once", QuoteName(p)))
		return
	}
	s.seen[seenKey] = true
	in := input{fsys: fsys, name: name, path: p, plain: named || isPlainName(name)}
	_, in.member = fsys.(*extract.Archive)
	in.id, in.note = displayName(id)
	for _, l := range ls {
		if l.man == nil {
			continue
		}
		in.man = l.man
		if l.rel == "" {
			continue
		}
		in.row, in.inMan = l.man.Lookup(l.rel)
		if shown, _ := displayName(l.rel); !in.inMan && shown != l.rel {
			in.row, in.inMan = l.man.Lookup(shown)
		}
		if in.inMan {
			break
		}
	}
	var fi fs.FileInfo
	if fi, in.problem = entryStat(fsys, name, s.maxBytes()); in.problem != "" {
		s.warn(fmt.Sprintf("%s: %s", QuoteName(p), s.withFlag(in.problem)))
	} else if fi.Sys() != nil && !in.member { // a file on disk: seenKey is its absolute path
		in.disk, in.ident = seenKey, infile.IdentityOf(fi)
	}
	s.inputs = append(s.inputs, in)
}

// OtherKinds counts the files found that are not read as reports, the
// manifest aside, and lists their kinds (Entry.Format: image, data …) in
// the order first found.
func (s *Source) OtherKinds() (n int, kinds []string) {
	for _, e := range s.others {
		if e.Format != string(extract.Manifest) {
			n++
			if !slices.Contains(kinds, e.Format) {
				kinds = append(kinds, e.Format)
			}
		}
	}
	return n, kinds
}
