package load

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tifa-project/tifa/reports"
)

// Each reads every document of src, showing progress, and calls fn on
// those analysed: those that match --where and the Reader's Scope.
// Warnings concern only them. Its error says when no document matched or
// had any text. It closes src.
func (r *Reader) Each(ctx context.Context, src *reports.Source, fn func(*reports.Document) error) error {
	return r.walk(ctx, src, true, nil, func(d *reports.Document, _ any) error { return fn(d) })
}

// EachWork is Each with work(d) run first, for each document analysed,
// on the goroutines that read the reports (reports.Source.EachWork); fn
// gets its result. work, and the Scope's Match, must be safe for
// concurrent use.
func (r *Reader) EachWork(ctx context.Context, src *reports.Source, work func(*reports.Document) any, fn func(*reports.Document, any) error) error {
	return r.walk(ctx, src, true, func(d *reports.Document) any {
		if !r.analysed(d) {
			return nil
		}
		return work(d)
	}, fn)
}

// EachListed is Each for a command that lists the documents (docs): that
// none has any text is no error, the list shows why.
func (r *Reader) EachListed(ctx context.Context, src *reports.Source, fn func(*reports.Document) error) error {
	return r.walk(ctx, src, false, nil, func(d *reports.Document, _ any) error { return fn(d) })
}

// Scope is the part of the documents read that a command analyses, beside
// --where: Name says it in messages ("--a year=2015 or --b year=2020").
type Scope struct {
	Name  string
	Match func(id string, m reports.Meta) bool
}

// analysed reports whether d matches --where and the Scope.
func (r *Reader) analysed(d *reports.Document) bool {
	return (r.where == nil || r.where.Match(d.ID, d.Meta)) && (r.Scope == nil || r.Scope.Match(d.ID, d.Meta))
}

func (r *Reader) walk(ctx context.Context, src *reports.Source, needText bool, work func(*reports.Document) any, fn func(*reports.Document, any) error) error {
	defer src.Close() // the PDF engine, if a PDF was read
	p := newProgress(r.Progress, len(src.Files()))
	rec := &readRecord{NeedText: needText}
	warned := Tally{What: "have warnings"}
	err := src.EachWork(ctx, work, func(d *reports.Document, v any) error {
		rec.Read++
		if r.where != nil && !r.where.Match(d.ID, d.Meta) {
			p.add(d.Path, len(d.Text))
			return nil
		}
		rec.InWhere++
		if r.Scope != nil && !r.Scope.Match(d.ID, d.Meta) {
			p.add(d.Path, len(d.Text))
			return nil
		}
		r.add(rec, d, &warned)
		p.add(d.Path, len(d.Text))
		return fn(d, v)
	})
	p.done()
	if err != nil {
		return err
	}
	rec.Warned, rec.FirstWarning = warned.N, warned.First
	r.last = rec
	return r.report(rec)
}

// readRecord is what reading the documents told a command besides the
// documents: kept with a corpus's matrix in the cache, it is replayed when
// the matrix is read from there, so a run from the cache records the same
// provenance and prints the same messages.
type readRecord struct {
	Read, InWhere int // documents read, matching --where
	N, WithText   int // documents analysed (--where and the Scope), with text
	Warned        int // documents analysed with warnings
	FirstWarning  string
	FirstProblem  string      // the first warning of a document analysed, tallied or not (an unread file's is not)
	NeedText      bool        // false for a command listing the documents
	Docs          []docRecord // for the corpus cache: each document analysed
}

// docRecord is what provenance records of a document.
type docRecord struct {
	ID, Hash string
	Meta     reports.Meta
}

// add counts a document analysed and records it for provenance.
func (r *Reader) add(rec *readRecord, d *reports.Document, warned *Tally) {
	rec.N++
	r.inputs.Add(d)
	if strings.TrimSpace(d.Text) != "" {
		rec.WithText++
	}
	if len(d.Warnings) > 0 && d.Unread() == "" { // an unread PDF … was named already
		warned.Add(d.ID, d.Warnings[0])
	}
	if len(d.Warnings) > 0 && rec.FirstProblem == "" {
		rec.FirstProblem = reports.QuoteName(d.ID) + ": " + d.Warnings[0]
	}
	if r.record {
		rec.Docs = append(rec.Docs, docRecord{d.ID, d.Hash, d.Meta})
	}
}

// replay records the documents of a record read from the cache, as if
// they had been read, and reports as Each does.
func (r *Reader) replay(rec *readRecord) error {
	for _, d := range rec.Docs {
		r.inputs.Add(&reports.Document{ID: d.ID, Hash: d.Hash, Meta: d.Meta})
	}
	r.last = rec
	return r.report(rec)
}

// report warns about the documents with warnings and says how many
// matched --where and the Scope; its error says when none matched or had
// any text.
func (r *Reader) report(rec *readRecord) error {
	warned := Tally{What: "have warnings", N: rec.Warned, First: rec.FirstWarning}
	if !rec.NeedText {
		warned.Hint = "the warnings column lists them"
	}
	if w := warned.Warning(rec.N); w != "" {
		r.warnf("%s", w)
	}
	if r.where != nil {
		if rec.InWhere == 0 {
			return fmt.Errorf("--where %s matches none of the %d documents read ('tifa docs' shows their metadata)", r.where, rec.Read)
		}
		r.notef("--where %s: %d of %d documents", r.where, rec.InWhere, rec.Read)
	}
	if r.Scope != nil && rec.N < rec.InWhere {
		r.notef("%s: %d of %d documents analysed", r.Scope.Name, rec.N, rec.InWhere)
	}
	if !rec.NeedText || rec.N == 0 && r.Scope != nil {
		return nil // the list shows every document; the command says which side matched none
	}
	if rec.WithText == 0 {
		if rec.FirstProblem != "" { // the reason, which -q keeps from the warnings
			return fmt.Errorf("none of the %d documents read has any text (first: %s)", rec.N, rec.FirstProblem)
		}
		return fmt.Errorf("none of the %d documents read has any text", rec.N)
	}
	return nil
}

// Tally counts documents with a warning and says so in one line, so a
// corpus of hundreds of reports does not flood the terminal; 'tifa docs'
// lists every warning.
type Tally struct {
	What  string // e.g. "have warnings"
	Hint  string // where to see them all: "'tifa docs' lists them" when empty
	N     int    // documents counted
	First string // the first one's name and warning
}

// Add counts the document id with warning.
func (t *Tally) Add(id, warning string) {
	if t.N == 0 {
		t.First = reports.QuoteName(id) + ": " + warning
	}
	t.N++
}

// Warning is the line saying how many of total documents were counted,
// "" when none was.
func (t *Tally) Warning(total int) string {
	if t.N == 0 {
		return ""
	}
	hint := t.Hint
	if hint == "" {
		hint = "'tifa docs' lists them"
	}
	return fmt.Sprintf("%d of %d documents %s (first: %s); %s", t.N, total, t.What, t.First, hint)
}

// progress prints a one-line progress report to w (a terminal; nil for
// none), once the run has taken more than a second.
type progress struct {
	w            io.Writer
	total, files int
	bytes        int
	last         string
	start, shown time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) add(path string, n int) {
	if path != p.last {
		p.files++
		p.last = path
	}
	p.bytes += n
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.shown) < 100*time.Millisecond {
		return
	}
	p.shown = now
	secs := now.Sub(p.start).Seconds()
	mb := float64(p.bytes) / 1e6
	eta := ""
	if p.files > 0 && p.total > p.files {
		eta = fmt.Sprintf(", ETA %.0fs", secs/float64(p.files)*float64(p.total-p.files))
	}
	fmt.Fprintf(p.w, "\rtifa: %d/%d files, %.1f MB, %.1f MB/s%s   ", p.files, p.total, mb, mb/secs, eta)
}

func (p *progress) done() {
	if p.w != nil && !p.shown.IsZero() {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 70))
	}
}

// Stage shows on w, once a step has taken more than a second, which step
// it is and for how long ("tifa: nearest neighbours… 3s"); the function
// returned ends it and clears the line. Give it a terminal. Steps whose
// amount of work is known (reading documents) show progress instead, with
// a rate and an ETA.
func Stage(w io.Writer, name string) (done func()) {
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		shown := false
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				if shown {
					fmt.Fprintf(w, "\r%s\r", strings.Repeat(" ", 70))
				}
				return
			case now := <-tick.C:
				if d := now.Sub(start); d >= time.Second {
					shown = true
					fmt.Fprintf(w, "\rtifa: %s… %.0fs   ", name, d.Seconds())
				}
			}
		}
	}()
	return func() {
		close(stop)
		<-finished
	}
}
