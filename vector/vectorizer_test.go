package vector

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/segment"
	"github.com/tifa-project/tifa/sparse"

	"github.com/tifa-project/tifa/reports"
)

func eachOf(docs []*reports.Document) func(func(*reports.Document) error) error {
	return func(fn func(*reports.Document) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
}

func sampleDocs() []*reports.Document {
	mk := func(id, region, level string, year int, text string) *reports.Document {
		d := testkit.Doc(id, year, "", text, "")
		d.Meta.Region, d.Meta.Level = region, level
		return d
	}
	return []*reports.Document{
		mk("a", "甲镇", "township", 2020, "乡村振兴乡村振兴美丽乡村"),
		mk("b", "甲镇", "township", 2021, "乡村振兴五水共治"),
		mk("c", "乙县", "county", 2020, "五水共治五水共治最多跑一次"),
		mk("d", "", "", 0, "没有口号的报告"),
	}
}

func TestVectorizerSlogans(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"}, []string{"美丽乡村"}, []string{"五水共治"}, []string{"最多跑一次"})
	var results []*Matrix
	for _, workers := range []int{1, 4} {
		v, err := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll)
		if err != nil {
			t.Fatal(err)
		}
		v.Workers = workers
		m, err := v.Build(eachOf(sampleDocs()))
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, m)
	}
	m := results[0]
	if !reflect.DeepEqual(results[0], results[1]) {
		t.Error("1 and 4 workers give different matrices")
	}
	if got := strings.Join(m.Terms, ","); got != "乡村振兴,美丽乡村,五水共治,最多跑一次" {
		t.Errorf("terms %s: want the lexicon order", got)
	}
	want := [][]float64{{2, 1, 0, 0}, {1, 0, 1, 0}, {0, 0, 2, 1}, {0, 0, 0, 0}}
	for i, row := range want {
		for j, w := range row {
			if got := denseAt(m.Counts, i, j); got != w {
				t.Errorf("count[%d][%d] = %v, want %v", i, j, got, w)
			}
		}
	}
	if !reflect.DeepEqual(m.Empty, []string{"d"}) {
		t.Errorf("Empty = %v, want [d]", m.Empty)
	}
	if _, err := NewVectorizer("letters", lex, nil, reports.PartAll); err == nil {
		t.Error("unknown space: no error")
	}
	if _, err := NewVectorizer(SpaceWords, lex, nil, reports.PartAll); err == nil {
		t.Error("words space without a segmenter: no error")
	}
}

func denseAt(m *sparse.CSR, i, j int) float64 {
	ind, val := m.Row(i)
	for k, c := range ind {
		if c == j {
			return val[k]
		}
	}
	return 0
}

func TestGroup(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"}, []string{"美丽乡村"}, []string{"五水共治"}, []string{"最多跑一次"})
	v, _ := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll)
	m, err := v.Build(eachOf(sampleDocs()))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		by      string
		ids     []string
		skipped []string
		row0    []float64 // summed counts of the first group
	}{
		{"doc", []string{"a", "b", "c", "d"}, nil, []float64{2, 1, 0, 0}},
		{"region", []string{"乙县", "甲镇"}, []string{"d"}, []float64{0, 0, 2, 1}},
		{"year", []string{"2020", "2021"}, []string{"d"}, []float64{2, 1, 2, 1}},
		{"region-year", []string{"乙县 2020", "甲镇 2020", "甲镇 2021"}, []string{"d"}, []float64{0, 0, 2, 1}},
		{"level", []string{"county", "township"}, []string{"d"}, []float64{0, 0, 2, 1}},
	}
	for _, c := range cases {
		t.Run(c.by, func(t *testing.T) {
			g, skipped, err := m.Group(c.by)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, u := range g.Units {
				ids = append(ids, u.ID)
			}
			if !reflect.DeepEqual(ids, c.ids) || !reflect.DeepEqual(skipped, c.skipped) {
				t.Errorf("units %v skipped %v; want %v, %v", ids, skipped, c.ids, c.skipped)
			}
			for j, w := range c.row0 {
				if got := denseAt(g.Counts, 0, j); got != w {
					t.Errorf("group 0 column %d = %v, want %v", j, got, w)
				}
			}
		})
	}
	g, _, _ := m.Group("region")
	if u := g.Units[1]; u.Meta.Region != "甲镇" || u.Meta.Year != 0 || u.Meta.Level != "township" || len(u.Docs) != 2 {
		t.Errorf("甲镇 group: %+v; want its shared region and level, no single year, 2 docs", u)
	}
	if _, _, err := m.Group("month"); err == nil {
		t.Error("Group(month): no error")
	}
}

func TestWeighAndDistinguish(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"}, []string{"美丽乡村"}, []string{"五水共治"}, []string{"最多跑一次"})
	v, _ := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll)
	m, _ := v.Build(eachOf(sampleDocs()[:3]))
	vec, err := Weigh(m, &TFIDF{})
	if err != nil {
		t.Fatal(err)
	}
	// n = 3; df: 乡村振兴 2, 美丽乡村 1, 五水共治 2, 最多跑一次 1.
	// idf = ln(4/3)+1 = 1.287682 for df 2, ln(4/2)+1 = 1.693147 for df 1.
	// Doc a: (2·1.287682, 1·1.693147) / ‖·‖ = (2.575364, 1.693147)/3.082085.
	wantA := []float64{0.835592, 0.549351}
	top := vec.TopTerms(0, 5)
	if len(top) != 2 || vec.Terms[top[0].Col] != "乡村振兴" || math.Abs(top[0].Weight-wantA[0]) > 1e-6 ||
		math.Abs(top[1].Weight-wantA[1]) > 1e-6 || top[0].Count != 2 {
		t.Errorf("TopTerms(a) = %+v, want 乡村振兴 %.6f (count 2), 美丽乡村 %.6f", top, wantA[0], wantA[1])
	}
	if sh := vec.Shared(0, 1, 3); len(sh) != 1 || vec.Terms[sh[0]] != "乡村振兴" {
		t.Errorf("Shared(a, b) = %v, want [乡村振兴]", sh)
	}
	if sh := vec.Shared(0, 2, 3); len(sh) != 0 {
		t.Errorf("Shared(a, c) = %v, want none", sh)
	}
	// Clusters {a, b} and {c}: 最多跑一次 (c: 0.549, elsewhere 0) sets c
	// apart more than 五水共治 (c: 0.836, b: 0.707, so rest 0.354).
	ds := vec.Distinguish([]int{0, 0, 1}, 2, 5, nil)
	if len(ds[1]) != 2 || vec.Terms[ds[1][0].Col] != "最多跑一次" || vec.Terms[ds[1][1].Col] != "五水共治" {
		t.Errorf("Distinguish cluster 2 = %+v, want 最多跑一次 then 五水共治", ds[1])
	}
	for _, d := range ds[0] {
		if vec.Terms[d.Col] == "五水共治" || vec.Terms[d.Col] == "最多跑一次" {
			t.Errorf("cluster 1 lists %s, which is weighted more outside it", vec.Terms[d.Col])
		}
		if d.Lift <= 1 {
			t.Errorf("lift %v of a distinguishing term should exceed 1", d.Lift)
		}
	}
}

// synthReports returns n synthetic reports of about size bytes each, made
// of sentences drawn (seeded) from the phrases of government work reports
// and a few slogans, with a review and a plan section.
func synthReports(n, size int) []*reports.Document {
	phrases := strings.Fields(`坚持 稳中求进 工作总基调 推动 高质量发展 深化 供给侧结构性改革 实施 乡村振兴战略
		加快 建设 现代化 产业体系 全面 落实 六稳六保 任务 推进 五水共治 最多跑一次 改革 优化 营商环境 扩大 内需
		稳定 就业 增加 居民 收入 生产总值 增长 百分之五 城乡 区域 协调 发展 生态 环境 保护 治理 能力 水平 提升
		科技 创新 人才 教育 医疗 养老 住房 保障 民生 实事 项目 投资 消费 外贸 开放 合作 安全 风险 防范 化解
		粮食 生产 耕地 农业 农村 农民 新型 城镇化 交通 基础设施 数字 经济 绿色 低碳 转型 营商 政府 自身 建设`)
	rng := rand.New(rand.NewPCG(7, 8))
	sentence := func(b *strings.Builder) {
		for k := 4 + rng.IntN(12); k > 0; k-- {
			b.WriteString(phrases[rng.IntN(len(phrases))])
			if rng.IntN(6) == 0 {
				b.WriteString("，")
			}
		}
		b.WriteString("。")
		if rng.IntN(4) == 0 {
			b.WriteString("\n")
		}
	}
	part := func(size int) string {
		var b strings.Builder
		for b.Len() < size {
			sentence(&b)
		}
		return b.String()
	}
	docs := make([]*reports.Document, n)
	for i := range docs {
		docs[i] = testkit.Doc(fmt.Sprintf("r%03d", i), 2000+i%26, "各位代表：\n", part(size/2), part(size/2))
	}
	return docs
}

// TestBuildWorkersSameMatrix: the words-space matrix does not depend on
// the number of workers, and its columns are sorted terms.
func TestBuildWorkersSameMatrix(t *testing.T) {
	seg := wordsSegmenter(t, testkit.SegLexicon(t))
	docs := synthReports(40, 3000)
	docs = append(docs, testkit.Doc("empty", 2020, "", "", ""))
	var first *Matrix
	for _, workers := range []int{1, 4} {
		v, err := NewVectorizer(SpaceWords, testkit.SegLexicon(t), seg, reports.PartAll)
		if err != nil {
			t.Fatal(err)
		}
		v.Workers = workers
		m, err := v.Build(eachOf(docs))
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = m
			continue
		}
		if !reflect.DeepEqual(m, first) {
			t.Errorf("workers %d: matrix differs from one worker's", workers)
		}
	}
	if !slices.IsSorted(first.Terms) || len(first.Units) != 41 || !reflect.DeepEqual(first.Empty, []string{"empty"}) {
		t.Errorf("%d units, terms sorted %v, empty %v", len(first.Units), slices.IsSorted(first.Terms), first.Empty)
	}
	col := slices.Index(first.Terms, "乡村振兴")
	if col < 0 || first.Entries[col] != 6 || first.Entries[slices.Index(first.Terms, "坚持")] != -1 {
		t.Errorf("乡村振兴 column %d, entries wrong", col)
	}
}

// TestBuildCountsTokens checks the words-space counts against the tokens
// themselves (oracle: counting Tokens' output by hand, with a map).
func TestBuildCountsTokens(t *testing.T) {
	lex := testkit.SegLexicon(t)
	seg := wordsSegmenter(t, lex)
	docs := synthReports(5, 2000)
	v, _ := NewVectorizer(SpaceWords, lex, seg, reports.PartPlan)
	m, err := v.Build(eachOf(docs))
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		want := map[string]float64{}
		for _, tk := range seg.Tokens(d.PartText(reports.PartPlan)) {
			want[tk.Text]++
		}
		got := map[string]float64{}
		ind, val := m.Counts.Row(i)
		for k, c := range ind {
			got[m.Terms[c]] = val[k]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: counts differ from its tokens' (%d terms, want %d)", d.ID, len(got), len(want))
		}
	}
}

// TestBuildEach checks that one reading gives each vectorizer the matrix
// its own Build gives (the oracle), and that an error of the reading is
// returned.
func TestBuildEach(t *testing.T) {
	lex := testkit.SegLexicon(t)
	seg := wordsSegmenter(t, lex)
	docs := synthReports(12, 1500)
	var want []*Matrix
	var vs []*Vectorizer
	for _, space := range []string{SpaceSlogans, SpaceWords} {
		v, err := NewVectorizer(space, lex, seg, reports.PartAll)
		if err != nil {
			t.Fatal(err)
		}
		m, err := v.Build(eachOf(docs))
		if err != nil {
			t.Fatal(err)
		}
		want, vs = append(want, m), append(vs, v)
	}
	reads := 0
	got, err := BuildEach(func(fn func(*reports.Document) error) error {
		reads++
		return eachOf(docs)(fn)
	}, vs...)
	if err != nil {
		t.Fatal(err)
	}
	if reads != 1 || !reflect.DeepEqual(got, want) {
		t.Errorf("%d readings; matrices equal to Build's: %v", reads, reflect.DeepEqual(got, want))
	}
	stop := errors.New("stop")
	if _, err := BuildEach(func(fn func(*reports.Document) error) error { _ = fn(docs[0]); return stop }, vs...); !errors.Is(err, stop) {
		t.Errorf("BuildEach returned %v, want %v", err, stop)
	}
}

func TestBuildStopsOnError(t *testing.T) {
	seg := wordsSegmenter(t, testkit.SegLexicon(t))
	v, _ := NewVectorizer(SpaceWords, testkit.SegLexicon(t), seg, reports.PartAll)
	v.Workers = 3
	stop := errors.New("stop")
	docs := synthReports(20, 1000)
	_, err := v.Build(func(fn func(*reports.Document) error) error {
		for _, d := range docs[:7] {
			if err := fn(d); err != nil {
				return err
			}
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Errorf("Build returned %v, want %v", err, stop)
	}
}

// BenchmarkBuild builds the words-space and slogans-space matrices of 300
// synthetic reports of 20 kB on one worker per CPU.
func BenchmarkBuild(b *testing.B) {
	lex := testkit.SegLexicon(b)
	seg := wordsSegmenter(b, lex)
	docs := synthReports(300, 20_000)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	for _, space := range []string{SpaceWords, SpaceSlogans} {
		b.Run(space, func(b *testing.B) {
			v, err := NewVectorizer(space, lex, seg, reports.PartAll)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				m, err := v.Build(eachOf(docs))
				if err != nil || len(m.Units) != len(docs) || len(m.Empty) != 0 || m.Counts.NNZ() < len(docs) {
					b.Fatalf("%v: %d units, %d empty", err, len(m.Units), len(m.Empty))
				}
			}
			b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// wordsSegmenter returns the words space's segmenter over lex, with the
// built-in stopwords.
func wordsSegmenter(tb testing.TB, lex *lexicon.Lexicon) *segment.Segmenter {
	tb.Helper()
	seg, err := segment.NewSegmenter(lex, segment.DefaultStopwords())
	if err != nil {
		tb.Fatal(err)
	}
	return seg
}
