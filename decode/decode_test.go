package decode

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/tifa-project/tifa/clean"
)

// decodeSample is Chinese report text used to build encoded inputs.
const decodeSample = "政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议。GDP增长5.2%，“最多跑一次”改革持续深化。\n"

// encodeWith encodes s with an x/text encoder, failing the test on error.
func encodeWith(t testing.TB, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf32Bytes encodes s as UTF-32, with a byte-order mark when bom.
func utf32Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, utf32Unit('\uFEFF', bigEndian)...)
	}
	for _, r := range s {
		b = append(b, utf32Unit(r, bigEndian)...)
	}
	return b
}

func utf32Unit(r rune, bigEndian bool) []byte {
	u := uint32(r)
	if bigEndian {
		return []byte{byte(u >> 24), byte(u >> 16), byte(u >> 8), byte(u)}
	}
	return []byte{byte(u), byte(u >> 8), byte(u >> 16), byte(u >> 24)}
}

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDecode(t *testing.T) {
	gb := encodeWith(t, simplifiedchinese.GB18030.NewEncoder(), decodeSample)
	gbk := encodeWith(t, simplifiedchinese.GBK.NewEncoder(), decodeSample)
	tests := []struct {
		name     string
		raw      []byte
		want     string
		encoding string
	}{
		{"utf-8", []byte(decodeSample), decodeSample, "utf-8"},
		{"utf-8 with bom", append([]byte{0xEF, 0xBB, 0xBF}, decodeSample...), decodeSample, "utf-8-bom"},
		{"utf-8 crlf", []byte(strings.ReplaceAll(decodeSample, "\n", "\r\n")), decodeSample, "utf-8"},
		{"utf-8 cr", []byte(strings.ReplaceAll(decodeSample, "\n", "\r")), decodeSample, "utf-8"},
		{"utf-16le", utf16Bytes(decodeSample, false), decodeSample, "utf-16le"},
		{"utf-16be", utf16Bytes(decodeSample, true), decodeSample, "utf-16be"},
		{"utf-16 astral", utf16Bytes("𠀀字", false), "𠀀字", "utf-16le"},
		// issue 14, item 15: UTF-16 and UTF-32 without a byte-order mark,
		// told by where the zero bytes fall.
		{"utf-16le without bom", utf16Bytes(decodeSample, false)[2:], decodeSample, "utf-16le"},
		{"utf-16be without bom", utf16Bytes(decodeSample, true)[2:], decodeSample, "utf-16be"},
		{"utf-16le ascii without bom", utf16Bytes("GDP 5.2%\n", false)[2:], "GDP 5.2%\n", "utf-16le"},
		{"utf-32le", utf32Bytes(decodeSample, false, true), decodeSample, "utf-32le"},
		{"utf-32be", utf32Bytes(decodeSample, true, true), decodeSample, "utf-32be"},
		{"utf-32le without bom", utf32Bytes(decodeSample, false, false), decodeSample, "utf-32le"},
		{"utf-32be without bom", utf32Bytes(decodeSample, true, false), decodeSample, "utf-32be"},
		// Two NUL bytes do not make a report binary: a proportion does.
		{"utf-8 with two nul bytes", []byte(strings.Repeat(decodeSample, 3) + "\x00\x00" + decodeSample), strings.Repeat(decodeSample, 3) + "\x00\x00" + decodeSample, "utf-8"},
		{"gb18030", gb, decodeSample, "gb18030"},
		{"gbk", gbk, decodeSample, "gb18030"},
		{"gbk crlf", encodeWith(t, simplifiedchinese.GBK.NewEncoder(), strings.ReplaceAll(decodeSample, "\n", "\r\n")), decodeSample, "gb18030"},
		{"ascii", []byte("GDP 5.2%\n"), "GDP 5.2%\n", "utf-8"},
		{"utf-8 with a stray control", []byte(decodeSample + "\x01" + decodeSample), decodeSample + "\x01" + decodeSample, "utf-8"},
		{"dos end-of-file mark", []byte(decodeSample + "\x1a"), decodeSample + "\x1a", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.raw)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want || enc != tt.encoding {
				t.Errorf("Decode = %q, %q; want %q, %q", got, enc, tt.want, tt.encoding)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	big5 := encodeWith(t, traditionalchinese.Big5.NewEncoder(), "政府工作報告：各位代表，現在我代表縣人民政府向大會報告工作，請予審議。經濟發展穩中有進。")
	sjis := encodeWith(t, japanese.ShiftJIS.NewEncoder(), "政府の仕事の報告：経済は安定しています。これはテストの文章です。")
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"bom only", []byte{0xEF, 0xBB, 0xBF}, ErrEmpty},
		{"utf-16 bom only", []byte{0xFF, 0xFE}, ErrEmpty},
		{"nul bytes", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"nul bytes in a third of the file", []byte(strings.Repeat("报告\x00", 50)), ErrBinary},
		{"utf-32 odd length", append(utf32Bytes(decodeSample, false, true), 'x', 'y'), ErrEncoding},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03abc", 20)), ErrBinary},
		{"utf-16 nul characters", utf16Bytes("ab\x00cd", false), ErrBinary},
		{"utf-16 odd length", append(utf16Bytes(decodeSample, false), 'x'), ErrEncoding},
		{"utf-16 lone surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, ErrEncoding},
		{"broken utf-8 after bom", []byte{0xEF, 0xBB, 0xBF, 0xE4, 0xB8}, ErrEncoding},
		{"truncated gbk", encodeWith(t, simplifiedchinese.GBK.NewEncoder(), "政府工作报告")[:5], ErrEncoding},
		{"latin-1", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), ErrEncoding},
		{"big5", big5, ErrEncoding},
		{"shift-jis", sjis, ErrEncoding},
		{"random high bytes", []byte{0x81, 0x40, 0xFE, 0x41, 0x82, 0x7E, 0x95, 0x55, 0x90, 0x44}, ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.raw)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode = %q, %q, %v; want error %v", got, enc, err, tt.want)
			}
			if got != "" || enc != "" {
				t.Errorf("Decode returned %q, %q with an error", got, enc)
			}
			if msg := err.Error(); msg != strings.ToLower(msg[:1])+msg[1:] {
				t.Errorf("error %q does not start lower-case", msg)
			}
		})
	}
}

// TestDetectReplaces: a few bytes that are not valid in the file's
// encoding become U+FFFD, counted, with the offset of the first (issue
// 14, item 15: one stray byte in 31 KB of UTF-8 or GBK gave "chars 0" or
// "undecodable"). The oracle is the position where the test puts the
// bytes.
func TestDetectReplaces(t *testing.T) {
	long := strings.Repeat(decodeSample, 200) // 31 KB of UTF-8
	gbk := encodeWith(t, simplifiedchinese.GBK.NewEncoder(), long)
	half := len(long) / 2
	for !utf8.RuneStart(long[half]) { // back to a character boundary
		half--
	}
	gbHalf := len(encodeWith(t, simplifiedchinese.GBK.NewEncoder(), long[:half]))
	insert := func(b []byte, at int, x ...byte) []byte {
		return append(append(append([]byte(nil), b[:at]...), x...), b[at:]...)
	}
	tests := []struct {
		name     string
		raw      []byte
		encoding string
		replaced int
		first    int
		text     string // "" to skip the check
	}{
		{"utf-8, one stray byte", insert([]byte(long), half, 0xFF), "utf-8", 1, half, long[:half] + "\uFFFD" + long[half:]},
		{"utf-8, a cut character", insert([]byte(long), half, 0xE4, 0xB8), "utf-8", 2, half, long[:half] + "\uFFFD\uFFFD" + long[half:]},
		{"utf-8 with bom, one stray byte", insert(append([]byte{0xEF, 0xBB, 0xBF}, long...), 3+half, 0x80), "utf-8-bom", 1, 3 + half, ""},
		{"gbk, one stray byte", insert(gbk, gbHalf, 0xFF), "gb18030", 1, gbHalf, long[:half] + "\uFFFD" + long[half:]},
		{"gbk, a lone lead byte", insert(gbk, gbHalf, 0x81, 0x20), "gb18030", 1, gbHalf, ""},
		{"gbk holding U+FFFD itself", append(append([]byte(nil), gbk...), gbReplacement...), "gb18030", 0, -1, long + "\uFFFD"},
		{"utf-16le, a lone surrogate", insert(utf16Bytes(long, false), 2+2*10, 0x00, 0xD8), "utf-16le", 1, 22, ""},
		{"utf-16le without bom, odd length", append(utf16Bytes(long, false)[2:], 'x'), "utf-16le", 1, 2 * utf8.RuneCountInString(long), long + "\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Detect(tt.raw)
			if err != nil {
				t.Fatalf("Detect: %v", err)
			}
			if d.Encoding != tt.encoding || d.Replaced != tt.replaced || d.FirstBad != tt.first {
				t.Errorf("Detect = %s, %d replaced, first at %d; want %s, %d, %d", d.Encoding, d.Replaced, d.FirstBad, tt.encoding, tt.replaced, tt.first)
			}
			if tt.text != "" && d.Text != tt.text {
				t.Errorf("text differs from the original with U+FFFD in place")
			}
		})
	}
}

// TestDecodeSeeds decodes the real seeds: all UTF-8, without a BOM.
func TestDecodeSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realDataDir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds under", realDataDir)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, enc, err := Decode(raw)
		if err != nil || enc != "utf-8" || !utf8.ValidString(text) || strings.ContainsRune(text, '\r') || clean.HanCount(text) < 1000 {
			t.Errorf("%s: decoded as %s (%v), not clean Chinese text", f, enc, err)
		}
	}
}

// TestTextPunct checks that decode's character classes are package
// clean's (written out because decode imports no package of tifa), rune
// by rune: isHan is clean.IsHan, and textPunct is clean.IsCJKPunct with
// general punctuation, as plausibleChars counted them when it called clean.
func TestTextPunct(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != clean.IsHan(r) {
			t.Fatalf("isHan(%U) = %v, clean.IsHan %v", r, isHan(r), clean.IsHan(r))
		}
		if !clean.IsHan(r) && unicode.Is(textPunct, r) != (clean.IsCJKPunct(r) || r >= 0x2000 && r <= 0x206F) {
			t.Fatalf("textPunct holds %U: %v, clean.IsCJKPunct %v", r, unicode.Is(textPunct, r), clean.IsCJKPunct(r))
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(decodeSample))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'a'})
	f.Add(utf16Bytes(decodeSample, false))
	f.Add(utf16Bytes(decodeSample, true))
	if gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(decodeSample)); err == nil {
		f.Add(gb)
	}
	f.Add([]byte("a\x00b"))
	f.Add(utf16Bytes(decodeSample, false)[2:])
	f.Add(utf32Bytes(decodeSample, true, false))
	f.Add(append([]byte(decodeSample), 0xFF))
	f.Add([]byte("\r\n\r"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc, err := Decode(raw)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
				t.Fatalf("Decode(%q): error %v is none of the sentinels", raw, err)
			}
			return
		}
		switch enc {
		case "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be", "utf-32le", "utf-32be":
		default:
			t.Fatalf("Decode(%q): encoding %q", raw, enc)
		}
		if text == "" || !utf8.ValidString(text) || strings.ContainsRune(text, '\r') || strings.HasPrefix(text, "\uFEFF") {
			t.Fatalf("Decode(%q) = %q: empty, invalid utf-8, CR or BOM", raw, text)
		}
		d, _ := Detect(raw)
		if enc == "utf-8" && d.Replaced == 0 && strings.IndexByte(string(raw), '\r') < 0 && text != string(raw) {
			t.Fatalf("Decode(%q) changed utf-8 text to %q", raw, text)
		}
		if (d.Replaced == 0) != (d.FirstBad == -1) || d.FirstBad >= len(raw) || d.Replaced*100 > utf8.RuneCountInString(d.Text) {
			t.Fatalf("Detect(%q): %d replaced, first at %d, in %d characters", raw, d.Replaced, d.FirstBad, utf8.RuneCountInString(d.Text))
		}
	})
}

func ExampleDecode() {
	raw := []byte{0xD5, 0xFE, 0xB8, 0xAE, 0xB9, 0xA4, 0xD7, 0xF7, 0xB1, 0xA8, 0xB8, 0xE6, '\r', '\n'} // GBK
	text, enc, err := Decode(raw)
	fmt.Printf("%q %s %v\n", text, enc, err)
	_, _, err = Decode([]byte("PK\x03\x04\x00"))
	fmt.Println(err, errors.Is(err, ErrBinary))
	// Output:
	// "政府工作报告\n" gb18030 <nil>
	// not text: binary data (NUL or control bytes, and no encoding reads them as text) true
}

// realDataDir is the read-only real data, outside the repository.
var realDataDir = filepath.Join("..", "..", "shared")
