package extract

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// readDOC returns the text of a Word 97–2003 .doc or a WPS .wps file:
// OLE compound files (read with richardlehane/mscfb) whose text is
// reached through the piece table, as [MS-DOC] 2.4.1 "Retrieving Text"
// describes it:
//
//	WordDocument stream  starts with the FIB: FibBase (wIdent 0xA5EC,
//	                     flags fEncrypted 0x0100, fWhichTblStm 0x0200),
//	                     FibRgLw97 (ccpText, the main text's length in
//	                     characters; ccpTxbx, the text boxes'), and
//	                     FibRgFcLcb97 (fcClx, lcbClx: where the CLX is)
//	0Table or 1Table     (as fWhichTblStm says) holds the CLX: Prc
//	                     records (0x01), then the Pcdt (0x02) with the
//	                     PlcPcd: n+1 character positions and n 8-byte
//	                     piece descriptors, whose FcCompressed (bit 30)
//	                     says where a piece's text is in WordDocument:
//	                     8-bit cp1252 at fc/2, or UTF-16LE at fc
//
// The main text (character positions 0 to ccpText) is read, then the text
// boxes; footnotes, headers and comments are left out. Special characters
// (MS-DOC 2.8.25): paragraph and line ends become line breaks, cell ends
// tabs, field codes (between 0x13 and 0x14) are dropped and field results
// kept, pictures and note marks dropped. Tracked deletions are not marked in
// the piece table and are read as text. Word 6/95 files are refused.
//
// No Go library reads .doc text (mscfb reads the container only), so this
// is written here; tests build .doc files with a small OLE writer.
func readDOC(r io.ReaderAt, size int64) (t *Text, err error) {
	defer func() {
		// mscfb is fuzzed upstream; a panic on a hostile file is still
		// the file's fault, not ours.
		if p := recover(); p != nil {
			t, err = nil, damaged("Word file: OLE container unreadable (%v)", p)
		}
	}()
	cfb, err := mscfb.New(r)
	if err != nil {
		return nil, damaged("Word file: not an OLE compound file (%v)", err)
	}
	streams := map[string]*mscfb.File{}
	for _, f := range cfb.File {
		if _, ok := streams[f.Name]; !ok && len(f.Path) == 0 {
			streams[f.Name] = f
		}
	}
	if streams["EncryptedPackage"] != nil {
		return nil, fmt.Errorf("%w (a password-protected Word document)", ErrEncrypted)
	}
	wd, err := readStream(streams["WordDocument"], size, "WordDocument")
	if err != nil {
		return nil, err
	}
	fib, err := parseFIB(wd)
	if err != nil {
		return nil, err
	}
	tableName := "0Table"
	if fib.whichTable {
		tableName = "1Table"
	}
	table, err := readStream(streams[tableName], size, tableName)
	if err != nil {
		return nil, err
	}
	if uint64(fib.fcClx)+uint64(fib.lcbClx) > uint64(len(table)) || fib.lcbClx == 0 {
		return nil, damaged("Word file: the piece table (CLX) lies outside %s", tableName)
	}
	pieces, err := parseCLX(table[fib.fcClx : fib.fcClx+fib.lcbClx])
	if err != nil {
		return nil, err
	}
	main := pieceText(wd, pieces, 0, fib.ccpText)
	boxes := pieceText(wd, pieces, fib.txbxStart, fib.txbxStart+fib.ccpTxbx)
	text := wordChars(main)
	if fib.ccpTxbx > 0 {
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += wordChars(boxes)
	}
	return &Text{Pages: []string{tidyLines([]byte(text))}}, nil
}

// readStream reads an OLE stream whole; size is the file's, which no
// stream can exceed.
func readStream(f *mscfb.File, size int64, name string) ([]byte, error) {
	if f == nil {
		return nil, damaged("Word file: no %s stream", name)
	}
	if f.Size < 0 || f.Size > size {
		return nil, damaged("Word file: %s stream of %d bytes in a file of %d", name, f.Size, size)
	}
	b := make([]byte, f.Size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, damaged("Word file: %s stream (%v)", name, err)
	}
	return b, nil
}

// fib holds what readDOC needs of the File Information Block.
type fib struct {
	whichTable    bool   // the CLX is in 1Table
	ccpText       uint32 // characters of the main text
	txbxStart     uint32 // first character of the text boxes
	ccpTxbx       uint32
	fcClx, lcbClx uint32
}

// FIB offsets and values from [MS-DOC] 2.5.1–2.5.6.
const (
	wIdentWord      = 0xA5EC
	nFibWord97      = 0x00C1 // Word 97; older files have another FIB
	fEncrypted      = 0x0100
	fWhichTblStm    = 0x0200
	fObfuscated     = 0x8000
	fibBaseSize     = 32
	lwCcpText       = 3 // index in FibRgLw97
	lwCcpTxbx       = 9
	fcLcbClx        = 33 // pair index of fcClx/lcbClx in FibRgFcLcb97
	minFibRgLwCount = 11
)

// parseFIB reads the FIB at the start of the WordDocument stream.
func parseFIB(wd []byte) (*fib, error) {
	if len(wd) < fibBaseSize+2 || binary.LittleEndian.Uint16(wd) != wIdentWord {
		return nil, damaged("Word file: WordDocument stream has no Word FIB")
	}
	nFib := binary.LittleEndian.Uint16(wd[2:])
	flags := binary.LittleEndian.Uint16(wd[10:])
	if flags&(fEncrypted|fObfuscated) != 0 {
		return nil, fmt.Errorf("%w (a password-protected Word document)", ErrEncrypted)
	}
	if nFib < nFibWord97 && nFib != 0 {
		return nil, fmt.Errorf("%w: a Word 6/95 document (nFib %#x): not read; save it as .docx", ErrDamaged, nFib)
	}
	off := fibBaseSize
	csw := int(binary.LittleEndian.Uint16(wd[off:]))
	off += 2 + 2*csw
	if off+2 > len(wd) {
		return nil, damaged("Word file: FIB cut short")
	}
	cslw := int(binary.LittleEndian.Uint16(wd[off:]))
	off += 2
	lw := off
	off += 4 * cslw
	if cslw < minFibRgLwCount || off+2 > len(wd) {
		return nil, damaged("Word file: FIB cut short")
	}
	cbRgFcLcb := int(binary.LittleEndian.Uint16(wd[off:]))
	off += 2
	if cbRgFcLcb <= fcLcbClx || off+8*(fcLcbClx+1) > len(wd) {
		return nil, damaged("Word file: FIB cut short")
	}
	u32 := func(i int) uint32 { return binary.LittleEndian.Uint32(wd[i:]) }
	f := &fib{
		whichTable: flags&fWhichTblStm != 0,
		ccpText:    u32(lw + 4*lwCcpText),
		ccpTxbx:    u32(lw + 4*lwCcpTxbx),
		fcClx:      u32(off + 8*fcLcbClx),
		lcbClx:     u32(off + 8*fcLcbClx + 4),
	}
	// text boxes follow the main text, footnotes, headers, macros,
	// comments and endnotes (FibRgLw97 ccpText … ccpEdn, indexes 3–8)
	var start uint64
	for i := lwCcpText; i < lwCcpTxbx; i++ {
		start += uint64(u32(lw + 4*i))
	}
	if start > 1<<31 {
		return nil, damaged("Word file: FIB character counts out of range")
	}
	f.txbxStart = uint32(start)
	return f, nil
}

// piece is one piece descriptor of the PlcPcd.
type piece struct {
	cpStart, cpEnd uint32
	fc             uint32 // byte offset in WordDocument
	compressed     bool   // 8-bit cp1252, else UTF-16LE
}

// parseCLX returns the pieces of a CLX.
func parseCLX(clx []byte) ([]piece, error) {
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01: // Prc: cbGrpprl int16, then the sprms
			if i+3 > len(clx) {
				return nil, damaged("Word file: CLX cut short")
			}
			n := int(int16(binary.LittleEndian.Uint16(clx[i+1:])))
			if n < 0 {
				return nil, damaged("Word file: CLX Prc of negative size")
			}
			i += 3 + n
		case 0x02: // Pcdt: lcb uint32, then the PlcPcd
			if i+5 > len(clx) {
				return nil, damaged("Word file: CLX cut short")
			}
			lcb := int(binary.LittleEndian.Uint32(clx[i+1:]))
			plc := clx[i+5:]
			if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
				return nil, damaged("Word file: piece table of %d bytes", lcb)
			}
			return parsePlcPcd(plc[:lcb])
		default:
			return nil, damaged("Word file: CLX record type %#x", clx[i])
		}
	}
	return nil, damaged("Word file: CLX without a piece table")
}

// parsePlcPcd reads n+1 character positions and n piece descriptors.
func parsePlcPcd(plc []byte) ([]piece, error) {
	n := (len(plc) - 4) / 12
	pieces := make([]piece, n)
	for k := range n {
		start := binary.LittleEndian.Uint32(plc[4*k:])
		end := binary.LittleEndian.Uint32(plc[4*k+4:])
		if end < start {
			return nil, damaged("Word file: piece %d ends before it starts", k)
		}
		fc := binary.LittleEndian.Uint32(plc[4*(n+1)+8*k+2:])
		p := piece{cpStart: start, cpEnd: end, fc: fc & 0x3FFFFFFF, compressed: fc&0x40000000 != 0}
		if p.compressed {
			p.fc /= 2
		}
		pieces[k] = p
	}
	return pieces, nil
}

// cp1252 decodes compressed pieces.
var cp1252 = charmap.Windows1252.NewDecoder()

// pieceText returns the characters at positions [from, to) as UTF-16 code
// units; parts of pieces outside WordDocument are left out.
func pieceText(wd []byte, pieces []piece, from, to uint32) []uint16 {
	var out []uint16
	for _, p := range pieces {
		lo, hi := max(p.cpStart, from), min(p.cpEnd, to)
		if lo >= hi {
			continue
		}
		skip, n := uint64(lo-p.cpStart), uint64(hi-lo)
		if p.compressed {
			start := uint64(p.fc) + skip
			end := min(start+n, uint64(len(wd)))
			if start >= end {
				continue
			}
			s, _ := cp1252.Bytes(wd[start:end])
			for _, r := range string(s) {
				out = append(out, uint16(r)) // cp1252 is all in the BMP
			}
			continue
		}
		start := uint64(p.fc) + 2*skip
		end := min(start+2*n, uint64(len(wd))&^1)
		for i := start; i+2 <= end; i += 2 {
			out = append(out, binary.LittleEndian.Uint16(wd[i:]))
		}
	}
	return out
}

// wordChars turns Word's characters into text: paragraph, line, page and
// column ends become "\n"; a cell end a tab, and the row end after it a
// line break; field codes are dropped and field results kept; pictures,
// note and comment marks, soft hyphens and other controls dropped.
func wordChars(u []uint16) string {
	rs := utf16.Decode(u)
	var b strings.Builder
	b.Grow(len(rs) * 3)
	var fields []bool // per open field: in its code (before 0x14)
	inCode := func() bool {
		for _, c := range fields {
			if c {
				return true
			}
		}
		return false
	}
	for i, r := range rs {
		switch r {
		case 0x13: // field begin
			fields = append(fields, true)
			continue
		case 0x14: // field separator: the result follows
			if len(fields) > 0 {
				fields[len(fields)-1] = false
			}
			continue
		case 0x15: // field end
			if len(fields) > 0 {
				fields = fields[:len(fields)-1]
			}
			continue
		}
		if inCode() {
			continue
		}
		switch {
		case r == 0x0D || r == 0x0B || r == 0x0C || r == 0x0E:
			b.WriteByte('\n')
		case r == 0x07:
			if i > 0 && rs[i-1] == 0x07 {
				b.WriteByte('\n') // the row end after a cell end
			} else {
				b.WriteByte('\t')
			}
		case r == 0x09:
			b.WriteByte('\t')
		case r == 0x1E:
			b.WriteByte('-')
		case r < 0x20:
			// pictures (0x01), note marks (0x02), separators, drawn
			// objects (0x08), soft hyphens (0x1F): nothing to read
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
