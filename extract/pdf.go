package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// MaxPDFMemory is the memory one PDF engine instance may use (the
// WebAssembly memory limit); a PDF needing more fails with ErrDamaged.
const MaxPDFMemory = 1 << 30

// maxPDFBytes is the largest PDF given to the engine: the file is copied
// into the instance's memory, which must keep room to parse it.
const maxPDFBytes = MaxPDFMemory / 2

// DefaultCacheDir returns where the compiled PDF engine is kept by default:
// tifa/wazero under the user's cache directory ($XDG_CACHE_HOME or
// ~/.cache on Linux), or "" when there is none. wazero keys the compiled
// code by its own version and the module's hash, so an upgrade never uses
// stale code.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "tifa", "wazero")
}

// pdfEngine is a pool of PDFium WebAssembly instances.
type pdfEngine struct {
	pool    pdfium.Pool
	cache   wazero.CompilationCache
	startup time.Duration // time to compile (or load from the cache) the engine
}

// StartPDF starts the PDF engine, which Extract otherwise does on the first
// PDF: compiling it takes a few seconds on a machine's first run (it is
// then kept in Options.CacheDir), so a caller can show that it is waiting.
// A second call returns at once, with the first one's error.
func (e *Extractor) StartPDF() error {
	_, err := e.engine()
	return err
}

// engine starts the PDF engine on first use.
func (e *Extractor) engine() (*pdfEngine, error) {
	e.pdfOnce.Do(func() {
		e.pdf, e.pdfErr = newPDFEngine(e.opt)
	})
	return e.pdf, e.pdfErr
}

// newPDFEngine compiles PDFium (or loads it from the cache) and makes a
// pool of up to opt.Workers instances. Each instance has no file system,
// a memory limit of MaxPDFMemory, and stops when its context is done.
func newPDFEngine(opt Options) (*pdfEngine, error) {
	start := time.Now()
	workers := opt.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	rc := wazero.NewRuntimeConfigCompiler().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(MaxPDFMemory / 65536)
	eng := &pdfEngine{}
	if !opt.NoCache {
		dir := opt.CacheDir
		if dir == "" {
			dir = DefaultCacheDir()
		}
		if dir != "" {
			// A cache that cannot be made (read-only home) only costs time.
			if err := os.MkdirAll(dir, 0o755); err == nil {
				if c, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
					eng.cache = c
					rc = rc.WithCompilationCache(c)
				}
			}
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       workers,
		MaxTotal:      workers,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no file system: the PDF comes as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		if eng.cache != nil {
			eng.cache.Close(context.Background())
		}
		return nil, fmt.Errorf("start the PDF engine: %w", err)
	}
	eng.pool = pool
	eng.startup = time.Since(start)
	return eng, nil
}

// close frees the pool and the cache handle.
func (p *pdfEngine) close() error {
	err := p.pool.Close()
	if p.cache != nil {
		p.cache.Close(context.Background())
	}
	return err
}

// extractPDF reads a PDF in an instance of its own, which is killed when
// the timeout or ctx ends first.
func (e *Extractor) extractPDF(ctx context.Context, data []byte) (*Text, error) {
	if len(data) > maxPDFBytes {
		return nil, fmt.Errorf("%w: a PDF of %d MB (the limit is %d MB)", ErrTooLarge, len(data)>>20, maxPDFBytes>>20)
	}
	eng, err := e.engine()
	if err != nil {
		return nil, err
	}
	// waiting for a free instance (all Workers busy) is not the
	// document's time: the timeout starts once it has one
	inst, err := eng.pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("start the PDF engine: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout())
	defer cancel()
	stop := context.AfterFunc(ctx, func() { inst.Kill() })
	pages, err := readPDF(ctx, inst, data, e.opt.OCR != "")
	if !stop() {
		// Kill has run or is running: the instance is gone.
		return nil, e.stopped(ctx)
	}
	inst.Close()
	if err != nil {
		return nil, err
	}
	var ocred []int
	if e.opt.OCR != "" {
		// tesseract has its own time bound per page, outside Timeout
		if ocred, err = e.ocrPages(context.WithoutCancel(ctx), pages); err != nil {
			return nil, err
		}
	}
	t, err := pdfText(pages)
	if err == nil && len(ocred) > 0 {
		t.Warnings = append(t.Warnings, fmt.Sprintf("%s read by OCR (tesseract -l %s): expect misread characters", pageList(ocred), e.opt.OCR))
	}
	return t, err
}

// stopped returns the error for a PDF stopped by ctx: ErrTimeout for the
// deadline, the caller's cancellation as it is.
func (e *Extractor) stopped(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: stopped after %v", ErrTimeout, e.timeout())
	}
	return ctx.Err()
}

// pdfPage is one page as PDFium gives it.
type pdfPage struct {
	text  string
	image bool   // the page has no text but an image: a scan
	scan  []byte // the scan rendered for OCR, when Options.OCR is set
}

// readPDF returns the text of each page as PDFium lays it out, and with
// ocr the scanned pages rendered for OCR.
func readPDF(ctx context.Context, inst pdfium.Pdfium, data []byte, ocr bool) ([]pdfPage, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdfiumerrors.ErrPassword):
			return nil, fmt.Errorf("%w (PDF with a user password)", ErrEncrypted)
		case errors.Is(err, pdfiumerrors.ErrSecurity):
			return nil, fmt.Errorf("%w (PDF with an unsupported encryption)", ErrEncrypted)
		}
		return nil, damaged("not a readable PDF (%v)", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, damaged("PDF page count: %v", err)
	}
	pages := make([]pdfPage, 0, n.PageCount)
	for i := range n.PageCount {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p, err := readPage(inst, doc.Document, i)
		if err != nil {
			return nil, damaged("PDF page %d: %v", i+1, err)
		}
		if ocr && p.image {
			page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
			if p.scan, err = renderScan(inst, page); err != nil {
				return nil, damaged("PDF page %d: rendering it for OCR: %v", i+1, err)
			}
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// readPage returns one page's text: FPDFText_GetText over all its
// characters, which PDFium gives in reading order with "\r\n" where it
// finds a line ends. A page without characters is looked at for an image.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (pdfPage, error) {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
	if err != nil {
		return pdfPage{}, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	page := requests.Page{ByReference: &pg.Page}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return pdfPage{}, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pdfPage{}, err
	}
	if cc.Count <= 0 {
		return pdfPage{image: hasImage(inst, page)}, nil
	}
	tx, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, Count: cc.Count})
	if err != nil {
		return pdfPage{}, err
	}
	return pdfPage{text: tx.Text}, nil
}

// maxImageProbe bounds the page objects looked at for an image.
const maxImageProbe = 1000

// hasImage reports whether one of the page's first objects is an image.
func hasImage(inst pdfium.Pdfium, page requests.Page) bool {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return false
	}
	for i := range min(n.Count, maxImageProbe) {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: i})
		if err != nil {
			return false
		}
		t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject})
		if err == nil && t.Type == enums.FPDF_PAGEOBJ_IMAGE {
			return true
		}
	}
	return false
}

// pdfText turns PDFium's pages into Text: line ends normalised, controls
// and non-characters dropped, page furniture removed. A document with
// pages but no readable character is a NoTextError; pages without text
// among pages with text are named in a warning.
func pdfText(raw []pdfPage) (*Text, error) {
	pages := make([][]string, len(raw))
	readable, odd := 0, 0
	for i, p := range raw {
		lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(p.text, "\r\n", "\n"), "\r", "\n"), "\n")
		for j, l := range lines {
			l = strings.Map(pdfRune, l)
			for _, r := range l {
				switch {
				case r == utf8RuneError || (r >= 0xE000 && r <= 0xF8FF):
					odd++
				case !unicode.IsSpace(r):
					readable++
				}
			}
			lines[j] = strings.TrimRight(l, " \t\u3000")
		}
		pages[i] = lines
	}
	if len(raw) > 0 && readable < odd {
		return nil, &NoTextError{Pages: len(raw), Garbled: true}
	}
	if len(raw) > 0 && readable == 0 {
		return nil, &NoTextError{Pages: len(raw)}
	}
	t := &Text{Pages: joinPages(dropFurniture(pages))}
	var scanned []bool
	for i, p := range raw {
		scanned = append(scanned, p.image && t.Pages[i] == "")
	}
	if w := scannedWarning(scanned); w != "" {
		t.Warnings = append(t.Warnings, w)
	}
	return t, nil
}

// utf8RuneError is U+FFFD, which PDFium gives for a character it cannot map.
const utf8RuneError = '\uFFFD'

// pdfRune maps a rune of PDFium's text: controls (PDFium marks soft
// hyphens and generated characters with some) and non-characters are
// dropped, tabs kept.
func pdfRune(r rune) rune {
	switch {
	case r == '\t':
		return r
	case r < 0x20 || (r >= 0x7f && r < 0xa0), r == 0xFFFE, r == 0xFFFF, r == 0xFEFF, r == 0xAD:
		return -1
	}
	return r
}

// joinPages joins each page's lines.
func joinPages(pages [][]string) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = strings.TrimSpace(strings.Join(p, "\n"))
	}
	return out
}

// scannedWarning names the pages that are scans (an image and no text)
// ("pages 2, 4–6 have no text layer (scans?)"), or returns "". Blank pages
// are not named.
func scannedWarning(scanned []bool) string {
	var pages []int
	for i, s := range scanned {
		if s {
			pages = append(pages, i+1)
		}
	}
	switch len(pages) {
	case 0:
		return ""
	case 1:
		return pageList(pages) + " has no text layer (a scan?)"
	}
	return pageList(pages) + " have no text layer (scans?)"
}

// pageList names 1-based pages in ascending order as ranges: "page 3",
// "pages 2, 4–6".
func pageList(pages []int) string {
	var ranges []string
	for i := 0; i < len(pages); i++ {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if i == j {
			ranges = append(ranges, fmt.Sprint(pages[i]))
		} else {
			ranges = append(ranges, fmt.Sprintf("%d–%d", pages[i], pages[j]))
		}
		i = j
	}
	if len(pages) == 1 {
		return "page " + ranges[0]
	}
	return "pages " + strings.Join(ranges, ", ")
}
