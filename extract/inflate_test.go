package extract

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// deflated returns data deflated by compress/flate at each level, from
// stored blocks (0) and Huffman codes only (-2) to the best (9).
func deflated(t testing.TB, data []byte) [][]byte {
	var out [][]byte
	for _, level := range []int{flate.HuffmanOnly, flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression} {
		var b bytes.Buffer
		w, err := flate.NewWriter(&b, level)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		w.Close()
		out = append(out, b.Bytes())
	}
	return out
}

// checkInflate checks that inflate unpacks z as compress/flate does: the
// same bytes, or an error where it has one.
func checkInflate(t *testing.T, z []byte) {
	t.Helper()
	want, wantErr := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	r := inflate(bytes.NewReader(z))
	got, err := io.ReadAll(r)
	r.Close()
	if (err != nil) != (wantErr != nil) || err == nil && !bytes.Equal(got, want) {
		t.Fatalf("inflate: %d bytes, %v; compress/flate: %d bytes, %v", len(got), err, len(want), wantErr)
	}
}

func TestInflate(t *testing.T) {
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rand.N(256))
	}
	word := docxPart(t, extracttest.WordDOCX(t, reportParas(t)), "word/document.xml")
	for _, data := range [][]byte{nil, []byte("甲"), word, random, bytes.Repeat([]byte("各位代表"), 50_000)} {
		for _, z := range deflated(t, data) {
			checkInflate(t, z) // twice: the second reuses a pooled inflater
			checkInflate(t, z)
			checkInflate(t, z[:len(z)/2]) // cut short: both fail
		}
	}
}

// FuzzInflate checks inflate against compress/flate on any input.
func FuzzInflate(f *testing.F) {
	for _, z := range deflated(f, []byte(extracttest.DOCXML(f, "各位代表：", "现在，我代表县人民政府向大会报告工作。"))) {
		f.Add(z)
	}
	f.Fuzz(checkInflate)
}

func TestInflateClosed(t *testing.T) {
	r := inflate(bytes.NewReader(deflated(t, []byte("甲"))[2]))
	r.Close()
	if _, err := r.Read(make([]byte, 8)); err == nil {
		t.Error("read after Close: no error")
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
