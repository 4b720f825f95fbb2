package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os/exec"
	"strings"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
)

// ocrDPI is the resolution scanned pages are rendered at for tesseract,
// which reads best at 300 DPI.
const ocrDPI = 300

// ocrPageTimeout bounds tesseract on one page.
const ocrPageTimeout = 2 * time.Minute

// renderScan renders page i of doc in grey at ocrDPI as a PNG.
func renderScan(inst pdfium.Pdfium, page requests.Page) ([]byte, error) {
	r, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page:        page,
		DPI:         ocrDPI,
		ImageFormat: requests.RenderImageFormatGrayscale,
	})
	if err != nil {
		return nil, err
	}
	defer r.Cleanup()
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, r.Result.RenderedImage); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ocrPages runs tesseract (Options.OCR) on the rendered scans of pages
// without a text layer and puts what it reads in their place. It returns
// the 1-based pages read, or an error naming the command and its fix.
func (e *Extractor) ocrPages(ctx context.Context, pages []pdfPage) ([]int, error) {
	var done []int
	for i := range pages {
		if pages[i].scan == nil {
			continue
		}
		text, err := tesseract(ctx, e.opt.OCR, pages[i].scan)
		if err != nil {
			return done, fmt.Errorf("OCR of page %d: %w", i+1, err)
		}
		pages[i].text, pages[i].scan = text, nil
		done = append(done, i+1)
	}
	return done, nil
}

// tesseract reads the text of a PNG image with `tesseract stdin stdout -l
// LANG`.
func tesseract(ctx context.Context, lang string, img []byte) (string, error) {
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return "", errNoTesseract
	}
	ctx, cancel := context.WithTimeout(ctx, ocrPageTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "stdin", "stdout", "-l", lang)
	cmd.Stdin = bytes.NewReader(img)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("%w: tesseract stopped after %v", ErrTimeout, ocrPageTimeout)
		}
		msg := strings.TrimSpace(stderr.String())
		var ee *exec.ExitError
		if errors.As(err, &ee) && strings.Contains(msg, "Failed loading language") {
			return "", noLanguage(lang)
		}
		return "", fmt.Errorf("tesseract -l %s: %v: %s", lang, err, msg)
	}
	return out.String(), nil
}

// errNoTesseract says what to install when tesseract is not on the PATH.
var errNoTesseract = errors.New("tesseract not found: install it (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")

// noLanguage says what to install when tesseract lacks the data of lang.
func noLanguage(lang string) error {
	return fmt.Errorf("tesseract has no %q language data: install it (apt-get install tesseract-ocr-%s)", lang, strings.ReplaceAll(strings.ReplaceAll(lang, "_", "-"), "+", " tesseract-ocr-"))
}

// CheckOCR reports whether Options.OCR = lang can work: tesseract on the
// PATH, with the data of every language of lang ("chi_sim", "chi_sim+eng")
// as `tesseract --list-langs` lists them. The error says what to install.
// Without the check, a missing tesseract shows only once a scan is met.
func CheckOCR(lang string) error {
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return errNoTesseract
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--list-langs").CombinedOutput()
	if err != nil {
		return fmt.Errorf("tesseract --list-langs: %v: %s", err, bytes.TrimSpace(out))
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(lang, "+") {
		if !have[l] {
			return noLanguage(l)
		}
	}
	return nil
}
