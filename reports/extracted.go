package reports

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"

	"github.com/tifa-project/tifa/extract"
)

// This file reads the reports whose text package extract gets out of a
// binary format (PDF, Word, RTF, OFD), and names the files that are not
// reports.

// describeExtracted gets the text of a PDF, Word, RTF or OFD file with
// package extract and describes its reports as describeText does a text
// file's: the pages are joined by line breaks, so the cleaner joins a
// sentence broken at a page edge as any other, and each document's Marks
// give the page of every stretch of its text (PDF and OFD). A file without
// text (a scan), encrypted, damaged or too large yields one document with
// no text and the reason, worded "not read: …" (see Document.Unread); with
// a scan, its page count. keep is false when the extraction timed out (a
// busy machine may manage next time) or ctx is done.
func (s *Source) describeExtracted(ctx context.Context, in *input, raw []byte, f extract.Format) (docs []*Document, keep bool) {
	file := s.fileMeta(in)
	base := s.base(in, raw, string(f))
	if len(raw) == 0 {
		return []*Document{s.finish(base, "", file, false, "empty file")}, true
	}
	e := s.extractor()
	if f == extract.PDF {
		s.pdfOnce.Do(func() {
			if s.opt.Stage != nil {
				defer s.opt.Stage("starting the PDF engine (compiled once per machine)")()
			}
			_ = e.StartPDF() // an error comes again from Extract, for each PDF
		})
	}
	t, err := e.Extract(ctx, f, raw)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false
		}
		var nt *extract.NoTextError
		if errors.As(err, &nt) {
			base.Pages = nt.Pages
		}
		problem := "not read: " + err.Error()
		if nt != nil && s.opt.OCRFlag != "" && s.opt.OCR == "" {
			problem += "; or run tifa with " + s.opt.OCRFlag
		}
		return []*Document{s.finish(base, "", file, false, problem)}, !errors.Is(err, extract.ErrTimeout)
	}
	var pages []int
	if f == extract.PDF || f == extract.OFD {
		base.Pages = len(t.Pages)
		pages = t.PageStarts()
	}
	for _, w := range t.Warnings {
		base.Warn("%s", w)
	}
	return s.split(in, base, file, t.String(), false, pages), true
}

// notReport is the document of a file that is not read because its
// content is not a report (an image under a report's name, an archive
// named .docx, tifa's own chart …), with the reason.
func (s *Source) notReport(in *input, raw []byte, c extract.Class) *Document {
	format := string(c.Format)
	if len(raw) == 0 && inList(ReportExts, lowerExt(in.name)) {
		format = strings.TrimPrefix(lowerExt(in.name), ".") // an empty .pdf is a PDF without pages
	}
	base := s.base(in, raw, format)
	reason := c.Reason
	switch {
	case c.Action == extract.Walk:
		reason = "an archive (" + string(c.Format) + ") under another name: rename it ." + string(c.Format) + " to read its members"
	case c.Action == extract.List:
		reason += ", not a report"
	}
	// "7z archive: not read; unpack it first" → "not read: 7z archive; unpack it first"
	reason = "not read: " + strings.Replace(reason, ": not read", "", 1)
	return s.finish(base, "", s.fileMeta(in), false, reason)
}

// Unread returns why a document of a format package extract reads (PDF,
// Word, RTF, OFD, or a file that is not a report under such a name) has
// no text — "not read: no text layer, 3 pages: a scan? …" — or "" when it
// has text or is a text file. Each reports these to Options.Warn by the
// file's name, as they may well be reports the user needs.
func (d *Document) Unread() string {
	if d.Format == "" || extract.Format(d.Format).Plain() || strings.TrimSpace(d.Text) != "" {
		return ""
	}
	for _, w := range d.Warnings {
		if strings.HasPrefix(w, "not read: ") {
			return w
		}
	}
	return ""
}

// plainFormat is the format of a text file read as text whatever its
// content: its extension's (txt, md, html), else txt.
func plainFormat(name string) string {
	switch lowerExt(name) {
	case ".md":
		return string(extract.MD)
	case ".html", ".htm":
		return string(extract.HTML)
	}
	return string(extract.TXT)
}

// extractor returns the Source's extractor, made on first use: PDFs are
// read on as many engine instances as Each has workers.
func (s *Source) extractor() *extract.Extractor {
	s.extMu.Lock()
	defer s.extMu.Unlock()
	if s.ext == nil {
		s.ext = extract.New(extract.Options{Workers: s.workers(), OCR: s.opt.OCR})
	}
	return s.ext
}

// workers is the number of goroutines Each reads files on.
func (s *Source) workers() int {
	if s.opt.Workers < 1 {
		return runtime.GOMAXPROCS(0)
	}
	return s.opt.Workers
}

// Close frees the PDF engine, if a PDF was read. The Source stays usable:
// a later Each starts the engine again when it needs it.
func (s *Source) Close() error {
	s.extMu.Lock()
	defer s.extMu.Unlock()
	if s.ext == nil {
		return nil
	}
	err := s.ext.Close()
	s.ext, s.pdfOnce = nil, sync.Once{}
	return err
}
