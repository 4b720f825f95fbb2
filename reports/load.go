package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/extract"
	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/places"
)

// Options control how reports are found and described.
type Options struct {
	// Manifest is a manifest CSV (--meta). When empty, a manifest.csv at the
	// root of each directory argument is used if present. For OpenFS it is
	// a path inside the file system.
	Manifest string
	// Warn receives warnings that belong to no single document (a manifest
	// row naming a missing file …). Nil discards them.
	Warn func(msg string)
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Workers is the number of goroutines reading and describing files in
	// Each; < 1 means one per CPU (GOMAXPROCS). The documents and their
	// order do not depend on it.
	Workers int
	// Cache, when not nil, keeps the documents described from each file,
	// so a second run skips decoding, cleaning and splitting.
	Cache DocCache
	// MaxBytes caps the size of a report file (standard input included):
	// a larger one is listed with a warning and not read. 0 means
	// DefaultMaxBytes, < 0 no cap.
	MaxBytes int64
	// MaxBytesFlag names the flag that sets MaxBytes ("--max-size") in the
	// warning about a file over the cap; "" names none.
	MaxBytesFlag string
	// OCR, when not "", is the tesseract language scanned PDF pages are
	// read with (extract.Options.OCR); OCRFlag names the flag that sets it
	// ("--ocr") in the warning about a scan, "" names none.
	OCR, OCRFlag string
	// Stage, when not nil, is told when a slow step that is not a file
	// starts (the PDF engine, compiled on its first use on a machine) and
	// returns the function that ends it, so progress can say why nothing
	// moves.
	Stage func(what string) (done func())
	// Places places each document (Meta.Place); nil means the embedded
	// gazetteer without overrides.
	Places *places.Resolver
	// NoMarks leaves each document's Marks nil (Locate then knows no line
	// or page), for a reader that never locates a mention in the source:
	// aligning the cleaned text with the source took a fifth of the time
	// describing a text report took in a CPU profile of tifa count on
	// 20,000 synthetic township reports (bench/ladder.sh). It is ignored
	// when Cache is set, since a document kept there serves every later
	// reader.
	NoMarks bool
}

// DocCache stores the documents described from one file under a key that
// names everything they depend on (see Source's use of it): the file's
// bytes, its name and its manifest row. A miss returns false; PutDocs may
// drop what it cannot keep.
type DocCache interface {
	GetDocs(key string) ([]*Document, bool)
	PutDocs(key string, docs []*Document)
}

// ManifestName is the manifest file looked for at the root of a directory.
const ManifestName = "manifest.csv"

// MinChars is the number of Chinese characters under which a document is
// warned about as a short text.
const MinChars = 500

// Source is a set of report files found under the paths given, with their
// manifest read, ready to be read one by one.
type Source struct {
	opt    Options
	inputs []input
	seen   map[string]bool
	extra  []string
	// folders holds the manifest of each folder of a file argument
	// (folderManifest), nil for none.
	folders map[string]*boundManifest
	// found holds the identity (slash path) of every file found, for the
	// manifest rows naming archive members; toCheck the manifests whose
	// rows are checked against it once everything is walked.
	found   map[string]bool
	toCheck []*boundManifest
	others  []Entry // files found that are not reports

	extMu   sync.Mutex
	ext     *extract.Extractor // started on the first file to extract; Close frees it
	pdfOnce sync.Once          // the PDF engine's start, shown by Options.Stage

	placesState

	// What the documents of each input depend on (see Fingerprint).
	opened  int64    // ns: when Open began, before any file was stat'ed
	keys    []string // per input: its cache key once known, else ""
	changed atomic.Bool

	stdinMu  sync.Mutex
	stdin    []byte
	stdinErr error // standard input was over the cap
	read     bool  // stdin has been read into stdin
}

// input is one report file to read.
type input struct {
	fsys    fs.FS  // nil for stdin
	name    string // path inside fsys
	id      string // Document.ID (before any #N)
	path    string // Document.Path
	man     *boundManifest
	row     ManifestRow
	inMan   bool   // row is set
	note    string // a warning about the file's name (see displayName)
	problem string // why the file is not read (see entryProblem); "" reads it
	// plain is set for a file decoded as text unless its content is a
	// format extract reads: a text extension, a file named on the command
	// line, standard input. Any other file whose content is not a report
	// is not read, with the reason.
	plain bool
	// member is set for an archive member: any error reading it (damaged,
	// encrypted) is its document's problem, not the run's.
	member bool
	disk   string // the absolute path of a file on disk, else ""
	ident  infile.Identity
	hash   string // the hex SHA-256 of the bytes load read last, so describing them does not hash them again
}

// boundManifest is a manifest and how its file column maps to files.
type boundManifest struct {
	*Manifest
	exists func(file string) bool
	// base is the identity (see Source.found) of the folder its file
	// column is relative to, when that is not Dir (a folder argument's
	// manifest, read through its file system).
	base string
}

// parentLevels is how many folders up parentManifest looks.
const parentLevels = 3

// parentManifest returns the manifest.csv of the nearest folder above dir
// (at most parentLevels up) that lists at least one file inside dir, so
// that a subfolder of a corpus (corpus/provincial) keeps the corpus's
// metadata; nil when there is none. Only rows for files under dir matter
// then; the others name files not given, which are not reported.
// shown is dir as the user named it; the manifest is named from it
// (corpus/provincial → corpus/manifest.csv) in messages.
func (s *Source) parentManifest(dir, shown string) (*boundManifest, error) {
	up := dir
	for level := 1; level <= parentLevels; level++ {
		next := filepath.Dir(up)
		if next == up {
			return nil, nil
		}
		up = next
		candidate := filepath.Join(up, ManifestName)
		if _, err := os.Lstat(candidate); err != nil {
			continue
		}
		name := filepath.Join(shown, strings.Repeat("../", level), ManifestName)
		m, err := s.optional(name, func() (*boundManifest, error) { return readOSManifest(name) })
		if err != nil {
			return nil, err
		}
		if m == nil {
			continue
		}
		prefix, err := filepath.Rel(up, dir)
		if err != nil {
			return nil, nil
		}
		prefix = filepath.ToSlash(prefix) + "/"
		for _, row := range m.Rows {
			if strings.HasPrefix(row.File, prefix) {
				return m, nil
			}
		}
	}
	return nil, nil
}

// folderManifest returns the manifest a folder run on dir (absolute;
// shown as the user named it) would use: dir/manifest.csv when there is
// one (optionalManifest), else the nearest manifest.csv at most
// parentLevels folders up that lists a file inside dir (parentManifest),
// with the warning a folder run gives; nil when there is none. Its extra
// columns are recorded; unlike a folder run, its rows naming missing files
// are not reported (they name files not given). Each folder's manifest is
// looked for and read once.
func (s *Source) folderManifest(shown, dir string) (*boundManifest, error) {
	if m, ok := s.folders[dir]; ok {
		return m, nil
	}
	own := filepath.Join(shown, ManifestName)
	m, err := s.optional(own, func() (*boundManifest, error) { return readOSManifest(own) })
	if err != nil {
		return nil, err
	}
	if m == nil {
		if m, err = s.parentManifest(dir, shown); err != nil {
			return nil, err
		}
		if m != nil {
			s.warn(fmt.Sprintf("%s has no %s: using %s, which lists its files", QuoteName(shown), ManifestName, m.Name))
		}
	}
	if m != nil {
		s.recordExtra(m)
	}
	if s.folders == nil {
		s.folders = map[string]*boundManifest{}
	}
	s.folders[dir] = m
	return m, nil
}

// osManifestRel returns the slash path of abs relative to an OS manifest's
// directory.
func osManifestRel(m *boundManifest, abs string) string {
	if m == nil {
		return ""
	}
	rel, err := filepath.Rel(filepath.FromSlash(m.Dir), abs)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// withFlag adds to a problem of size the flag that raises the cap.
func (s *Source) withFlag(problem string) string {
	if s.opt.MaxBytesFlag != "" && strings.Contains(problem, infile.ErrTooLarge.Error()) {
		return problem + " (" + s.opt.MaxBytesFlag + " raises it)"
	}
	return problem
}

// unwrapPathErr returns the error inside a *fs.PathError, else err.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readOSManifest reads the manifest file p from the operating system;
// its file column is relative to p's directory.
func readOSManifest(p string) (*boundManifest, error) {
	raw, err := infile.ReadFile(p, ManifestMaxBytes)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(abs)
	m, err := parseManifestBytes(raw, p, filepath.ToSlash(dir))
	if err != nil {
		return nil, err
	}
	return &boundManifest{Manifest: m, exists: func(file string) bool {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(file)))
		return err == nil
	}}, nil
}

// readFSManifest reads the manifest name of fsys; shown names it in
// messages and dir is the directory its file column is relative to.
func readFSManifest(fsys fs.FS, name, shown, dir string) (*boundManifest, error) {
	raw, err := infile.ReadFS(fsys, name, ManifestMaxBytes, shown)
	if err != nil {
		return nil, err
	}
	m, err := parseManifestBytes(raw, shown, dir)
	if err != nil {
		return nil, err
	}
	fsDir := path.Dir(name)
	return &boundManifest{Manifest: m, exists: func(file string) bool {
		p := path.Join(fsDir, file)
		if !fs.ValidPath(p) {
			return false
		}
		_, err := fs.Stat(fsys, p)
		return err == nil
	}}, nil
}

// optionalManifest reads the manifest a folder may hold (readFSManifest):
// none is no error, and nor is one that is not a regular file or a
// symbolic link leading nowhere, which is reported to Options.Warn and
// skipped. A manifest too large or malformed is an error.
func (s *Source) optionalManifest(fsys fs.FS, name, shown, dir string) (*boundManifest, error) {
	return s.optional(shown, func() (*boundManifest, error) { return readFSManifest(fsys, name, shown, dir) })
}

// optional applies optionalManifest's rules to the manifest read reads.
func (s *Source) optional(shown string, read func() (*boundManifest, error)) (*boundManifest, error) {
	m, err := read()
	var bl *infile.BrokenLinkError
	switch {
	case errors.As(err, &bl), errors.Is(err, infile.ErrNotRegular):
		s.warn(fmt.Sprintf("%s: %v: skipped, as if absent", QuoteName(shown), unwrapPathErr(err)))
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	}
	return m, err
}

// parseManifestBytes decodes and parses a manifest file's bytes.
func parseManifestBytes(raw []byte, shown, dir string) (*Manifest, error) {
	r, err := decodeManifest(raw, shown)
	if err != nil {
		return nil, err
	}
	return ParseManifest(r, shown, dir)
}

// checkRows warns about the manifest rows naming a file that does not
// exist (or, inside an archive, was not found).
func (s *Source) checkRows(m *boundManifest) {
	for _, row := range m.Rows {
		base := m.Dir
		if m.base != "" {
			base = m.base
		}
		if !m.exists(row.File) && !s.found[path.Join(base, row.File)] {
			s.warn(fmt.Sprintf("%s:%d: %s: no such file", m.Name, row.Line, QuoteName(row.File)))
		}
	}
}

// useManifest records the extra columns of a manifest the run uses, and
// has its rows checked (checkRows) once everything is walked.
func (s *Source) useManifest(m *boundManifest) {
	s.recordExtra(m)
	s.toCheck = append(s.toCheck, m)
}

// recordExtra records the manifest's extra columns, but for a code
// column: the resolver reads it, and the code column shows it.
func (s *Source) recordExtra(m *boundManifest) {
	for _, c := range m.Extra {
		if !inList(s.extra, c) && !strings.EqualFold(c, "code") {
			s.extra = append(s.extra, c)
		}
	}
}

func (s *Source) warn(msg string) {
	if s.opt.Warn != nil {
		s.opt.Warn(msg)
	}
}

// Files lists the report files found (Document.Path), in the order they
// are read.
func (s *Source) Files() []string {
	out := make([]string, len(s.inputs))
	for i, in := range s.inputs {
		out[i] = in.path
	}
	return out
}

// ExtraColumns lists the manifest's columns beyond file,region,level,year,
// in the manifest's order; they are carried to every output. A column
// named code is not among them: it gives the division code (see
// Meta.Place), which the code column shows.
func (s *Source) ExtraColumns() []string { return s.extra }

// Each reads, decodes, cleans and describes every report and calls fn for
// each document in order (several for a bundle, with IDs FILE#1, FILE#2 …).
// It is EachContext without a context.
func (s *Source) Each(fn func(*Document) error) error {
	return s.EachContext(context.Background(), fn)
}

// EachContext reads, decodes, cleans and describes every report and calls
// fn for each document (several for a bundle, with IDs FILE#1, FILE#2 …),
// in the order of Files, from the calling goroutine: fn needs no locking.
//
// Files are read and described on Options.Workers goroutines, at most two
// per worker ahead of fn, so memory stays bounded whatever the number of
// files; no text is kept after fn returns (standard input's bytes
// excepted: they are kept for a second pass). The documents passed to fn
// do not depend on the number of workers.
//
// A file that cannot be read — permission denied, an I/O error, turned
// into a FIFO, grown past Options.MaxBytes or vanished since Open listed
// it — yields a document with no text and the problem as its warning;
// only running out of file descriptors or memory is an error naming the
// file, returned once fn has seen the documents before it. fn's first error
// stops the walk and is returned. When ctx is done (Ctrl-C), no more
// documents are passed to fn and ctx.Err() is returned. In every case the
// workers have exited when EachContext returns; a file being described
// is finished first, and a worker reading standard input is waited for
// until the input ends. An empty file, or one that is not text (decode.Decode
// fails), still yields a document, with empty Text and a warning, so no
// report is ever dropped silently.
//
// For each document: decode.Decode, clean.Clean, SplitBundle, then metadata (see
// describe), SplitSections with the year found, and warnings.
func (s *Source) EachContext(ctx context.Context, fn func(*Document) error) error {
	return s.EachWork(ctx, nil, func(d *Document, _ any) error { return fn(d) })
}

// EachWork is EachContext with the first part of fn's work done on the
// workers: work(d), when work is not nil, runs on the goroutine that
// described d, right after, and fn gets d with work's result, in order,
// from the calling goroutine. work must be safe for concurrent use. With
// the counting of slogans (tifa count) on the workers, the calling
// goroutine no longer does a sixth of the work alone while both CPUs of
// a two-core machine could share it.
func (s *Source) EachWork(ctx context.Context, work func(*Document) any, fn func(*Document, any) error) error {
	s.allocKeys()
	workers := min(s.workers(), len(s.inputs))
	if workers <= 1 {
		return s.eachSerial(ctx, work, fn)
	}
	return s.eachParallel(ctx, workers, work, fn)
}

// fileDocs is one file's documents, or the error reading it, and the
// result of EachWork's work on each document.
type fileDocs struct {
	docs []*Document
	err  error
	vals []any
}

// loadWork is load, then work on each document read.
func (s *Source) loadWork(ctx context.Context, i int, work func(*Document) any) fileDocs {
	fd := s.load(ctx, i)
	if work != nil && fd.err == nil {
		fd.vals = make([]any, len(fd.docs))
		for k, d := range fd.docs {
			fd.vals[k] = work(d)
		}
	}
	return fd
}

// load reads and describes input i. An input with a problem, or one
// whose reading fails for a reason of its own (isSkip: permission denied,
// an I/O error, it became a FIFO, grew past the cap, vanished since Open
// listed it; any reason for an archive member), yields one document with
// no text and the problem as its warning. The documents described are
// cached, unless reading them was cut short (ctx done, or extraction
// timed out).
func (s *Source) load(ctx context.Context, i int) fileDocs {
	in := &s.inputs[i]
	if in.problem != "" {
		s.keys[i] = s.cacheKey(in, "unread:"+in.problem, extract.Class{})
		return s.placed(s.unread(in, in.problem))
	}
	known := s.knownKey(i)
	if known != "" && s.opt.Cache != nil {
		if docs, ok := s.cachedDocs(in, known); ok {
			s.place(docs)
			return fileDocs{docs: docs}
		}
	}
	raw, err := s.readInput(in)
	if err != nil && (isSkip(err) || in.member) {
		s.setKey(i, known, s.cacheKey(in, "unread:"+skipReason(err), extract.Class{}))
		return s.placed(s.unread(in, skipReason(err)))
	}
	if err != nil {
		return fileDocs{err: fmt.Errorf("read %s: %w", QuoteName(in.path), unwrapPathErr(err))}
	}
	sum := sha256.Sum256(raw)
	s.recordHash(in, sum)
	in.hash = hex.EncodeToString(sum[:])
	docs, key, err := s.describeCached(ctx, in, raw, sum)
	if err != nil {
		return fileDocs{err: err}
	}
	s.setKey(i, known, key)
	s.place(docs)
	return fileDocs{docs: docs}
}

// placed is one document, placed.
func (s *Source) placed(d *Document) fileDocs {
	s.place([]*Document{d})
	return fileDocs{docs: []*Document{d}}
}

// describeCached is describe through the cache, when there is one. Its
// error is ctx's, when the run was stopped while the file was read.
// It also returns the documents' cache key; sum is raw's SHA-256.
func (s *Source) describeCached(ctx context.Context, in *input, raw []byte, sum [32]byte) ([]*Document, string, error) {
	c := extract.Classify(in.name, bytes.NewReader(raw), int64(len(raw)))
	key := s.cacheKey(in, hex.EncodeToString(sum[:]), c)
	if s.opt.Cache == nil {
		docs, _ := s.describe(ctx, in, raw, c)
		return docs, key, ctx.Err()
	}
	if docs, ok := s.cachedDocs(in, key); ok {
		return docs, key, nil
	}
	docs, keep := s.describe(ctx, in, raw, c)
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if keep {
		s.opt.Cache.PutDocs(key, docs)
	}
	return docs, key, nil
}

// cachedDocs returns the documents stored under key, named as input in.
func (s *Source) cachedDocs(in *input, key string) ([]*Document, bool) {
	docs, ok := s.opt.Cache.GetDocs(key)
	if !ok || len(docs) == 0 {
		return nil, false
	}
	for k, d := range docs { // the same file may be reached by another path
		d.ID, d.Path = in.id, in.path
		if len(docs) > 1 {
			d.ID = fmt.Sprintf("%s#%d", in.id, k+1)
		}
	}
	return docs, true
}

// cacheKey names what a file's documents depend on: its content (the hex
// SHA-256 of its bytes, or why it is not read), its name (metadata from
// the file name) and how it is read (as text whatever it holds; OCR of a
// PDF's scanned pages, c's format), and its manifest row or the manifest
// it is missing from. Sections depend on the year, which the row may give.
func (s *Source) cacheKey(in *input, content string, c extract.Class) string {
	var b strings.Builder
	b.WriteString("docs\x00")
	b.WriteString(content)
	b.WriteString("\x00" + path.Base(in.name))
	if in.plain {
		b.WriteString("\x00plain")
	}
	if c.Format == extract.PDF && s.opt.OCR != "" {
		b.WriteString("\x00ocr=" + s.opt.OCR)
	}
	if in.man != nil {
		b.WriteString("\x00" + in.man.Name)
	}
	if in.inMan {
		m := in.row.Meta
		fmt.Fprintf(&b, "\x00%s\x00%s\x00%d", m.Region, m.Level, m.Year)
		keys := make([]string, 0, len(m.Extra))
		for k := range m.Extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.WriteString("\x00" + k + "=" + m.Extra[k])
		}
	}
	return b.String()
}

// emit passes one file's documents to fn, stopping at its first error or
// when ctx is done. A file of a format extract reads that yields no text
// (a scan, encrypted, damaged …) is first reported to Options.Warn, by
// name: unlike a text file, it may well be a report the user needs.
func (s *Source) emit(ctx context.Context, fd fileDocs, fn func(*Document, any) error) error {
	if fd.err != nil {
		return fd.err
	}
	for _, d := range fd.docs {
		if problem := d.Unread(); problem != "" {
			s.warn(QuoteName(d.Path) + ": " + problem)
		}
	}
	for k, d := range fd.docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var v any
		if fd.vals != nil {
			v = fd.vals[k]
		}
		if err := fn(d, v); err != nil {
			return err
		}
	}
	return nil
}

// eachSerial is EachContext on the calling goroutine alone.
func (s *Source) eachSerial(ctx context.Context, work func(*Document) any, fn func(*Document, any) error) error {
	for i := range s.inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.emit(ctx, s.loadWork(ctx, i, work), fn); err != nil {
			return err
		}
	}
	return nil
}

// eachParallel is EachContext on workers goroutines. File i goes to slot
// i%window. A worker takes a ticket before taking the next file and the
// caller returns it once fn has seen the file's documents, so at most
// window files are taken and not yet passed to fn: a slot is always empty
// when a worker sends to it, and no worker ever blocks on a send.
func (s *Source) eachParallel(ctx context.Context, workers int, work func(*Document) any, fn func(*Document, any) error) error {
	window := 2 * workers
	slots := make([]chan fileDocs, window)
	for k := range slots {
		slots[k] = make(chan fileDocs, 1)
	}
	tickets := make(chan struct{}, window)
	stop := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	for range workers {
		wg.Go(func() {
			for {
				select {
				case tickets <- struct{}{}:
				case <-stop:
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(s.inputs) {
					return
				}
				slots[i%window] <- s.loadWork(ctx, i, work)
			}
		})
	}
	for i := range s.inputs {
		var fd fileDocs
		select {
		case fd = <-slots[i%window]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := s.emit(ctx, fd, fn); err != nil {
			return err
		}
		<-tickets
	}
	return nil
}

// readInput reads one file's bytes. Standard input is read once and kept.
func (s *Source) readInput(in *input) ([]byte, error) {
	if in.fsys == nil {
		s.stdinMu.Lock()
		defer s.stdinMu.Unlock()
		if !s.read {
			r := s.opt.Stdin
			if r == nil {
				r = os.Stdin
			}
			b, err := readLimited(r, s.maxBytes())
			if err != nil && !errors.Is(err, infile.ErrTooLarge) {
				return nil, fmt.Errorf("read standard input: %w", err)
			}
			s.stdin, s.stdinErr, s.read = b, err, true
		}
		return s.stdin, s.stdinErr
	}
	return infile.ReadFS(in.fsys, in.name, s.maxBytes(), in.path)
}

// unread is the document of an input that was not read, for the reason
// problem.
func (s *Source) unread(in *input, problem string) *Document {
	file := s.fileMeta(in)
	base := Document{ID: in.id, Path: in.path}
	if in.note != "" {
		base.Warn("%s", in.note)
	}
	return s.finish(base, "", file, false, s.withFlag(problem))
}

// fileMeta lists the metadata of an input's manifest row and file name,
// strongest first.
func (s *Source) fileMeta(in *input) []Meta {
	var file []Meta
	if in.inMan {
		file = append(file, in.row.Meta)
	}
	if in.fsys != nil {
		shown, _ := displayName(in.name)
		file = append(file, MetaFromFilename(shown))
	}
	return file
}

// describe turns one file's bytes into its documents, as its class c
// says: a format extract reads is extracted (describeExtracted); text is
// decoded (describeText); anything else is not read, with the reason.
// keep is false when the documents must not be cached: their reading was
// cut short.
//
// Metadata: for a file holding one report, the manifest row wins over the
// file name, which wins over the report's header (MetaFromHeader); for the
// parts of a bundle, each part's own header wins over the file's manifest
// row and name. A source that disagrees with the one kept is named in a
// warning. The level is the manifest's when given, else derived from the
// region kept (LevelFromRegion). Every document carries the hex SHA-256 of
// the file's bytes; the parts of a bundle their 1-based BundleIndex.
func (s *Source) describe(ctx context.Context, in *input, raw []byte, c extract.Class) (docs []*Document, keep bool) {
	switch {
	case c.Action == extract.Read && !c.Format.Plain():
		return s.describeExtracted(ctx, in, raw, c.Format)
	case c.Action == extract.Read:
		return s.describeText(in, raw, string(c.Format)), true
	case in.plain && (isPlainName(in.name) || in.fsys == nil || c.Format == extract.UnknownType):
		return s.describeText(in, raw, plainFormat(in.name)), true
	}
	return []*Document{s.notReport(in, raw, c)}, true
}

// base is the document every document of a file starts from.
func (s *Source) base(in *input, raw []byte, format string) Document {
	hash := in.hash
	if hash == "" { // raw was not read by load (a test)
		sum := sha256.Sum256(raw)
		hash = hex.EncodeToString(sum[:])
	}
	base := Document{ID: in.id, Path: in.path, Hash: hash, Format: format}
	if in.note != "" {
		base.Warn("%s", in.note)
	}
	if in.man != nil && !in.inMan {
		base.Warn("not listed in %s", in.man.Name)
	}
	return base
}

// describeText decodes a text file (decode.Detect) and describes its reports.
func (s *Source) describeText(in *input, raw []byte, format string) []*Document {
	file := s.fileMeta(in)
	base := s.base(in, raw, format)
	if len(raw) == 0 {
		return []*Document{s.finish(base, "", file, false, "empty file")}
	}
	dec, err := decode.Detect(raw)
	if err != nil {
		return []*Document{s.finish(base, "", file, false, err.Error())}
	}
	base.Encoding = dec.Encoding
	if what := tifaOutput(in.name, dec.Text); what != "" {
		return []*Document{s.finish(base, "", file, false, "not read: "+what+", not a report")}
	}
	if dec.Replaced > 0 {
		base.Warn("%d byte sequences not valid %s, replaced by U+FFFD (the first at byte %d)", dec.Replaced, dec.Encoding, dec.FirstBad)
	}
	return s.split(in, base, file, dec.Text, true, nil)
}

// split cleans src, the text of one file, splits it into its reports
// (SplitBundle) and describes each. Each document's Marks map its text
// back to src: to its lines (a text file) or to the pages starting at the
// byte offsets pages (a PDF or OFD); they stay nil under Options.NoMarks.
func (s *Source) split(in *input, base Document, file []Meta, src string, lines bool, pages []int) []*Document {
	parts := SplitBundle(clean.Clean(src))
	var al *aligner
	if len(parts) > 0 && (!s.opt.NoMarks || s.opt.Cache != nil) {
		al = newAligner(src, lines, pages)
	}
	if len(parts) <= 1 {
		t := ""
		if len(parts) == 1 {
			t = dropRepeat(&base, parts[0])
			base.Marks = al.marks(t)
		}
		return []*Document{s.finish(base, t, file, false, "")}
	}
	docs := make([]*Document, len(parts))
	for i, p := range parts {
		d := base
		d.ID = fmt.Sprintf("%s#%d", in.id, i+1)
		d.BundleIndex = i + 1
		d.Warnings = append([]string(nil), base.Warnings...)
		t := dropRepeat(&d, p)
		d.Marks = al.marks(t)
		docs[i] = s.finish(d, t, file, true, "")
	}
	return docs
}

// dropRepeat drops a second copy of the text of d (clean.DropRepeat) with a
// warning. It runs on each report of a bundle, not on the bundle: the
// reports of a bundle may share whole paragraphs.
func dropRepeat(d *Document, text string) string {
	text, dropped := clean.DropRepeat(text)
	if dropped > 0 {
		d.Warn("the text appears twice (a page and its print view?): a second copy and the page footer, %d Chinese characters, dropped", dropped)
	}
	return text
}

// finish completes a document: text, metadata, sections and warnings.
// problem, when set, is why the text is empty.
func (s *Source) finish(d Document, text string, file []Meta, part bool, problem string) *Document {
	d.Text = text
	layers := file
	var headWarns []string
	if text != "" {
		var h Meta
		h, headWarns = headerMeta(text)
		if part {
			layers = append([]Meta{h}, file...)
		} else {
			layers = append(append([]Meta(nil), file...), h)
		}
	}
	var warns []string
	d.Meta, warns = ResolveMeta(layers...)
	if d.Meta.YearSource == SourceHeader {
		warns = append(headWarns, warns...) // the header's own doubt about the year kept
	}
	// A region read from the header is a substring of the text: a copy
	// lets a caller keep the metadata without keeping the text alive.
	d.Meta.Region = strings.Clone(d.Meta.Region)
	d.Warnings = append(d.Warnings, warns...)
	switch {
	case problem != "":
		d.Warn("%s", problem)
	case strings.TrimSpace(text) == "":
		d.Warn("no text left after cleaning")
	}
	if d.Meta.Region == "" {
		d.Warn("no region known")
	} else if d.Meta.Level == "" {
		d.Warn("no level known for region %s", d.Meta.Region)
	}
	if d.Meta.Year == 0 {
		d.Warn("no year known")
	}
	if strings.TrimSpace(text) == "" {
		return &d
	}
	d.Sections = SplitSections(text, d.Meta.Year)
	d.Warnings = append(d.Warnings, sectionWarnings(d.Sections)...)
	if !clean.HanAtLeast(text, MinChars) { // a report has thousands: counting them all cost 3 % of tifa count
		d.Warn("short text: %d Chinese characters (< %d)", clean.HanCount(text), MinChars)
	}
	return &d
}

// sectionWarnings names the parts SplitSections did not find.
func sectionWarnings(secs []Section) []string {
	var review, plan bool
	for _, s := range secs {
		review = review || s.Part == PartReview
		plan = plan || s.Part == PartPlan
	}
	switch {
	case !review && !plan:
		return []string{"no sections found (no review or plan heading)"}
	case !review:
		return []string{"no review section found"}
	case !plan:
		return []string{"no plan section found"}
	}
	return nil
}

// ResolveMeta merges metadata from sources given strongest first: region
// and year come from the first source that has them; the level from the
// first source that states it (a manifest) for the region kept (or for no
// region), else from the kept region's suffix; Extra from the first source
// that has it. A weaker source
// whose region or year disagrees with the one kept gives a warning such as
// "year: manifest says 2019, header says 2020 (kept 2019)"; regions agree
// when they name the same place (浙江 and 浙江省). A province-level region
// is written in its short form (河北省 → 河北, 广西壮族自治区 → 广西, 北京市 →
// 北京), as statistical yearbooks write them, so that one province named
// two ways in two folders is one region to trends and diffusion.
func ResolveMeta(sources ...Meta) (Meta, []string) {
	var m Meta
	var warns []string
	for _, src := range sources {
		if src.Region != "" {
			if m.Region == "" {
				m.Region, m.RegionSource = src.Region, src.RegionSource
			} else if !sameRegion(m.Region, src.Region) {
				warns = append(warns, fmt.Sprintf("region: %s says %s, %s says %s (kept %s)", m.RegionSource, m.Region, src.RegionSource, src.Region, m.Region))
			}
		}
		if src.Year != 0 {
			if m.Year == 0 {
				m.Year, m.YearSource = src.Year, src.YearSource
			} else if m.Year != src.Year {
				warns = append(warns, fmt.Sprintf("year: %s says %d, %s says %d (kept %d)", m.YearSource, m.Year, src.YearSource, src.Year, m.Year))
			}
		}
		if m.Extra == nil && src.Extra != nil {
			m.Extra = src.Extra
		}
	}
	for _, src := range sources {
		if src.Level != "" && src.LevelSource != SourceSuffix && (src.Region == "" || sameRegion(src.Region, m.Region)) {
			m.Level, m.LevelSource = src.Level, src.LevelSource
			break
		}
	}
	m = withLevel(m)
	if m.Level == LevelProvince {
		m.Region = ShortProvince(m.Region)
	}
	return m, warns
}

// ShortProvince returns the short form of a province-level name (河北省 →
// 河北, 广西壮族自治区 → 广西, 北京市 → 北京), as ResolveMeta writes a
// province's region, or the name itself when it has none.
func ShortProvince(region string) string {
	if short := regionCore(region); inList(provinces, short) {
		return short
	}
	return region
}

// Load reads every document of paths into memory.
func Load(paths []string, opt Options) ([]*Document, *Source, error) {
	src, err := Open(paths, opt)
	if err != nil {
		return nil, nil, err
	}
	var docs []*Document
	err = src.Each(func(d *Document) error { docs = append(docs, d); return nil })
	return docs, src, err
}
