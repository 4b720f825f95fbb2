package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tifa-project/tifa/extract/extracttest"
)

var (
	sharedOnce sync.Once
	shared     *Extractor
)

// extractor returns an Extractor shared by the tests, whose PDF engine
// is compiled once (and kept in the user's cache directory).
func extractor() *Extractor {
	sharedOnce.Do(func() { shared = New(Options{}) })
	return shared
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

func TestPDF(t *testing.T) {
	paras := reportParas(t)[:40]
	data := makePDF(t, extracttest.PDFSpec{
		Paras:  paras,
		Header: "青溪县人民政府工作报告",
		Footer: func(n int) string { return fmt.Sprintf("— %d —", n) },
	})
	got, err := extractor().Extract(context.Background(), PDF, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) < 3 {
		t.Fatalf("%d pages; want at least 3 for the furniture to be seen", len(got.Pages))
	}
	// the text, page after page, is the paragraphs: no header, no page number
	if g, w := noSpace(got.String()), noSpace(strings.Join(paras, "")); g != w {
		t.Errorf("text differs from the paragraphs written:\n%s", firstDiff(g, w))
	}
	for i, p := range got.Pages {
		for _, l := range strings.Split(p, "\n") {
			if l == "青溪县人民政府工作报告" || l == fmt.Sprintf("— %d —", i+1) {
				t.Errorf("page %d keeps furniture %q", i+1, l)
			}
		}
	}
	// the first paragraph opens page 1; page 2 holds what follows it
	if !strings.HasPrefix(got.Pages[0], paras[0]) {
		t.Errorf("page 1 starts %q; want %q", head(got.Pages[0]), paras[0])
	}
	if got.Page(len(got.Pages[0])+1) != 2 || got.Page(0) != 1 {
		t.Errorf("Page(offsets) = %d, %d; want 1, 2", got.Page(0), got.Page(len(got.Pages[0])+1))
	}
	if got.Format != PDF || len(got.Warnings) != 0 {
		t.Errorf("Format %q, warnings %q", got.Format, got.Warnings)
	}
}

// firstDiff shows where two strings first differ.
func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	cut := func(r []rune) string { return string(r[max(0, i-20):min(len(r), i+40)]) }
	return fmt.Sprintf("at rune %d (of %d, %d):\n got  …%s\n want …%s", i, len(ra), len(rb), cut(ra), cut(rb))
}

// head returns the start of s.
func head(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 30)])
}

func TestPDFEncrypted(t *testing.T) {
	paras := reportParas(t)[:3]
	open := makePDF(t, extracttest.PDFSpec{Paras: paras, Protect: &[2]string{"", "owner"}})
	got, err := extractor().Extract(context.Background(), PDF, open)
	if err != nil {
		t.Fatalf("empty user password: %v", err)
	}
	if noSpace(got.String()) != noSpace(strings.Join(paras, "")) {
		t.Errorf("empty user password: text %q", head(got.String()))
	}
	locked := makePDF(t, extracttest.PDFSpec{Paras: paras, Protect: &[2]string{"user", "owner"}})
	_, err = extractor().Extract(context.Background(), PDF, locked)
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("user password: error %v; want ErrEncrypted", err)
	}
}

func TestPDFNoText(t *testing.T) {
	_, err := extractor().Extract(context.Background(), PDF, extracttest.ScanPDF(t, chineseTTF(t), extracttest.GreyPNG(t), 3, nil))
	var nt *NoTextError
	if !errors.As(err, &nt) || nt.Pages != 3 || nt.Garbled {
		t.Fatalf("error %v; want a NoTextError of 3 pages", err)
	}
	if !strings.Contains(err.Error(), "3 pages") || !strings.Contains(err.Error(), "tesseract") {
		t.Errorf("message %q names neither the pages nor tesseract", err)
	}
	// text on page 1 only: read, with pages 2–3 named in a warning
	got, err := extractor().Extract(context.Background(), PDF, extracttest.ScanPDF(t, chineseTTF(t), extracttest.GreyPNG(t), 3, map[int]string{1: "各位代表：现在我代表县人民政府向大会报告工作"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != 3 || got.Pages[1] != "" || len(got.Warnings) != 1 || got.Warnings[0] != "pages 2–3 have no text layer (scans?)" {
		t.Errorf("pages %q, warnings %q", got.Pages, got.Warnings)
	}
}

func TestPDFDamaged(t *testing.T) {
	good := makePDF(t, extracttest.PDFSpec{Paras: reportParas(t)[:2]})
	for name, data := range map[string][]byte{
		"empty":     {},
		"header":    []byte("%PDF-1.7\n"),
		"garbage":   append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 1000)...),
		"truncated": good[:len(good)/3],
	} {
		t.Run(name, func(t *testing.T) {
			got, err := extractor().Extract(context.Background(), PDF, data)
			var nt *NoTextError
			if !errors.Is(err, ErrDamaged) && !errors.As(err, &nt) {
				t.Errorf("got %v, %v; want ErrDamaged or NoTextError", got, err)
			}
		})
	}
}

func TestPDFTimeout(t *testing.T) {
	data := makePDF(t, extracttest.PDFSpec{Paras: reportParas(t), MaxPages: 30})
	e := New(Options{Timeout: 50 * time.Millisecond, Workers: 1})
	defer e.Close()
	if _, err := e.engine(); err != nil { // start-up is not the document's time
		t.Fatal(err)
	}
	start := time.Now()
	_, err := e.Extract(context.Background(), PDF, data)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v; want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v; want soon after 50ms", d)
	}
	// the engine survives: the next document is read
	e.opt.Timeout = time.Minute
	if got, err := e.Extract(context.Background(), PDF, data); err != nil || len(got.Pages) != 30 {
		t.Errorf("after a timeout: %v pages, %v; want 30 pages", len(got.Pages), err)
	}
	// a cancelled context stops it too, with the context's error
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Extract(ctx, PDF, data); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v; want context.Canceled", err)
	}
}

// TestPDFConcurrent reads PDFs from more goroutines than the engine has
// instances: each waits for one, and the wait is not counted against the
// document's timeout. The timeout is four times the slowest of three
// single reads while twelve documents wait in turn, so a wait counted
// against it would fail the later ones by a wide margin.
func TestPDFConcurrent(t *testing.T) {
	data := makePDF(t, extracttest.PDFSpec{Paras: reportParas(t), MaxPages: 5})
	e := New(Options{Workers: 1})
	defer e.Close()
	if _, err := e.Extract(context.Background(), PDF, data); err != nil { // starts the engine too
		t.Fatal(err)
	}
	var slowest time.Duration
	for range 3 {
		start := time.Now()
		if _, err := e.Extract(context.Background(), PDF, data); err != nil {
			t.Fatal(err)
		}
		slowest = max(slowest, time.Since(start))
	}
	e.opt.Timeout = 4 * slowest
	const n = 12
	errs := make(chan error, n)
	for range n {
		go func() {
			got, err := e.Extract(context.Background(), PDF, data)
			if err == nil && len(got.Pages) != 5 {
				err = fmt.Errorf("%d pages; want 5", len(got.Pages))
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("%v (timeout %v)", err, e.opt.Timeout)
		}
	}
}

func TestNoTextErrorPages(t *testing.T) {
	for _, c := range []struct {
		e    NoTextError
		want string
	}{
		{NoTextError{Pages: 1}, "no text layer, 1 page: a scan?"},
		{NoTextError{Pages: 12}, "no text layer, 12 pages: a scan?"},
		{NoTextError{Pages: 2, Garbled: true}, "text layer unreadable (fonts without a Unicode map), 2 pages"},
	} {
		if got := c.e.Error(); !strings.HasPrefix(got, c.want) {
			t.Errorf("%+v: %q, want it to start %q", c.e, got, c.want)
		}
	}
}
