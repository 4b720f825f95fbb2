package segment

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// segdict.gz is gse v0.80.3's simplified-Chinese dictionary (zh_s, its
// data/dict/zh/s_1.txt, Apache-2.0) as gse holds it once loaded: every word
// kept by gse's loader (frequency at least 2, one-character words at
// frequency 2, the first of two spellings equal but for ASCII case), with
// Latin letters lowered, and its frequency. TestSegDictMatchesGSE rebuilds
// it from gse and fails when it differs; `go test -run TestSegDictMatchesGSE
// -update` rewrites it.
//
// It is a trie over units (see lattice.split) whose nodes are words or the
// starts of longer words or both. Format, gzip-compressed: the magic
// segDictMagic; the uvarint number of runs (units of two or more runes,
// such as "gdp" or "4s"), then each run as uvarint length and bytes, in
// byte order; the float64 (little-endian) sum of the words' frequencies;
// the uvarint number of nodes, then each node, root first, in breadth-first
// order, children by ascending label: uvarint label (the unit's rune, or
// runLabel + run number; 0 for the root) minus the previous sibling's if
// any, uvarint number of children, uvarint frequency (0: no word).
//
//go:embed segdict.gz
var segDictData []byte

// segDictMagic starts the uncompressed dictionary.
const segDictMagic = "tifa-segdict-3\n"

// segDict is a word dictionary and the shortest-path segmentation over it,
// giving exactly gse's Segment (maximum-probability path, no HMM) on the
// same dictionary; see segDict.segment.
//
// The trie is laid out breadth first, so the children of a node are
// consecutive, sorted by label: node i's children are nodes[i].first up to
// nodes[i+1].first, found by binary search. The root's children with a
// label below 0x10000 are also indexed by label in root.
type segDict struct {
	nodes []dictNode // nodes[0] is the root; a last node closes the ranges
	root  []uint32   // by label < 0x10000: the root's child, 0 for none
	runs  map[string]uint32
	words int // number of words
}

// dictNode is a trie node.
type dictNode struct {
	first uint32  // its first child
	label uint32  // the unit leading to it from its parent
	dist  float32 // for a word, log2(total frequency) − log2(frequency) as gse computes it (> 0); else 0
}

// Unit labels: a rune, a run (runLabel + its number), or noLabel for a
// unit no dictionary word holds.
const (
	runLabel = 0x110000
	noLabel  = 0xFFFFFFFF
)

// pseudoDist is the distance gse gives a unit that is no word on its own.
const pseudoDist = 32

// loadSegDict decodes the embedded dictionary.
func loadSegDict() (*segDict, error) {
	zr, err := gzip.NewReader(bytes.NewReader(segDictData))
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	d, err := decodeSegDict(raw)
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	return d, nil
}

// dictReader reads the uncompressed format, remembering the first error.
type dictReader struct {
	b   []byte
	err error
}

func (r *dictReader) uvarint(what string) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad %s", what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *dictReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail("truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *dictReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
		r.b = nil
	}
}

// decodeSegDict reads the uncompressed format described at segDictData.
func decodeSegDict(raw []byte) (*segDict, error) {
	r := &dictReader{b: raw}
	if string(r.bytes(uint64(len(segDictMagic)))) != segDictMagic {
		return nil, errors.New("bad magic")
	}
	nRuns := r.uvarint("run count")
	if nRuns > 1<<20 {
		return nil, fmt.Errorf("bad run count %d", nRuns)
	}
	d := &segDict{runs: make(map[string]uint32, nRuns), root: make([]uint32, 0x10000)}
	for i := range nRuns {
		d.runs[string(r.bytes(r.uvarint("run length")))] = runLabel + uint32(i)
	}
	totalBits := r.bytes(8)
	n := r.uvarint("node count")
	if r.err != nil {
		return nil, r.err
	}
	if n == 0 || n >= 1<<26 {
		return nil, fmt.Errorf("bad node count %d", n)
	}
	logTotal := float32(math.Log2(math.Float64frombits(binary.LittleEndian.Uint64(totalBits))))
	if err := d.readNodes(r, int(n), logTotal, runLabel+uint32(nRuns)); err != nil {
		return nil, err
	}
	d.indexRoot()
	return d, nil
}

// readNodes reads the n nodes, root first, breadth first, checking that
// every node but the root is the child of an earlier node, that labels are
// valid (from 1, below maxLabel) and ascend among siblings, and that the
// children counts add up.
func (d *segDict) readNodes(r *dictReader, n int, logTotal float32, maxLabel uint32) error {
	d.nodes = make([]dictNode, n+1) // the last one closes node n−1's range
	d.nodes[0].first = 1
	parent := 0
	for i := 0; i < n; i++ {
		delta, kids, freq := r.uvarint("label"), r.uvarint("children"), r.uvarint("frequency")
		if r.err != nil {
			return r.err
		}
		nd := &d.nodes[i]
		if next := uint64(nd.first) + kids; next > uint64(n) {
			return fmt.Errorf("node %d: %d children, beyond the %d nodes", i, kids, n)
		} else {
			d.nodes[i+1].first = uint32(next)
		}
		if i > 0 {
			if uint32(i) >= nd.first {
				return fmt.Errorf("node %d: no parent", i)
			}
			for d.nodes[parent+1].first <= uint32(i) {
				parent++
			}
			label := delta
			if uint32(i) > d.nodes[parent].first {
				label += uint64(d.nodes[i-1].label)
				if delta == 0 {
					return fmt.Errorf("node %d: label not above its sibling's", i)
				}
			}
			if label == 0 || label >= uint64(maxLabel) {
				return fmt.Errorf("node %d: bad label %d", i, label)
			}
			nd.label = uint32(label)
		}
		if freq > 0 {
			nd.dist = logTotal - float32(math.Log2(float64(freq)))
			d.words++
		}
	}
	if n == 0 || d.nodes[n].first != uint32(n) {
		return errors.New("children counts do not add up")
	}
	return nil
}

// indexRoot fills root from the root's children.
func (d *segDict) indexRoot() {
	for c := d.nodes[0].first; c < d.nodes[1].first; c++ {
		if l := d.nodes[c].label; l < uint32(len(d.root)) {
			d.root[l] = c
		}
	}
}

// child returns the child of node p by label, 0 for none.
func (d *segDict) child(p, label uint32) uint32 {
	if p == 0 && label < uint32(len(d.root)) {
		return d.root[label]
	}
	lo, hi := d.nodes[p].first, d.nodes[p+1].first
	for lo < hi {
		m := (lo + hi) / 2
		if d.nodes[m].label < label {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < d.nodes[p+1].first && d.nodes[lo].label == label {
		return lo
	}
	return 0
}

// hasChildren reports whether node c begins longer words.
func (d *segDict) hasChildren(c uint32) bool { return d.nodes[c+1].first > d.nodes[c].first }

// lattice holds one goroutine's buffers for segDict.segment.
type lattice struct {
	key   []byte    // the text, ASCII letters lowered
	off   []int32   // unit i is key[off[i]:off[i+1]]
	label []uint32  // unit i's label
	dist  []float32 // distance of the best path covering units 0..i
	size  []int32   // units of the last word of that path
	spans []int32   // the words found, as start, end byte offsets
}

var lattices = sync.Pool{New: func() any { return new(lattice) }}

// segment cuts text into words and returns their byte spans as pairs
// (start, end) in lt.spans, in order; they cover text.
//
// It is gse's Segment: text is cut into units (see split); then, unit by
// unit from the left, every dictionary word starting at unit i extends the
// best path ending just before i, and the path with the least sum of
// distances to the end of each unit is kept (the first found on a tie; a
// unit that starts no one-unit word is also a word of distance 32). The
// sums are float32, added in gse's order, so ties break as in gse.
func (d *segDict) segment(lt *lattice, text string) []int32 {
	lt.key = lowerASCII(append(lt.key[:0], text...))
	lt.split(d)
	n := len(lt.label)
	lt.dist = slices.Grow(lt.dist[:0], n)[:n]
	lt.size = slices.Grow(lt.size[:0], n)[:n]
	clear(lt.dist)
	for cur := range n {
		var base float32
		if cur > 0 {
			base = lt.dist[cur-1]
		}
		found, firstLen := 0, 0
		node := uint32(0)
		for end := cur; end < n; end++ {
			node = d.child(node, lt.label[end])
			if node == 0 {
				break
			}
			if dist := d.nodes[node].dist; dist > 0 {
				if found == 0 {
					firstLen = end + 1 - cur
				}
				found++
				lt.relax(end, base+dist, int32(end+1-cur))
			}
			if !d.hasChildren(node) {
				break
			}
		}
		if found == 0 || firstLen > 1 {
			lt.relax(cur, base+pseudoDist, 1)
		}
	}
	return lt.backtrack(n)
}

// split cuts lt.key into units, as gse's SplitTextToWords does, setting
// lt.off, and labels them in lt.label. A run of letters and digits each at
// most two bytes long in UTF-8 (Latin, Greek, Cyrillic …) is one unit;
// every other rune (Han characters, punctuation, space) and every invalid
// byte is a unit of its own.
func (lt *lattice) split(d *segDict) {
	key := lt.key
	lt.off = append(lt.off[:0], 0)
	lt.label = lt.label[:0]
	run := -1 // where the current run of letters and digits started
	for i := 0; i < len(key); {
		c := key[i]
		r, size := rune(c), 1
		switch {
		case c < utf8.RuneSelf:
		case i+3 <= len(key) && isHan(key[i:i+3]): // isHan checks the encoding
			r, size = rune(c&0x0F)<<12|rune(key[i+1]&0x3F)<<6|rune(key[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRune(key[i:])
		}
		if size <= 2 && isAlnum(r) {
			if run < 0 {
				run = i
			}
			i += size
			continue
		}
		if run >= 0 {
			lt.addUnit(d, run, i)
			run = -1
		}
		if r == utf8.RuneError && size == 1 {
			lt.off, lt.label = append(lt.off, int32(i+1)), append(lt.label, noLabel)
		} else {
			lt.off, lt.label = append(lt.off, int32(i+size)), append(lt.label, uint32(r))
		}
		i += size
	}
	if run >= 0 {
		lt.addUnit(d, run, len(key))
	}
}

// addUnit appends the unit key[start:end], a run of letters and digits.
func (lt *lattice) addUnit(d *segDict, start, end int) {
	u := lt.key[start:end]
	label := uint32(noLabel)
	if r, size := utf8.DecodeRune(u); size == len(u) {
		label = uint32(r)
	} else if l, ok := d.runs[string(u)]; ok {
		label = l
	}
	lt.off, lt.label = append(lt.off, int32(end)), append(lt.label, label)
}

// isAlnum reports whether r is a letter or a digit to gse.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r-'a') < 26 || uint32(r-'A') < 26 || uint32(r-'0') < 10
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// relax records a path reaching the end of unit at of distance dist whose
// last word is size units long, when it is the first or a shorter one.
func (lt *lattice) relax(at int, dist float32, size int32) {
	if lt.dist[at] == 0 || lt.dist[at] > dist {
		lt.dist[at] = dist
		lt.size[at] = size
	}
}

// backtrack reads the best path from its end and returns its words' spans
// in text order.
func (lt *lattice) backtrack(n int) []int32 {
	lt.spans = lt.spans[:0]
	for i := n - 1; i >= 0; {
		j := i - int(lt.size[i]) + 1
		lt.spans = append(lt.spans, lt.off[i+1], lt.off[j])
		i = j - 1
	}
	slices.Reverse(lt.spans)
	return lt.spans
}

// lowerASCII lowers the ASCII letters of b in place (gse lowers Latin
// letters, which are always inside a unit of letters and digits).
func lowerASCII(b []byte) []byte {
	for i, c := range b {
		if c-'A' < 26 {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}
