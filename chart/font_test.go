package chart

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

const (
	notoPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" // Debian fonts-noto-cjk
	wqyPath  = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"           // Debian fonts-wqy-zenhei
)

// writeFile writes data to a file in a temporary directory.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFindFontErrors(t *testing.T) {
	latin := writeFile(t, "LiberationSans-Regular.ttf", liberationsansregular.TTF)
	notFont := writeFile(t, "notes.ttf", []byte("乡村振兴 is not a font"))
	missing := filepath.Join(t.TempDir(), "no-such-font.ttc")
	cases := []struct {
		name, path, env string
		search          []string
		want            []string // substrings of the error
		noFont          bool     // errors.Is(err, ErrNoFont)
	}{
		{name: "missing file", path: missing, want: []string{missing, "no such file"}},
		{name: "not a font", path: notFont, want: []string{notFont, "not a usable TrueType/OpenType font"}},
		{name: "Latin only", path: latin, want: []string{latin, "Liberation Sans", "no Chinese glyphs", "fonts-noto-cjk"}, noFont: true},
		{name: "bad $TIFA_FONT", env: missing, want: []string{"$TIFA_FONT", missing}},
		{name: "empty search path", want: []string{"no font with Chinese glyphs", "looked in 0 well-known places",
			"apt-get install fonts-noto-cjk", "--font FILE"}, noFont: true},
		{name: "only refused fonts", search: []string{missing, latin}, want: []string{"looked in 2", "refused: font " + latin,
			"fonts-noto-cjk"}, noFont: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := findFont(tc.path, tc.env, tc.search)
			if err == nil {
				t.Fatalf("found %s (%s); want an error", f.Path(), f.Family())
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tc.noFont != errors.Is(err, ErrNoFont) {
				t.Errorf("errors.Is(err, ErrNoFont) = %v; want %v", !tc.noFont, tc.noFont)
			}
		})
	}
}

func TestFindFontSearchOrder(t *testing.T) {
	if _, err := os.Stat(notoPath); err != nil {
		t.Skip("install Debian's fonts-noto-cjk to run this test")
	}
	latin := writeFile(t, "LiberationSans-Regular.ttf", liberationsansregular.TTF)
	// a Latin-only font and a missing file are passed over
	f, err := findFont("", "", []string{"/nonexistent.ttf", latin, notoPath})
	if err != nil {
		t.Fatal(err)
	}
	if f.Path() != notoPath {
		t.Errorf("Path() = %s; want %s", f.Path(), notoPath)
	}
	// $TIFA_FONT wins over the list
	f, err = findFont("", notoPath, []string{latin})
	if err != nil || f.Path() != notoPath {
		t.Errorf("with $TIFA_FONT: %v, %v", f, err)
	}
}

func TestFindFontPicksSimplifiedChinese(t *testing.T) {
	cases := []struct {
		path, family string
		trueType     bool
	}{
		{notoPath, "Noto Sans CJK SC", false}, // 10 faces: JP KR SC TC HK, Sans and Mono
		{wqyPath, "WenQuanYi Zen Hei", true},  // tables not 4-byte aligned: rebuilt
	}
	for _, tc := range cases {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				t.Skipf("%s is not installed", tc.path)
			}
			f, err := FindFont(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if f.Family() != tc.family || f.trueType != tc.trueType || f.Path() != tc.path {
				t.Errorf("got %s %q trueType=%v; want %q trueType=%v", f.Path(), f.Family(), f.trueType, tc.family, tc.trueType)
			}
		})
	}
}

func TestPDFFontFallback(t *testing.T) {
	if _, err := os.Stat(notoPath); err != nil {
		t.Skip("install Debian's fonts-noto-cjk to run this test")
	}
	// CFF outlines and nothing else to fall back on: an error naming the fix
	f, err := findFont(notoPath, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.pdfFont()
	if err == nil || !strings.Contains(err.Error(), "CFF") || !strings.Contains(err.Error(), "apt-get install fonts-wqy-zenhei") {
		t.Errorf("pdfFont error %v; want one naming CFF and fonts-wqy-zenhei", err)
	}
	if err := sampleBars(2).Draw(new(strings.Builder), "pdf", f); err == nil || !errors.Is(err, ErrNoFont) {
		t.Errorf("Draw pdf: error %v; want ErrNoFont", err)
	}
	if _, err := os.Stat(wqyPath); err != nil {
		t.Skip("install Debian's fonts-wqy-zenhei to test the TrueType fallback")
	}
	f, err = findFont(notoPath, "", []string{notoPath, wqyPath})
	if err != nil {
		t.Fatal(err)
	}
	pf, err := f.pdfFont()
	if err != nil || pf.Path() != wqyPath {
		t.Errorf("pdfFont = %v, %v; want %s", pf, err, wqyPath)
	}
}

func TestTrueType(t *testing.T) {
	if _, err := os.Stat(wqyPath); err != nil {
		t.Skip("install Debian's fonts-wqy-zenhei to run this test")
	}
	f, err := findFont(wqyPath, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	ttf, err := f.TrueType()
	if err != nil {
		t.Fatal(err)
	}
	// a single face (version 1.0 tag), not the collection it came from
	face, err := opentype.Parse(ttf)
	if err != nil || string(ttf[:4]) != "\x00\x01\x00\x00" {
		t.Fatalf("TrueType: %d bytes starting %q: %v; want a single TrueType face", len(ttf), ttf[:4], err)
	}
	if !hasGlyphs(face, new(sfnt.Buffer), chineseProbe) {
		t.Errorf("TrueType face lacks %s", chineseProbe)
	}
}

func TestStandaloneTTF(t *testing.T) {
	// A collection of two copies of Liberation Sans, its tables moved to
	// odd offsets: the rebuilt face must parse and keep its glyphs.
	src := liberationsansregular.TTF
	tables, err := tableDirectory(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := len(tables)
	dir := 12 + 16*n
	coll := make([]byte, 0, 2*len(src))
	coll = append(coll, "ttcf\x00\x01\x00\x00\x00\x00\x00\x02"...)
	coll = binary.BigEndian.AppendUint32(coll, 20)
	coll = binary.BigEndian.AppendUint32(coll, 20)
	coll = append(coll, src[:dir]...) // one directory shared by both faces
	pos := uint32(len(coll)) + 1
	coll = append(coll, 0)
	for i := range n {
		rec := coll[20+12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		binary.BigEndian.PutUint32(rec[8:], pos)
		coll = append(coll, src[off:off+length]...)
		pos += length
	}
	c, err := opentype.ParseCollection(coll)
	if err == nil {
		_, err = c.Font(0)
	}
	if err == nil {
		t.Fatal("the misaligned collection parses as it stands: the test proves nothing")
	}
	faces, err := parseFaces(coll)
	if err != nil {
		t.Fatalf("parseFaces: %v", err)
	}
	if len(faces) != 2 {
		t.Fatalf("%d faces; want 2", len(faces))
	}
	var buf sfnt.Buffer
	if name, _ := faces[1].face.Name(&buf, sfnt.NameIDFamily); name != "Liberation Sans" {
		t.Errorf("family %q; want Liberation Sans", name)
	}
	if !hasGlyphs(faces[1].face, &buf, latinProbe) {
		t.Error("rebuilt face lost its Latin glyphs")
	}
}

func TestFaceScore(t *testing.T) {
	cases := []struct {
		better, worse string
	}{
		{"Noto Sans CJK SC", "Noto Sans CJK JP"},
		{"Noto Sans CJK SC", "Noto Sans Mono CJK SC"},
		{"AR PL UMing CN", "AR PL UMing TW"},
		{"PingFang SC", "PingFang HK"},
		{"WenQuanYi Zen Hei", "WenQuanYi Zen Hei Mono"},
	}
	for _, tc := range cases {
		if faceScore(tc.better) <= faceScore(tc.worse) {
			t.Errorf("faceScore(%q) = %d, not above faceScore(%q) = %d", tc.better, faceScore(tc.better), tc.worse, faceScore(tc.worse))
		}
	}
}

// FuzzParseFaces feeds arbitrary bytes to the font reader, which reads
// whatever --font names: it may refuse them but must not panic.
func FuzzParseFaces(f *testing.F) {
	f.Add(liberationsansregular.TTF[:2048])
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x14\xff\xff\xff\xff"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00glyf\x00\x00\x00\x00\xff\xff\xff\xf0\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		faces, err := parseFaces(data)
		if err != nil {
			return
		}
		var buf sfnt.Buffer
		for _, fc := range faces {
			hasGlyphs(fc.face, &buf, chineseProbe+latinProbe)
			if _, err := tableDirectory(fc.data, fc.offset); err == nil {
				_, _ = standaloneTTF(fc.data, fc.offset)
			}
		}
	})
}
