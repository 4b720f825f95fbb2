package segment

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// The -update flag rewrites segdict.gz. It is registered here only if
// another test file of the package has not registered it already.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files (segdict.gz: from gse's dictionary)")
	}
}

// updateSegDict reports whether -update was given.
func updateSegDict() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// loadGSE loads gse's own segmenter on its embedded zh_s dictionary, the
// oracle of segDict, once per test binary.
var loadGSE = sync.OnceValues(func() (*gse.Segmenter, error) {
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, err
	}
	return seg, nil
})

func gseSegmenter(t testing.TB) *gse.Segmenter {
	t.Helper()
	if testing.Short() {
		t.Skip("loads gse's dictionary")
	}
	seg, err := loadGSE()
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

// encodeSegDict builds the uncompressed format of segDictData from gse's
// loaded dictionary. A node is written as its path of labels, 4 bytes
// each, big-endian: breadth-first order with children by ascending label
// is then the order by length, then bytes.
func encodeSegDict(seg *gse.Segmenter) ([]byte, error) {
	type node struct {
		path string
		freq uint64
	}
	var nodes []node
	var units [][]string
	runSet := map[string]bool{}
	logTotal := float32(math.Log2(seg.Dict.TotalFreq()))
	for i := range seg.Dict.Tokens {
		tk := &seg.Dict.Tokens[i]
		key, freq := tk.Text(), tk.Freq()
		switch {
		case key == "" || !utf8.ValidString(key) || strings.ContainsRune(key, 0):
			return nil, fmt.Errorf("token %d %q: not valid text", i, key)
		case freq < 1 || freq != math.Trunc(freq) || freq > 1<<53 || logTotal-float32(math.Log2(freq)) <= 0:
			return nil, fmt.Errorf("token %d %q: frequency %v is no positive integer giving a positive distance", i, key, freq)
		}
		off := splitUnits(nil, []byte(key))
		var us []string
		for j := 1; j < len(off); j++ {
			u := key[off[j-1]:off[j]]
			if utf8.RuneCountInString(u) > 1 {
				runSet[u] = true
			}
			us = append(us, u)
		}
		units = append(units, us)
	}
	runs := slices.Sorted(maps.Keys(runSet))
	for i, us := range units {
		var path []byte
		for j, u := range us {
			label := uint32(0)
			if r, size := utf8.DecodeRuneInString(u); size == len(u) {
				label = uint32(r)
			} else {
				k, _ := slices.BinarySearch(runs, u)
				label = runLabel + uint32(k)
			}
			path = binary.BigEndian.AppendUint32(path, label)
			nd := node{path: string(path)}
			if j == len(us)-1 {
				nd.freq = uint64(seg.Dict.Tokens[i].Freq())
			}
			nodes = append(nodes, nd)
		}
	}
	slices.SortFunc(nodes, func(a, b node) int {
		if c := cmp.Compare(len(a.path), len(b.path)); c != 0 {
			return c
		}
		if c := strings.Compare(a.path, b.path); c != 0 {
			return c
		}
		return cmp.Compare(b.freq, a.freq) // the word first, then its prefix entries
	})
	nodes = slices.CompactFunc(nodes, func(a, b node) bool {
		if a.path == b.path && a.freq != 0 && b.freq != 0 {
			panic(fmt.Sprintf("segment: word %x twice", a.path))
		}
		return a.path == b.path
	})
	nodes = append([]node{{}}, nodes...) // the root
	// Children counts: the nodes one label longer, whose path starts with
	// the node's, follow in the same order as their parents.
	kids := make([]uint64, len(nodes))
	p := 0
	for c := 1; c < len(nodes); c++ {
		parent := nodes[c].path[:len(nodes[c].path)-4]
		for nodes[p].path != parent {
			p++
		}
		kids[p]++
	}
	var b []byte
	b = append(b, segDictMagic...)
	b = binary.AppendUvarint(b, uint64(len(runs)))
	for _, r := range runs {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(seg.Dict.TotalFreq()))
	b = binary.AppendUvarint(b, uint64(len(nodes)))
	prev := ""
	for i, nd := range nodes {
		delta := uint64(0)
		if i > 0 {
			label := binary.BigEndian.Uint32([]byte(nd.path[len(nd.path)-4:]))
			delta = uint64(label)
			// A sibling: same parent, so same path but the last label.
			if len(prev) == len(nd.path) && prev[:len(prev)-4] == nd.path[:len(nd.path)-4] {
				delta -= uint64(binary.BigEndian.Uint32([]byte(prev[len(prev)-4:])))
			}
		}
		b = binary.AppendUvarint(b, delta)
		b = binary.AppendUvarint(b, kids[i])
		b = binary.AppendUvarint(b, nd.freq)
		prev = nd.path
	}
	return b, nil
}

// TestSegDictMatchesGSE rebuilds the embedded dictionary from gse's and
// checks it is the same; with -update it rewrites segdict.gz.
func TestSegDictMatchesGSE(t *testing.T) {
	seg := gseSegmenter(t)
	want, err := encodeSegDict(seg)
	if err != nil {
		t.Fatal(err)
	}
	if updateSegDict() {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(want)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("segdict.gz", z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("segdict.gz: %d bytes (%d uncompressed)", z.Len(), len(want))
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(segDictData))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := got.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("segdict.gz differs from gse's dictionary (%d bytes, want %d): run go test -run TestSegDictMatchesGSE -update", got.Len(), len(want))
	}
	d, err := loadSegDict()
	if err != nil {
		t.Fatal(err)
	}
	if d.words != seg.Dict.NumTokens() {
		t.Errorf("%d words, gse has %d", d.words, seg.Dict.NumTokens())
	}
}

// dictBytes writes a dictionary in the format of segDictData: runs, then
// nodes as (label delta, children, frequency) triples.
func dictBytes(runs []string, nodes ...uint64) string {
	b := []byte(segDictMagic)
	b = binary.AppendUvarint(b, uint64(len(runs)))
	for _, r := range runs {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(8))
	b = binary.AppendUvarint(b, uint64(len(nodes)/3))
	for _, v := range nodes {
		b = binary.AppendUvarint(b, v)
	}
	return string(b)
}

func TestDecodeSegDict(t *testing.T) {
	// Total frequency 8. Nodes: 0 root (children 1, 2); 1 乙 (frequency
	// 2, child 3), 2 甲 (no word); 3 乙ab (frequency 1).
	good := dictBytes([]string{"ab"}, 0, 2, 0, '乙', 1, 2, '甲'-'乙', 0, 0, runLabel, 0, 1)
	d, err := decodeSegDict([]byte(good))
	if err != nil {
		t.Fatalf("good dictionary: %v", err)
	}
	b, a, ab := d.child(0, '乙'), d.child(0, '甲'), d.child(1, runLabel)
	if d.words != 2 || b != 1 || a != 2 || ab != 3 || d.child(2, runLabel) != 0 || d.child(1, '甲') != 0 {
		t.Fatalf("good dictionary: %d words, children 乙 %d 甲 %d 乙ab %d", d.words, b, a, ab)
	}
	if d.nodes[b].dist != 2 || d.nodes[a].dist != 0 || d.nodes[ab].dist != 3 || !d.hasChildren(b) || d.hasChildren(ab) {
		t.Errorf("good dictionary: nodes %+v", d.nodes)
	}
	for _, c := range []struct{ name, data string }{
		{"empty", ""},
		{"bad magic", "tifa-segdict-0\n"},
		{"no run count", segDictMagic},
		{"truncated run", segDictMagic + "\x01\x05ab"},
		{"no total", segDictMagic + "\x00\x00"},
		{"no nodes", dictBytes(nil)},
		{"truncated node", good[:len(good)-1]},
		{"orphan", dictBytes(nil, 0, 1, 0, '甲', 0, 1, '乙', 0, 1)},
		{"too many children", dictBytes(nil, 0, 2, 0, '甲', 0, 1)},
		{"label zero", dictBytes(nil, 0, 1, 0, 0, 0, 1)},
		{"siblings not ascending", dictBytes(nil, 0, 2, 0, '甲', 0, 1, 0, 0, 1)},
		{"unknown run", dictBytes([]string{"ab"}, 0, 1, 0, runLabel+1, 0, 2)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decodeSegDict([]byte(c.data)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// splitUnits appends to off the byte offsets at which the units of text
// start, then len(text), as lattice.split cuts them: the plain reference
// the encoder uses on dictionary words. off starts with 0.
func splitUnits(off []int32, text []byte) []int32 {
	off = append(off, 0)
	inRun := false
	for i := 0; i < len(text); {
		c := text[i]
		size := 1
		alnum := false
		if c < utf8.RuneSelf {
			alnum = isAlnum(rune(c))
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			alnum = size == 2 && isAlnum(r)
		}
		switch {
		case !alnum:
			if i > 0 && off[len(off)-1] != int32(i) {
				off = append(off, int32(i))
			}
			inRun = false
			off = append(off, int32(i+size))
		case !inRun:
			if i > 0 && off[len(off)-1] != int32(i) {
				off = append(off, int32(i))
			}
			inRun = true
		}
		i += size
	}
	if off[len(off)-1] != int32(len(text)) {
		off = append(off, int32(len(text)))
	}
	return off
}

func TestSplitUnits(t *testing.T) {
	tests := []struct {
		name, text string
		want       []int32
	}{
		{"empty", "", []int32{0}},
		{"han", "中国", []int32{0, 3, 6}},
		{"latin run", "GDP增长", []int32{0, 3, 6, 9}},
		{"digits and letters", "5G网络", []int32{0, 2, 5, 8}},
		{"run at end", "增长7.5%", []int32{0, 3, 6, 7, 8, 9, 10}},
		{"two-byte letters", "Éclair和ß", []int32{0, 7, 10, 12}},
		{"invalid byte", "a\xffb", []int32{0, 1, 2, 3}},
		{"full-width digit", "１２", []int32{0, 3, 6}},
		{"space", "a b\n", []int32{0, 1, 2, 3, 4}},
		{"upper run", "ABC中", []int32{0, 3, 6}},
	}
	d, err := loadDict()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitUnits(nil, []byte(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("splitUnits(%q) = %v, want %v", tt.text, got, tt.want)
			}
			var want []int32
			for _, w := range gse.SplitWords([]byte(tt.text)) {
				if len(want) == 0 {
					want = append(want, 0)
				}
				want = append(want, want[len(want)-1]+int32(len(w)))
			}
			if want == nil {
				want = []int32{0}
			}
			if got := splitUnits(nil, []byte(tt.text)); !slices.Equal(got, want) {
				t.Errorf("splitUnits(%q) = %v, gse's SplitWords gives %v", tt.text, got, want)
			}
			lt := &lattice{key: lowerASCII([]byte(tt.text))}
			if lt.split(d); !slices.Equal(lt.off, want) || len(lt.label) != len(want)-1 {
				t.Errorf("lattice.split(%q) = %v (%d labels), want %v", tt.text, lt.off, len(lt.label), want)
			}
		})
	}
}

// gseSpans returns gse's segmentation of text as start, end pairs.
func gseSpans(seg *gse.Segmenter, text []byte) []int32 {
	var out []int32
	for _, g := range seg.Segment(text) {
		out = append(out, int32(g.Start()), int32(g.End()))
	}
	return out
}

// sameAsGSE segments each line of text with d and gse and returns the
// first line where they differ, or "".
func sameAsGSE(d *segDict, seg *gse.Segmenter, text string) string {
	lt := new(lattice)
	for line := range strings.Lines(text) {
		want := gseSpans(seg, []byte(line))
		got := d.segment(lt, line)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !slices.Equal(got, want) {
			return fmt.Sprintf("line %q:\n got  %v\n want %v", line, got, want)
		}
	}
	return ""
}

// TestSegmentSameAsGSE checks that segDict cuts exactly as gse does, on
// the national reports (every line), on edge cases and on random text.
func TestSegmentSameAsGSE(t *testing.T) {
	seg := gseSegmenter(t)
	d, err := loadDict()
	if err != nil {
		t.Fatal(err)
	}
	edge := []string{"", "\n", "中华人民共和国国务院总理", "GDP增长7.5%，CPI上涨2%", "5G网络和PPP项目\n",
		"ＧＤＰ１２３", "Éclair和ßÀ", "a\xffb\xfe中\xe4\xb8", "AA制4S店", "1号店", "   \t", "十四五规划纲要",
		"习近平新时代中国特色社会主义思想", "《政府工作报告》（2024年）"}
	for _, text := range edge {
		if msg := sameAsGSE(d, seg, text); msg != "" {
			t.Error(msg)
		}
	}
	if text := corpusSample(40 << 20); text != "" {
		if msg := sameAsGSE(d, seg, text); msg != "" {
			t.Error(msg)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"中", "华", "人民", "共和国", "GDP", "gdp", "5", "G", "网络", "，", " ", "\xff", "é", "Ⅱ", "１", "十四五", "经济", "发展"}
	for range 3000 {
		var b strings.Builder
		for k := rng.IntN(15); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if msg := sameAsGSE(d, seg, b.String()); msg != "" {
			t.Fatal(msg)
		}
	}
}

func FuzzSegmentSameAsGSE(f *testing.F) {
	for _, s := range []string{"中华人民共和国", "GDP增长7.5%", "a\xffb", "Éclair和ß"} {
		f.Add(s)
	}
	seg := gseSegmenter(f)
	d, err := loadDict()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if msg := sameAsGSE(d, seg, text); msg != "" {
			t.Fatal(msg)
		}
	})
}

// BenchmarkSegmentLines compares segDict with gse's Segment on the same
// lines of the national reports, one goroutine.
func BenchmarkSegmentLines(b *testing.B) {
	text := benchText(b)
	var lines []string
	var blines [][]byte
	for l := range strings.Lines(text) {
		lines = append(lines, l)
		blines = append(blines, []byte(l))
	}
	d, err := loadDict()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("tifa", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		lt := new(lattice)
		for b.Loop() {
			n := 0
			for _, l := range lines {
				n += len(d.segment(lt, l)) / 2
			}
			if n < len(text)/10 {
				b.Fatalf("%d words", n)
			}
		}
	})
	b.Run("gse", func(b *testing.B) {
		seg := gseSegmenter(b)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			n := 0
			for _, l := range blines {
				n += len(seg.Segment(l))
			}
			if n < len(text)/10 {
				b.Fatalf("%d words", n)
			}
		}
	})
}
