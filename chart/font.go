package chart

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"github.com/tifa-project/tifa/infile"
)

// ErrNoFont is wrapped by the errors of FindFont and Draw when no usable font
// with Chinese glyphs is found; the message says what to install.
var ErrNoFont = errors.New("no font with Chinese glyphs")

// chineseProbe holds the characters a face must have to count as Chinese:
// common ones, and the ones tifa's own labels use most.
const chineseProbe = "乡村振兴中国发展年份"

// latinProbe holds the characters of numbers and Latin labels, which a
// fallback-only Chinese font (Droid Sans Fallback) lacks.
const latinProbe = "0123456789.-ADFIKTaxz"

// installHint is the end of every "no font" message.
const installHint = "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or give --font FILE"

// pdfInstallHint is the end of the message when no font can go into a PDF.
const pdfInstallHint = "install Debian's fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei) or give --font with a TrueType Chinese font (.ttf/.ttc)"

// Font is one face with Chinese glyphs, parsed from a font file, with the
// file it came from. A Font is safe for concurrent use.
type Font struct {
	path     string
	index    int    // face in the collection; 0 for a single font
	family   string // family name from the face's name table
	face     *opentype.Font
	data     []byte // the whole file, or the face rebuilt on its own
	offset   uint32 // start of the face's table directory in data
	trueType bool   // glyf outlines (else CFF)

	search  []string // where FindFont looked, for the PDF fallback
	pdfOnce sync.Once
	pdf     *Font
	pdfErr  error

	ttfOnce sync.Once
	ttfData []byte
	ttfErr  error
}

// Path returns the file the font was read from.
func (f *Font) Path() string { return f.path }

// Family returns the face's family name, e.g. "Noto Sans CJK SC".
func (f *Font) Family() string { return f.family }

// FindFont returns the font to draw Chinese with. When path is not "" it is
// read (a .ttf or .otf, or a .ttc/.otc collection from which the Simplified
// Chinese face is chosen, e.g. "Noto Sans CJK SC"). Otherwise $TIFA_FONT is
// read when set, else the first usable file of a list of well-known places
// (Debian's fonts-noto-cjk, fonts-wqy-zenhei, fonts-wqy-microhei,
// fonts-arphic-uming; Fedora and Arch Noto CJK; macOS PingFang, STHeiti,
// Hiragino Sans GB; Windows msyh.ttc, simhei.ttf, simsun.ttc). A face that
// lacks any of the characters 乡村振兴中国发展年份 is refused, and so is one
// without Latin letters and digits: the error names the file. When nothing
// is found the error wraps ErrNoFont and says what to install.
func FindFont(path string) (*Font, error) {
	return findFont(path, os.Getenv("TIFA_FONT"), wellKnownFonts())
}

// findFont is FindFont with the environment and the search list given.
func findFont(path, env string, search []string) (*Font, error) {
	if path != "" {
		f, err := loadFont(path)
		if err != nil {
			return nil, err
		}
		f.search = search
		return f, nil
	}
	if env != "" {
		f, err := loadFont(env)
		if err != nil {
			return nil, fmt.Errorf("$TIFA_FONT: %w", err)
		}
		f.search = search
		return f, nil
	}
	var refused []string
	for _, p := range search {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		f, err := loadFont(p)
		if err != nil {
			refused = append(refused, err.Error())
			continue
		}
		f.search = search
		return f, nil
	}
	msg := fmt.Sprintf("looked in %d well-known places", len(search))
	if len(refused) > 0 {
		msg += "; refused: " + strings.Join(refused, "; ")
	}
	return nil, fmt.Errorf("%w (%s); %s", ErrNoFont, msg, installHint)
}

// wellKnownFonts lists where Chinese fonts are installed, best first:
// CFF-outlined Noto Sans CJK (best on screen), then TrueType faces, which
// can also go into a PDF.
func wellKnownFonts() []string {
	list := []string{
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",    // Debian, Ubuntu: fonts-noto-cjk
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",              // fonts-wqy-zenhei
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",            // fonts-wqy-microhei
		"/usr/share/fonts/truetype/arphic/uming.ttc",                // fonts-arphic-uming
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",  // Fedora
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",         // Arch
		"/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",      // Arch, Fedora
		"/System/Library/Fonts/PingFang.ttc",                        // macOS
		"/System/Library/Fonts/STHeiti Light.ttc",                   // macOS
		"/System/Library/Fonts/Hiragino Sans GB.ttc",                // macOS
		"/Library/Fonts/Arial Unicode.ttf",                          // macOS
	}
	windir := os.Getenv("WINDIR")
	if windir == "" {
		windir = `C:\Windows`
	}
	for _, name := range []string{"msyh.ttc", "simhei.ttf", "simsun.ttc"} {
		list = append(list, filepath.Join(windir, "Fonts", name))
	}
	return list
}

// MaxFontBytes is the largest font file read: Noto Sans CJK's collection
// of every weight is about 120 MB.
const MaxFontBytes = 256_000_000

// loadFont reads path, a regular file of at most MaxFontBytes (--font
// /dev/zero or a FIFO is refused without being read), and picks its
// Chinese face.
func loadFont(path string) (*Font, error) {
	data, err := infile.ReadFile(path, MaxFontBytes)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	faces, err := parseFaces(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: not a usable TrueType/OpenType font or collection: %w", path, err)
	}
	best, bestScore := -1, -1
	var families []string
	latin := false
	var buf sfnt.Buffer
	for i, fc := range faces {
		family, _ := fc.face.Name(&buf, sfnt.NameIDFamily)
		families = append(families, family)
		if !hasGlyphs(fc.face, &buf, chineseProbe) {
			continue
		}
		if !hasGlyphs(fc.face, &buf, latinProbe) {
			latin = true
			continue
		}
		if s := faceScore(family); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 && latin {
		return nil, fmt.Errorf("font %s (%s) has Chinese glyphs but lacks Latin letters or digits (a fallback-only font): %w; %s",
			path, strings.Join(families, ", "), ErrNoFont, installHint)
	}
	if best < 0 {
		return nil, fmt.Errorf("font %s (%s) has no Chinese glyphs (乡村振兴 would be drawn as boxes): %w; %s",
			path, strings.Join(families, ", "), ErrNoFont, installHint)
	}
	fc := faces[best]
	tables, err := tableDirectory(fc.data, fc.offset)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	_, glyf := tables["glyf"]
	return &Font{path: path, index: best, family: families[best], face: fc.face,
		data: fc.data, offset: fc.offset, trueType: glyf}, nil
}

// parsedFace is one face of a font file: the parsed face and the bytes and
// offset of its table directory.
type parsedFace struct {
	face   *opentype.Font
	data   []byte
	offset uint32
}

// parseFaces parses every face of a font or collection. A face that the
// parser refuses as it stands (tables not 4-byte aligned, as in
// WenQuanYi Zen Hei) is rebuilt as a single aligned font and parsed again.
func parseFaces(data []byte) ([]parsedFace, error) {
	faces, err := parseCollection(data)
	if err == nil {
		return faces, nil
	}
	n := 1
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n = int(binary.BigEndian.Uint32(data[8:12]))
	}
	if n < 1 || n > 64 {
		return nil, err
	}
	faces = make([]parsedFace, n)
	for i := range faces {
		off, ferr := faceOffset(data, i)
		if ferr != nil {
			return nil, err
		}
		single, ferr := standaloneTTF(data, off)
		if ferr != nil {
			return nil, err
		}
		face, ferr := opentype.Parse(single)
		if ferr != nil {
			return nil, err
		}
		faces[i] = parsedFace{face: face, data: single}
	}
	return faces, nil
}

// parseCollection parses every face of a font or collection as it stands.
func parseCollection(data []byte) ([]parsedFace, error) {
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	faces := make([]parsedFace, coll.NumFonts())
	for i := range faces {
		face, err := coll.Font(i)
		if err != nil {
			return nil, fmt.Errorf("face %d: %w", i, err)
		}
		off, err := faceOffset(data, i)
		if err != nil {
			return nil, err
		}
		faces[i] = parsedFace{face: face, data: data, offset: off}
	}
	return faces, nil
}

// hasGlyphs reports whether face maps every rune of s to a glyph.
func hasGlyphs(face *opentype.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		g, err := face.GlyphIndex(buf, r)
		if err != nil || g == 0 {
			return false
		}
	}
	return true
}

// faceScore ranks the Chinese faces of a collection: a Simplified Chinese
// face (family ending in SC, GB, CN or Hans) first, then a proportional
// (not Mono) one; ties go to the first face.
func faceScore(family string) int {
	score := 0
	fields := strings.Fields(family)
	if len(fields) > 0 {
		switch fields[len(fields)-1] {
		case "SC", "GB", "CN", "Hans":
			score += 2
		}
	}
	if !strings.Contains(family, "Mono") {
		score++
	}
	return score
}

// faceOffset returns where face i's table directory starts: 0 for a single
// font, the i-th offset of a 'ttcf' collection header otherwise.
func faceOffset(data []byte, i int) (uint32, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return 0, nil
	}
	n := int(binary.BigEndian.Uint32(data[8:12]))
	at := 12 + 4*i
	if i >= n || at+4 > len(data) {
		return 0, fmt.Errorf("collection header: face %d of %d out of range", i, n)
	}
	return binary.BigEndian.Uint32(data[at : at+4]), nil
}

// sfntTable is one record of a table directory.
type sfntTable struct {
	tag            string
	checksum       uint32
	offset, length uint32
}

// tableDirectory reads the table directory at offset: tag → record. Every
// table must lie inside data.
func tableDirectory(data []byte, offset uint32) (map[string]sfntTable, error) {
	if uint64(offset)+12 > uint64(len(data)) {
		return nil, errors.New("table directory out of range")
	}
	n := int(binary.BigEndian.Uint16(data[offset+4:]))
	tables := make(map[string]sfntTable, n)
	for i := range n {
		at := uint64(offset) + 12 + 16*uint64(i)
		if at+16 > uint64(len(data)) {
			return nil, errors.New("table directory truncated")
		}
		rec := data[at : at+16]
		t := sfntTable{tag: string(rec[:4]), checksum: binary.BigEndian.Uint32(rec[4:]),
			offset: binary.BigEndian.Uint32(rec[8:]), length: binary.BigEndian.Uint32(rec[12:])}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q out of range", t.tag)
		}
		tables[t.tag] = t
	}
	return tables, nil
}

// standaloneTTF returns the face whose table directory starts at offset
// as a single font file (the form the PDF writer reads): a table directory
// followed by the face's tables, each 4-byte aligned, in tag order.
func standaloneTTF(data []byte, offset uint32) ([]byte, error) {
	tables, err := tableDirectory(data, offset)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	head := make([]byte, 12+16*n)
	copy(head, data[offset:offset+4]) // sfnt version
	binary.BigEndian.PutUint16(head[4:], uint16(n))
	binary.BigEndian.PutUint16(head[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(head[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(head[10:], uint16(n*16-searchRange))
	pos := uint32(len(head))
	for i, tag := range tags {
		t := tables[tag]
		rec := head[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], pos)
		binary.BigEndian.PutUint32(rec[12:], t.length)
		pos += (t.length + 3) &^ 3
	}
	out := make([]byte, 0, pos)
	out = append(out, head...)
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, data[t.offset:t.offset+t.length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// pdfFont returns the face to embed in a PDF: f itself when its outlines
// are TrueType, else the first TrueType Chinese face of the search list.
func (f *Font) pdfFont() (*Font, error) {
	f.pdfOnce.Do(func() {
		if f.trueType {
			f.pdf = f
			return
		}
		for _, p := range f.search {
			if p == f.path {
				continue
			}
			if _, err := os.Stat(p); err != nil {
				continue
			}
			g, err := loadFont(p)
			if err == nil && g.trueType {
				f.pdf = g
				return
			}
		}
		f.pdfErr = fmt.Errorf("pdf: font %s (%s) has CFF outlines, which the PDF writer cannot embed, "+
			"and no TrueType Chinese font was found: %w; %s", f.path, f.family, ErrNoFont, pdfInstallHint)
	})
	return f.pdf, f.pdfErr
}

// TrueType returns the face to embed in a PDF (f itself when its outlines
// are TrueType, else the first TrueType Chinese font of FindFont's list) as
// one TrueType font file, for a PDF writer such as fpdf's
// AddUTF8FontFromBytes. The error wraps ErrNoFont when there is none.
func (f *Font) TrueType() ([]byte, error) {
	pf, err := f.pdfFont()
	if err != nil {
		return nil, err
	}
	return pf.ttf()
}

// FindTrueType returns the TrueType face of FindFont(path) (Font.TrueType):
// what the tests that write PDFs with Chinese text embed.
func FindTrueType(path string) ([]byte, error) {
	f, err := FindFont(path)
	if err != nil {
		return nil, err
	}
	return f.TrueType()
}

// ttf returns the face as a single TrueType font file for the PDF writer,
// built once.
func (f *Font) ttf() ([]byte, error) {
	f.ttfOnce.Do(func() {
		if f.offset == 0 && string(f.data[:4]) != "ttcf" {
			f.ttfData = f.data
			return
		}
		f.ttfData, f.ttfErr = standaloneTTF(f.data, f.offset)
	})
	return f.ttfData, f.ttfErr
}
