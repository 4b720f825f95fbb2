package extract

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/extract/extracttest"
	"golang.org/x/text/encoding/charmap"
)

// Fixtures: every test document is built here, in Go, from the synthetic
// sample reports of testdata/samples (fictional places, written for tifa).

// reportParas returns the paragraphs of the synthetic report
// (extracttest.ReportParas).
func reportParas(t testing.TB) []string { return extracttest.ReportParas(t, tifa.Samples()) }

// noSpace returns s without white space, to compare texts whose line
// breaks differ.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// chineseTTF returns a TrueType face with Chinese glyphs for fpdf
// (extracttest.Font; font_test.go sets where it comes from), or skips the
// test saying what to install.
func chineseTTF(t testing.TB) []byte { return extracttest.Font(t) }

// makePDF writes a test PDF (extracttest.PDF) with the Chinese font of
// chineseTTF.
func makePDF(t testing.TB, s extracttest.PDFSpec) []byte {
	return extracttest.PDF(t, chineseTTF(t), s)
}

// docPiece is a piece of text for makeDOC: 8-bit (compressed) pieces
// must be cp1252 text.
type docPiece struct {
	text       string
	compressed bool
}

// docSpec describes a test .doc.
type docSpec struct {
	main, boxes []docPiece
	flags       uint16 // FibBase flags besides fWhichTblStm
	nFib        uint16 // 0: Word 97 (0x00C1)
	prc         bool   // a Prc record before the piece table
}

// makeDOC writes a Word 97 .doc: an OLE compound file (CFB version 3,
// 512-byte sectors, [MS-CFB]) holding a WordDocument stream (the FIB,
// then the pieces' text) and a 1Table stream (the CLX). Streams are padded
// to 4,096 bytes so that none lives in the mini stream.
func makeDOC(t testing.TB, s docSpec) []byte {
	const textStart = 1024
	wd := make([]byte, textStart)
	var cps []uint32
	var fcs []uint32
	cp := uint32(0)
	ccp := func(ps []docPiece) uint32 {
		n := uint32(0)
		for _, p := range ps {
			n += uint32(len(utf16.Encode([]rune(p.text))))
		}
		return n
	}
	for _, p := range append(append([]docPiece{}, s.main...), s.boxes...) {
		cps = append(cps, cp)
		u := utf16.Encode([]rune(p.text))
		if p.compressed {
			fcs = append(fcs, uint32(len(wd))*2|0x40000000)
			b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(p.text))
			if err != nil {
				t.Fatalf("makeDOC: compressed piece %q: %v", p.text, err)
			}
			wd = append(wd, b...)
		} else {
			fcs = append(fcs, uint32(len(wd)))
			for _, c := range u {
				wd = binary.LittleEndian.AppendUint16(wd, c)
			}
		}
		cp += uint32(len(u))
	}
	cps = append(cps, cp)
	// FIB: FibBase, csw=14, fibRgW, cslw=22, fibRgLw97, cbRgFcLcb=93, blob
	le := binary.LittleEndian
	le.PutUint16(wd[0:], 0xA5EC)
	nFib := s.nFib
	if nFib == 0 {
		nFib = 0x00C1
	}
	le.PutUint16(wd[2:], nFib)
	le.PutUint16(wd[10:], 0x0200|s.flags)
	le.PutUint16(wd[32:], 14)
	lwAt := 34 + 28 + 2
	le.PutUint16(wd[lwAt-2:], 22)
	le.PutUint32(wd[lwAt+4*3:], ccp(s.main))
	le.PutUint32(wd[lwAt+4*9:], ccp(s.boxes))
	blob := lwAt + 88 + 2
	le.PutUint16(wd[blob-2:], 93)
	var table []byte
	if s.prc {
		table = append(table, 0x01, 2, 0, 0x55, 0x66)
	}
	clxAt := 0
	table = append(make([]byte, 16), table...) // the CLX need not start the stream
	clxAt = 16
	table = append(table, 0x02)
	n := len(cps) - 1
	table = le.AppendUint32(table, uint32(4*(n+1)+8*n))
	for _, c := range cps {
		table = le.AppendUint32(table, c)
	}
	for _, fc := range fcs {
		table = le.AppendUint16(table, 0)
		table = le.AppendUint32(table, fc)
		table = le.AppendUint16(table, 0)
	}
	le.PutUint32(wd[blob+8*33:], uint32(clxAt))
	le.PutUint32(wd[blob+8*33+4:], uint32(len(table)-clxAt))
	return makeCFB(t, []cfbStream{{"WordDocument", wd}, {"1Table", table}})
}

// cfbStream is a stream for makeCFB.
type cfbStream struct {
	name string
	data []byte
}

// makeCFB writes a compound file of streams at the root ([MS-CFB] 2.2–2.6):
// header, FAT sectors, one directory sector (root and up to three
// streams), then each stream's sectors, padded to 4,096 bytes.
func makeCFB(t testing.TB, streams []cfbStream) []byte {
	const (
		sector     = 512
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	if len(streams) > 3 {
		t.Fatal("makeCFB: at most three streams")
	}
	le := binary.LittleEndian
	var sizes []int // sectors per stream
	data := 0
	for i := range streams {
		d := streams[i].data
		for len(d) < 4096 || len(d)%sector != 0 {
			d = append(d, 0)
		}
		streams[i].data = d
		sizes = append(sizes, len(d)/sector)
		data += len(d) / sector
	}
	nFAT := 1
	for (nFAT + 1 + data) > nFAT*128 {
		nFAT++
	}
	total := nFAT + 1 + data
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = freeSect
	}
	for i := range nFAT {
		fat[i] = fatSect
	}
	dirSect := nFAT
	fat[dirSect] = endOfChain
	starts := make([]int, len(streams))
	next := dirSect + 1
	for i, n := range sizes {
		starts[i] = next
		for k := range n {
			if k == n-1 {
				fat[next+k] = endOfChain
			} else {
				fat[next+k] = uint32(next + k + 1)
			}
		}
		next += n
	}
	hdr := make([]byte, sector)
	copy(hdr, oleMagic)
	le.PutUint16(hdr[24:], 0x003E)
	le.PutUint16(hdr[26:], 0x0003)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], 9)
	le.PutUint16(hdr[32:], 6)
	le.PutUint32(hdr[44:], uint32(nFAT))
	le.PutUint32(hdr[48:], uint32(dirSect))
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], endOfChain)
	le.PutUint32(hdr[68:], endOfChain)
	for i := range 109 {
		v := uint32(freeSect)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(hdr[76+4*i:], v)
	}
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, left, right, child uint32, start, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], left)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], uint32(start))
		le.PutUint32(e[120:], uint32(size))
	}
	// the children form a chain of right siblings, which [MS-CFB] allows
	// as a (degenerate) red-black tree when sorted: shorter names first
	entry(0, "Root Entry", 5, noStream, noStream, 1, endOfChain, 0)
	order := sortCFBNames(streams)
	for k, i := range order {
		right := uint32(noStream)
		if k+1 < len(order) {
			right = uint32(order[k+1] + 1)
		}
		entry(i+1, streams[i].name, 2, noStream, right, noStream, starts[i], len(streams[i].data))
	}
	if order[0] != 0 {
		le.PutUint32(dir[76:], uint32(order[0]+1))
	}
	for i := len(streams) + 1; i < 4; i++ {
		e := dir[128*i:]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	out := make([]byte, 0, sector*(1+total))
	out = append(out, hdr...)
	for _, v := range fat {
		out = le.AppendUint32(out, v)
	}
	out = append(out, dir...)
	for _, s := range streams {
		out = append(out, s.data...)
	}
	return out
}

// sortCFBNames returns the streams' indexes in [MS-CFB] name order:
// shorter names first, then by upper-case code units.
func sortCFBNames(streams []cfbStream) []int {
	idx := make([]int, len(streams))
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b string) bool {
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return strings.ToUpper(a) < strings.ToUpper(b)
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && less(streams[idx[j]].name, streams[idx[j-1]].name); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}
