package reuse

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/reports"
)

func TestWinnow(t *testing.T) {
	cases := []struct {
		name string
		hs   []uint64
		w    int
		want []fingerprint
	}{
		// Windows [5 3 3] [3 3 7] [3 7 1] [7 1 4]: the rightmost 3 at 2,
		// again 2, then 1 at 4 twice.
		{"ties rightmost", []uint64{5, 3, 3, 7, 1, 4}, 3, []fingerprint{{3, 2}, {1, 4}}},
		{"one window", []uint64{9, 8, 7}, 3, []fingerprint{{7, 2}}},
		{"too short", []uint64{1, 2}, 3, nil},
		{"window of one", []uint64{4, 2, 2}, 1, []fingerprint{{4, 0}, {2, 1}, {2, 2}}},
		{"breaks never chosen", []uint64{noShingle, noShingle, 6, noShingle}, 2, []fingerprint{{6, 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := winnow(c.hs, c.w); !slices.Equal(got, c.want) {
				t.Errorf("winnow(%v, %d) = %v, want %v", c.hs, c.w, got, c.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	han := []int32{'甲', '乙', '丙', '甲', '乙', '丙', -1, '甲', '乙'}
	hs := shingles(han, 2, 7)
	if len(hs) != 8 {
		t.Fatalf("%d shingles, want 8", len(hs))
	}
	if hs[0] != hs[3] || hs[0] != hs[7] || hs[1] != hs[4] {
		t.Errorf("equal runs hash differently: %v", hs)
	}
	if hs[0] == hs[1] {
		t.Errorf("甲乙 and 乙丙 hash alike: %v", hs)
	}
	if hs[5] != noShingle || hs[6] != noShingle {
		t.Errorf("shingles across the break: %v", hs[5:7])
	}
	if shingles(han[:1], 2, 7) != nil {
		t.Error("a text shorter than a shingle has shingles")
	}
}

// reuseDocs builds documents from texts, with regions and years.
func reuseDocs(texts ...string) []*reports.Document {
	var docs []*reports.Document
	for i, t := range texts {
		docs = append(docs, &reports.Document{ID: fmt.Sprintf("d%d", i+1), Text: t, Meta: reports.Meta{Region: fmt.Sprint("r", i+1), Year: 2020}})
	}
	return docs
}

func runReuse(t *testing.T, opt Options, keep PairFunc, docs ...*reports.Document) []Pair {
	t.Helper()
	r, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		r.Add(d)
	}
	return r.Pairs(keep)
}

// The shared passage of the pair tests: 40 Han characters.
const passage40 = "坚持以人民为中心的发展思想持续改善民生福祉推动城乡区域协调发展全面深化改革和开放"

func TestReusePairs(t *testing.T) {
	if n := clean.HanCount(passage40); n != 40 {
		t.Fatalf("passage40 has %d Han characters", n)
	}
	withFigures := "坚持以人民为中心的发展思想，2024，持续改善民生福祉；推动城乡区域协调发展（3），全面深化改革和开放"
	cases := []struct {
		name   string
		texts  []string
		shared []int // Shared of each pair, in order
		chars  [][]int
	}{
		{"planted with other punctuation and figures", []string{"甲乙丙丁" + passage40 + "戊己", "子丑寅" + withFigures + "卯辰"}, []int{40}, [][]int{{40}}},
		{"too short", []string{"甲" + passage40[:29*3] + "乙", "丙" + passage40[:29*3] + "丁"}, nil, nil},
		{"exactly the minimum", []string{"甲" + passage40[:30*3] + "乙", "丙" + passage40[:30*3] + "丁"}, []int{30}, [][]int{{30}}},
		{"repeated in one report counts once", []string{"甲" + passage40 + "乙", "丙" + passage40 + "丁" + passage40 + "戊"}, []int{40}, [][]int{{40}}},
		{"identical", []string{passage40 + "。" + passage40[:33*3], passage40 + "。" + passage40[:33*3]}, []int{73}, [][]int{{73}}},
		{"empty and blank", []string{"", "   \n", "2024"}, nil, nil},
		{"alone", []string{passage40}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pairs := runReuse(t, Options{}, nil, reuseDocs(c.texts...)...)
			var shared []int
			var chars [][]int
			for _, p := range pairs {
				shared = append(shared, p.Shared)
				var cs []int
				for _, x := range p.Passages {
					cs = append(cs, x.Chars)
				}
				chars = append(chars, cs)
				if p.A == p.B {
					t.Errorf("document %d compared with itself", p.A)
				}
			}
			if !slices.Equal(shared, c.shared) || fmt.Sprint(chars) != fmt.Sprint(c.chars) {
				t.Errorf("shared %v passages %v, want %v %v", shared, chars, c.shared, c.chars)
			}
		})
	}
}

func TestReusePassageOffsets(t *testing.T) {
	a := "前言。" + passage40 + "。"
	b := "第二份报告开头不同，" + strings.Replace(passage40, "发展思想", "发展思想，", 1) + "结尾"
	pairs := runReuse(t, Options{}, nil, reuseDocs(a, b)...)
	if len(pairs) != 1 || len(pairs[0].Passages) != 1 {
		t.Fatalf("pairs %+v", pairs)
	}
	p := pairs[0]
	x := p.Passages[0]
	if x.Text != passage40 || a[x.StartA:x.EndA] != passage40 || x.CharA != 3 {
		t.Errorf("A side: [%d,%d) char %d %q", x.StartA, x.EndA, x.CharA, x.Text)
	}
	if got := b[x.StartB:x.EndB]; clean.HanCount(got) != 40 || x.CharB != 10 {
		t.Errorf("B side: char %d %q", x.CharB, got)
	}
	// Oracle: 40 of 42 and 40 of 51 Han characters.
	if math.Abs(p.ShareA-40.0/42) > 1e-12 || math.Abs(p.ShareB-40.0/51) > 1e-12 || p.CharsA != 42 || p.CharsB != 51 {
		t.Errorf("shares %.6f %.6f of %d %d", p.ShareA, p.ShareB, p.CharsA, p.CharsB)
	}
	if p.Longest() != x {
		t.Errorf("Longest() = %+v", p.Longest())
	}
}

// TestReuseSections checks that only the part asked for is compared and
// that no passage crosses the gap between two sections of the part.
func TestReuseSections(t *testing.T) {
	half := len(passage40) / 2
	mk := func(id, review, plan string) *reports.Document {
		d := &reports.Document{ID: id, Text: review + "——" + plan}
		d.Sections = []reports.Section{{Part: reports.PartReview, Start: 0, End: len(review)},
			{Part: reports.PartAll, Start: len(review), End: len(review) + len("——")},
			{Part: reports.PartPlan, Start: len(review) + len("——"), End: len(d.Text)}}
		return d
	}
	a := mk("a", passage40, "甲乙丙")
	b := mk("b", "丁戊己", passage40)
	if got := runReuse(t, Options{Part: reports.PartReview}, nil, a, b); len(got) != 0 {
		t.Errorf("review parts share nothing, got %+v", got)
	}
	if got := runReuse(t, Options{}, nil, a, b); len(got) != 1 || got[0].Shared != 40 {
		t.Errorf("whole texts: %+v", got)
	}
	// The passage's halves in two review sections with a plan between
	// them: joined, the review part would hold the whole passage.
	c := &reports.Document{ID: "c", Text: passage40[:half] + "甲乙丙" + passage40[half:]}
	c.Sections = []reports.Section{{Part: reports.PartReview, Start: 0, End: half},
		{Part: reports.PartPlan, Start: half, End: half + len("甲乙丙")},
		{Part: reports.PartReview, Start: half + len("甲乙丙"), End: len(c.Text)}}
	d := mk("d", passage40, "")
	if got := runReuse(t, Options{Part: reports.PartReview, MinChars: 25}, nil, d, c); len(got) != 0 {
		t.Errorf("a passage across two sections: %+v", got)
	}
	if got := runReuse(t, Options{Part: reports.PartReview, MinChars: 20}, nil, d, c); len(got) != 1 || got[0].Shared != 40 || len(got[0].Passages) != 2 {
		t.Errorf("the two halves: %+v", got)
	}
}

// TestReuseExhaustive plants passages in random texts and checks the
// result against brute force: every maximal common run of at least
// MinChars characters (the oracle scans every diagonal), whatever the seed.
func TestReuseExhaustive(t *testing.T) {
	alphabet := []rune("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")
	rng := rand.New(rand.NewPCG(1, 2))
	randText := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for trial := range 40 {
		a, b := randText(300+rng.IntN(300)), randText(300+rng.IntN(300))
		for range 1 + rng.IntN(3) {
			p := randText(20 + rng.IntN(50))
			i, j := rng.IntN(len(a)-len(p)), rng.IntN(len(b)-len(p))
			copy(a[i:], p)
			copy(b[j:], p)
		}
		want := bruteMatches(a, b, 25)
		for _, seed := range []uint64{1, 99} {
			pairs := runReuse(t, Options{MinChars: 25, Seed: seed}, nil, reuseDocs(string(a), string(b))...)
			var got []match
			for _, p := range pairs {
				for _, x := range p.Passages {
					got = append(got, match{int32(x.CharA), int32(x.CharB), int32(x.Chars)})
				}
			}
			if !overlapFree(want) {
				continue // the greedy resolution then legitimately differs
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("trial %d seed %d: got %v, want %v", trial, seed, got, want)
			}
		}
	}
}

// bruteMatches returns the maximal common runs of a and b of at least min
// characters, sorted by position in a.
func bruteMatches(a, b []rune, min int) []match {
	var out []match
	for d := -len(b); d < len(a); d++ { // d = i − j
		run := 0
		for i := max(0, d); i <= len(a) && i-d <= len(b); i++ {
			j := i - d
			if i < len(a) && j < len(b) && a[i] == b[j] {
				run++
				continue
			}
			if run >= min {
				out = append(out, match{int32(i - run), int32(j - run), int32(run)})
			}
			run = 0
		}
	}
	slices.SortFunc(out, func(x, y match) int { return int(x.a-y.a)*100000 + int(x.b-y.b) })
	return out
}

// overlapFree reports whether no two matches share a character of a or of b.
func overlapFree(ms []match) bool {
	for i, x := range ms {
		for _, y := range ms[i+1:] {
			if x.a < y.a+y.n && y.a < x.a+x.n || x.b < y.b+y.n && y.b < x.b+x.n {
				return false
			}
		}
	}
	return true
}

func TestReuseKeep(t *testing.T) {
	docs := reuseDocs("甲"+passage40, "乙"+passage40, "丙"+passage40)
	ref := func(i int) bool { return i == 0 }
	pairs := runReuse(t, Options{}, func(a, b int) bool { return !ref(a) && ref(b) }, docs...)
	var got []string
	for _, p := range pairs {
		got = append(got, p.IDA+">"+p.IDB)
	}
	if want := []string{"d2>d1", "d3>d1"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (each against the reference d1 only, as A)", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
	}{
		{"shingle 1", Options{Shingle: 1}},
		{"shingle too large", Options{Shingle: 65, MinChars: 100}},
		{"min below shingle", Options{Shingle: 8, MinChars: 5}},
		{"negative min", Options{MinChars: -1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := New(c.opt); err == nil {
				t.Errorf("%+v: no error", c.opt)
			}
		})
	}
}

func ExampleReuser() {
	r, _ := New(Options{MinChars: 20})
	r.Add(&reports.Document{ID: "province", Text: "全面推进乡村振兴，坚持农业农村优先发展，巩固拓展脱贫攻坚成果。"})
	r.Add(&reports.Document{ID: "city", Text: "今年我们将坚持农业农村优先发展，巩固拓展脱贫攻坚成果同乡村振兴有效衔接。"})
	for _, p := range r.Pairs(nil) {
		fmt.Printf("%s–%s: %d characters, %.2f and %.2f of each\n", p.IDA, p.IDB, p.Shared, p.ShareA, p.ShareB)
		for _, x := range p.Passages {
			fmt.Println(x.Text)
		}
	}
	// Output:
	// province–city: 20 characters, 0.71 and 0.59 of each
	// 坚持农业农村优先发展，巩固拓展脱贫攻坚成果
}

// BenchmarkReuse compares the 62 provincial reports pairwise (skipped
// without ../shared/corpus); MB/s is of cleaned text.
func BenchmarkReuse(b *testing.B) {
	docs, size := testkit.CorpusDocs(b, "provincial")
	b.SetBytes(size)
	for b.Loop() {
		r, _ := New(Options{})
		for _, d := range docs {
			r.Add(d)
		}
		if pairs := r.Pairs(nil); len(pairs) < 100 {
			b.Fatalf("only %d pairs of provincial reports share a passage", len(pairs))
		}
	}
}
