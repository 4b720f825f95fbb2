package cache

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"sort"

	"github.com/tifa-project/tifa/reports"
)

// Entry kinds: the byte after the checksum of every stored value.
const (
	kindDocs  byte = 'D'
	kindTerms byte = 'T'
)

// headerLen is the checksum and kind byte in front of every payload.
const headerLen = 5

// Errors of a stored value that cannot be trusted.
var (
	errTruncated = errors.New("truncated")
	errChecksum  = errors.New("checksum mismatch")
	errKind      = errors.New("wrong kind of entry")
	errMalformed = errors.New("malformed payload")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// newFrame returns a buffer holding room for the header and the kind byte,
// ready for the payload to be appended.
func newFrame(kind byte, capacity int) []byte {
	b := make([]byte, headerLen, headerLen+capacity)
	b[4] = kind
	return b
}

// seal writes the checksum of b[4:] into b[:4].
func seal(b []byte) []byte {
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

// unseal checks a stored value and returns its payload.
func unseal(kind byte, v []byte) ([]byte, error) {
	if len(v) < headerLen {
		return nil, errTruncated
	}
	if crc32.Checksum(v[4:], castagnoli) != binary.LittleEndian.Uint32(v) {
		return nil, errChecksum
	}
	if v[4] != kind {
		return nil, errKind
	}
	return v[headerLen:], nil
}

// encoder appends varints and length-prefixed strings.
type encoder struct{ b []byte }

func (e *encoder) uint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *encoder) int(x int)     { e.b = binary.AppendVarint(e.b, int64(x)) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// listLen writes the length of a list: 0 for nil, n+1 for n elements, so
// nil and empty lists come back as they went in.
func (e *encoder) listLen(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

// decoder reads what encoder wrote. The first problem sticks in err and
// every later read returns a zero value, so callers check err once.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errMalformed
	}
	d.b = nil
}

func (d *decoder) uint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) int() int {
	x, n := binary.Varint(d.b)
	if n <= 0 || int64(int(x)) != x {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(x)
}

// bytes returns the next length-prefixed byte string, aliasing the input.
func (d *decoder) bytes() []byte {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) str() string { return string(d.bytes()) }

// listLen reads a list length written by encoder.listLen. Each element
// takes at least one byte, so a length beyond the bytes left is malformed
// (and never allocates).
func (d *decoder) listLen() (n int, isNil bool) {
	x := d.uint()
	if x == 0 {
		return 0, true
	}
	if x-1 > uint64(len(d.b)) {
		d.fail()
		return 0, true
	}
	return int(x - 1), false
}

// listLen0 reads a count of elements written with encoder.uint, each
// element taking at least one byte, so a count beyond the bytes left is
// malformed (and never allocates).
func (d *decoder) listLen0() int {
	x := d.uint()
	if x > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(x)
}

// int0 reads a uvarint that must fit an int.
func (d *decoder) int0() int {
	x := d.uint()
	if x > uint64(math.MaxInt) {
		d.fail()
		return 0
	}
	return int(x)
}

// end fails unless every byte was read.
func (d *decoder) end() error {
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return d.err
}

// encodeDocs returns the sealed value of docs. Every field of each
// Document is kept; nil and empty slices and maps stay distinct, and
// Meta.Extra is written in key order so equal documents encode equally.
// A nil document is a caller's bug and panics.
func encodeDocs(docs []*reports.Document) []byte {
	size := 16
	for _, d := range docs {
		if d == nil {
			panic("cache: nil *reports.Document")
		}
		size += len(d.Text) + 64*len(d.Sections) + 128
	}
	e := encoder{newFrame(kindDocs, size)}
	e.listLen(len(docs), docs == nil)
	for _, d := range docs {
		encodeDoc(&e, d)
	}
	return seal(e.b)
}

func encodeDoc(e *encoder, d *reports.Document) {
	e.str(d.ID)
	e.str(d.Path)
	e.str(d.Hash)
	e.int(d.BundleIndex)
	e.str(d.Encoding)
	encodeMeta(e, &d.Meta)
	e.str(d.Text)
	e.listLen(len(d.Sections), d.Sections == nil)
	for _, s := range d.Sections {
		e.int(int(s.Part))
		e.str(s.Heading)
		e.int(s.Start)
		e.int(s.End)
	}
	e.listLen(len(d.Warnings), d.Warnings == nil)
	for _, w := range d.Warnings {
		e.str(w)
	}
	e.str(d.Format)
	e.int(d.Pages)
	e.listLen(len(d.Marks), d.Marks == nil)
	for _, m := range d.Marks {
		e.int(int(m.Off))
		e.int(int(m.Line))
		e.int(int(m.Page))
	}
}

func encodeMeta(e *encoder, m *reports.Meta) {
	e.str(m.Region)
	e.str(m.Level)
	e.int(m.Year)
	e.str(m.RegionSource)
	e.str(m.LevelSource)
	e.str(m.YearSource)
	e.listLen(len(m.Extra), m.Extra == nil)
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e.str(k)
		e.str(m.Extra[k])
	}
}

// decodeDocs reads a payload written by encodeDocs (after unseal). It
// checks that every section and mark lies inside its text, in order (and
// a mark's page within the page count), so no decoded document can make
// a caller slice out of range.
func decodeDocs(p []byte) ([]*reports.Document, error) {
	d := decoder{b: p}
	n, isNil := d.listLen()
	var docs []*reports.Document
	if !isNil {
		docs = make([]*reports.Document, 0, n)
	}
	for range n {
		doc := decodeDoc(&d)
		if d.err != nil {
			return nil, d.err
		}
		docs = append(docs, doc)
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return docs, nil
}

func decodeDoc(d *decoder) *reports.Document {
	doc := &reports.Document{
		ID:          d.str(),
		Path:        d.str(),
		Hash:        d.str(),
		BundleIndex: d.int(),
		Encoding:    d.str(),
	}
	decodeMeta(d, &doc.Meta)
	doc.Text = d.str()
	n, isNil := d.listLen()
	if !isNil {
		doc.Sections = make([]reports.Section, n)
	}
	prev := 0
	for i := range n {
		s := &doc.Sections[i]
		s.Part = reports.Part(d.int())
		s.Heading = d.str()
		s.Start, s.End = d.int(), d.int()
		if s.Part < reports.PartAll || s.Part > reports.PartPlan || s.Start < prev || s.End < s.Start || s.End > len(doc.Text) {
			d.fail()
			return doc
		}
		prev = s.End
	}
	n, isNil = d.listLen()
	if !isNil {
		doc.Warnings = make([]string, n)
	}
	for i := range n {
		doc.Warnings[i] = d.str()
	}
	doc.Format = d.str()
	doc.Pages = d.int()
	n, isNil = d.listLen()
	if !isNil {
		doc.Marks = make([]reports.Mark, n)
	}
	prev = 0
	for i := range n {
		m := &doc.Marks[i]
		off, line, page := d.int(), d.int(), d.int()
		if off < prev || off > len(doc.Text) || line < 0 || line > math.MaxInt32 || page < 0 || page > doc.Pages {
			d.fail()
			return doc
		}
		m.Off, m.Line, m.Page = int32(off), int32(line), int32(page)
		prev = off
	}
	if doc.Pages < 0 {
		d.fail()
	}
	return doc
}

func decodeMeta(d *decoder, m *reports.Meta) {
	m.Region = d.str()
	m.Level = d.str()
	m.Year = d.int()
	m.RegionSource = d.str()
	m.LevelSource = d.str()
	m.YearSource = d.str()
	n, isNil := d.listLen()
	if isNil {
		return
	}
	m.Extra = make(map[string]string, n)
	for range n {
		k := d.str()
		m.Extra[k] = d.str()
	}
}

// encodeTerms returns the sealed value of one document's term counts,
// column by column so that decoding converts all the terms' text at once:
//
//	n | n term lengths | the terms' bytes, concatenated | n counts | n (entry + 1)
//
// in the caller's order. Slices of different lengths, or a negative
// count or an entry below -1, are a caller's bug and panic.
func encodeTerms(terms []string, counts, entries []int) []byte {
	if len(counts) != len(terms) || len(entries) != len(terms) {
		panic("cache: PutTerms with terms, counts and entries of different lengths")
	}
	size := 8 + 3*len(terms)
	for _, t := range terms {
		size += len(t)
	}
	e := encoder{newFrame(kindTerms, size)}
	e.uint(uint64(len(terms)))
	for _, t := range terms {
		e.uint(uint64(len(t)))
	}
	for _, t := range terms {
		e.b = append(e.b, t...)
	}
	for i, c := range counts {
		if c < 0 || entries[i] < -1 {
			panic("cache: PutTerms with a negative count or an entry below -1")
		}
		e.uint(uint64(c))
	}
	for _, x := range entries {
		e.uint(uint64(x + 1))
	}
	return seal(e.b)
}

// decodeTerms reads a payload written by encodeTerms. Every term is a
// substring of one string holding all their text: one allocation for it.
func decodeTerms(p []byte) (terms []string, counts, entries []int, err error) {
	d := decoder{b: p}
	n := d.listLen0()
	ends := make([]int, n)
	total := 0
	for i := range ends {
		l := d.uint()
		if l > uint64(len(d.b)) {
			d.fail()
			break
		}
		total += int(l)
		ends[i] = total
	}
	if d.err != nil || total > len(d.b) {
		return nil, nil, nil, errMalformed
	}
	all := string(d.b[:total])
	d.b = d.b[total:]
	terms = make([]string, n)
	from := 0
	for i, end := range ends {
		terms[i] = all[from:end]
		from = end
	}
	counts, entries = make([]int, n), make([]int, n)
	for i := range counts {
		counts[i] = d.int0()
	}
	for i := range entries {
		entries[i] = d.int0() - 1
	}
	if err := d.end(); err != nil {
		return nil, nil, nil, err
	}
	return terms, counts, entries, nil
}
