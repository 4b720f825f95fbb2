package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Text is what Extract gets out of one document.
type Text struct {
	// Format is the format the text was read as.
	Format Format
	// Pages holds the text of each page, lines separated by "\n", without
	// page numbers and running headers or footers. PDF and OFD have their
	// pages; the other formats are one page. A page without text is "".
	Pages []string
	// Warnings name what was read with a loss, e.g. "pages 4–6 have no
	// text layer (scanned?)"; the caller shows them with the file's name.
	Warnings []string
}

// String returns the pages joined by "\n", in the form PageStarts counts.
func (t *Text) String() string { return strings.Join(t.Pages, "\n") }

// PageStarts returns the byte offset in String() at which each page
// starts: PageStarts()[i] is where page i+1 starts.
func (t *Text) PageStarts() []int {
	starts := make([]int, len(t.Pages))
	off := 0
	for i, p := range t.Pages {
		starts[i] = off
		off += len(p) + 1
	}
	return starts
}

// Page returns the 1-based page holding byte offset off of String().
func (t *Text) Page(off int) int {
	end := 0
	for i, p := range t.Pages {
		end += len(p) + 1
		if off < end {
			return i + 1
		}
	}
	return len(t.Pages)
}

// Errors that Extract wraps: test for them with errors.Is.
var (
	// ErrEncrypted: the document needs a password (a PDF whose user
	// password is not empty, an encrypted Word file).
	ErrEncrypted = errors.New("encrypted: needs a password")
	// ErrDamaged: the file is not a valid document of its format.
	ErrDamaged = errors.New("damaged")
	// ErrTimeout: reading the document took longer than Options.Timeout.
	ErrTimeout = errors.New("took too long")
	// ErrTooLarge: a limit against zip bombs or runaway documents was hit
	// (see LimitError).
	ErrTooLarge = errors.New("too large")
)

// NoTextError is returned for a PDF or OFD that has pages but no text to
// take from them: a scan, or text drawn as outlines, or (Garbled) a text
// layer whose fonts carry no Unicode map. Its message says how to OCR it.
type NoTextError struct {
	Pages   int  // the document's page count
	Garbled bool // there is a text layer, but not of readable characters
}

func (e *NoTextError) Error() string {
	what := "no text layer"
	if e.Garbled {
		what = "text layer unreadable (fonts without a Unicode map)"
	}
	pages := "pages"
	if e.Pages == 1 {
		pages = "page"
	}
	return fmt.Sprintf("%s, %d %s: a scan? OCR it, e.g. `pdftoppm -r 300 -png FILE page && tesseract page-1.png out -l chi_sim`", what, e.Pages, pages)
}

// Options control an Extractor. The zero value is ready to use.
type Options struct {
	// Timeout bounds the time one document may take; 0 means
	// DefaultTimeout. A PDF that takes longer is stopped (its WebAssembly
	// instance is closed) and fails with ErrTimeout.
	Timeout time.Duration
	// CacheDir is where the compiled PDF engine is kept between runs; ""
	// means DefaultCacheDir(). NoCache compiles it on every run instead
	// (about 3 s) and writes nothing.
	CacheDir string
	NoCache  bool
	// Workers bounds how many PDFs are read at once (each in a
	// WebAssembly instance of up to MaxPDFMemory); < 1 means GOMAXPROCS.
	Workers int
	// Limits bound what is unpacked from a zip-based document (.docx,
	// .ofd); the zero value means DefaultLimits.
	Limits Limits
	// OCR, when not "", is the tesseract language (e.g. "chi_sim") to
	// read scanned PDF pages (an image and no text layer) with: they are
	// rendered at 300 DPI and given to `tesseract stdin stdout -l OCR`,
	// each page within 2 minutes, and the text carries a warning naming
	// them. Without tesseract installed, such a PDF fails with an error
	// saying what to install.
	OCR string
}

// DefaultTimeout is the time one document may take by default: at the
// PDF engine's 20 pages/s, about 2,400 pages.
const DefaultTimeout = 2 * time.Minute

// Extractor gets the text out of documents. It holds the PDF engine,
// started on the first PDF; Close frees it. An Extractor is safe for
// concurrent use.
type Extractor struct {
	opt Options

	pdfOnce sync.Once
	pdf     *pdfEngine
	pdfErr  error
}

// New returns an Extractor with the options given.
func New(opt Options) *Extractor {
	return &Extractor{opt: opt}
}

// Close frees the PDF engine, if it was started.
func (e *Extractor) Close() error {
	if e.pdf != nil {
		return e.pdf.close()
	}
	return nil
}

// Extract returns the text of the document data, of format f as Classify
// found it (PDF, DOCX, DOC, WPS, RTF or OFD). The errors wrap ErrDamaged,
// ErrEncrypted, ErrTimeout, ErrTooLarge or are a *NoTextError, and do not
// name the file: the caller, who knows its path (inside an archive too),
// names it. A Plain format, or any other, is a shape bug and panics:
// the caller decodes text itself.
func (e *Extractor) Extract(ctx context.Context, f Format, data []byte) (*Text, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var t *Text
	var err error
	switch f {
	case PDF:
		t, err = e.extractPDF(ctx, data)
	case DOCX:
		t, err = readDOCX(bytes.NewReader(data), int64(len(data)), e.limits())
	case DOC, WPS:
		t, err = readDOC(bytes.NewReader(data), int64(len(data)))
	case RTF:
		t, err = readRTF(data)
	case OFD:
		t, err = readOFD(bytes.NewReader(data), int64(len(data)), e.limits())
	default:
		panic(fmt.Sprintf("extract: Extract of format %q: only pdf, docx, doc, wps, rtf and ofd are extracted", f))
	}
	if err != nil {
		return nil, err
	}
	t.Format = f
	return t, nil
}

// limits returns the options' limits, or the defaults.
func (e *Extractor) limits() Limits {
	if e.opt.Limits == (Limits{}) {
		return DefaultLimits
	}
	return e.opt.Limits
}

// timeout returns the options' timeout, or the default.
func (e *Extractor) timeout() time.Duration {
	if e.opt.Timeout > 0 {
		return e.opt.Timeout
	}
	return DefaultTimeout
}

// damaged wraps err, or a message, in ErrDamaged.
func damaged(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrDamaged, fmt.Sprintf(format, args...))
}
