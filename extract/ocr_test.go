package extract

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// scannedPDF prints paragraphs to a PDF, renders its first page as a
// scanner would (an image, 200 DPI) and returns a PDF of that image alone.
func scannedPDF(t *testing.T, paras []string) []byte {
	text := makePDF(t, extracttest.PDFSpec{Paras: paras})
	eng, err := extractor().engine()
	if err != nil {
		t.Fatal(err)
	}
	inst, err := eng.pool.GetInstanceWithContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &text})
	if err != nil {
		t.Fatal(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	png, err := renderScan(inst, requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: 0}})
	if err != nil {
		t.Fatal(err)
	}
	return extracttest.ScanPDF(t, chineseTTF(t), png, 1, nil)
}

func TestOCR(t *testing.T) {
	paras := reportParas(t)[4:8]
	scan := scannedPDF(t, paras)
	// without OCR: no text layer
	var nt *NoTextError
	if _, err := extractor().Extract(context.Background(), PDF, scan); !errors.As(err, &nt) || nt.Pages != 1 {
		t.Fatalf("without OCR: %v; want a NoTextError of 1 page", err)
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim): OCR not tested")
	}
	if out, _ := exec.Command("tesseract", "--list-langs").CombinedOutput(); !strings.Contains(string(out), "chi_sim") {
		t.Skip("tesseract has no chi_sim (apt-get install tesseract-ocr-chi-sim): OCR not tested")
	}
	e := New(Options{OCR: "chi_sim"})
	defer e.Close()
	got, err := e.Extract(context.Background(), PDF, scan)
	if err != nil {
		t.Fatal(err)
	}
	// OCR misreads a few characters; the text is the paragraphs' all the same
	s := similarity(got.String(), strings.Join(paras, ""))
	t.Logf("OCR similarity %.4f", s)
	if s < 0.95 {
		t.Errorf("OCR similarity %.3f; want ≥ 0.95:\n%s", s, got.String())
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "page 1 read by OCR") {
		t.Errorf("warnings %q; want one naming page 1 read by OCR", got.Warnings)
	}
	// a language tesseract lacks: an error saying what to install
	e2 := New(Options{OCR: "zzz"})
	defer e2.Close()
	if _, err := e2.Extract(context.Background(), PDF, scan); err == nil || !strings.Contains(err.Error(), "apt-get install tesseract-ocr-zzz") {
		t.Errorf("missing language: %v", err)
	}
}

// TestCheckOCR: without tesseract on the PATH, or without the language's
// data, the error says what to install.
func TestCheckOCR(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if err := CheckOCR("chi_sim"); err == nil || !strings.Contains(err.Error(), "apt-get install tesseract-ocr") {
		t.Errorf("no tesseract: %v", err)
	}
}

func TestCheckOCRLanguages(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed")
	}
	if err := CheckOCR("chi_sim+eng"); err != nil && !strings.Contains(err.Error(), "language data") {
		t.Errorf("chi_sim+eng: %v", err)
	}
	if err := CheckOCR("chi_sim+xx_nope"); err == nil || !strings.Contains(err.Error(), `no "xx_nope" language data: install it (apt-get install tesseract-ocr-xx-nope)`) {
		t.Errorf("xx_nope: %v", err)
	}
}
