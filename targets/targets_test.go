package targets

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/reports"
)

func defaultFinder(t testing.TB) *Finder {
	t.Helper()
	f, err := NewFinder(DefaultIndicators())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseIndicators(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // indicators as name:alias,alias; …
		err      error  // wrapped in the error, nil for none
		line     string // a substring of the error: file:line
	}{
		{"one a line", "GDP | 国内生产总值\n财政收入\n", "GDP:国内生产总值; 财政收入:", nil, ""},
		{"comments and blanks", "# indicators\n\n  税收 | 税收收入 # tax\n", "税收:税收收入", nil, ""},
		{"forms normalised", "ＧＤＰ | 国内 生产总值\n", "GDP:国内生产总值", nil, ""},
		{"empty alias", "GDP | | 国内生产总值\n", "GDP:国内生产总值", ErrIndicatorEmpty, "my.txt:1"},
		{"form on two lines", "GDP\n\n产值 | GDP\n", "GDP:; 产值:", ErrIndicatorClash, "my.txt:3"},
		{"empty canonical", " | 国内生产总值\n", "", ErrIndicatorEmpty, "my.txt:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inds, err := ParseIndicators("my.txt", strings.NewReader(c.in))
			var got []string
			for _, ind := range inds {
				got = append(got, ind.Name+":"+strings.Join(ind.Aliases, ","))
			}
			if s := strings.Join(got, "; "); s != c.want {
				t.Errorf("indicators %q, want %q", s, c.want)
			}
			switch {
			case c.err == nil && err != nil:
				t.Errorf("unexpected error %v", err)
			case c.err != nil && !errors.Is(err, c.err):
				t.Errorf("error %v, want %v", err, c.err)
			case c.err != nil && !strings.Contains(err.Error(), c.line):
				t.Errorf("error %q does not name %s", err, c.line)
			}
		})
	}
}

func TestDefaultIndicators(t *testing.T) {
	inds := DefaultIndicators()
	if len(inds) < 20 {
		t.Fatalf("%d built-in indicators, want at least 20", len(inds))
	}
	if inds[0].Name != HeadlineIndicator || !strings.Contains(strings.Join(inds[0].Aliases, " "), "国内生产总值") {
		t.Errorf("first indicator %+v, want %s with 国内生产总值", inds[0], HeadlineIndicator)
	}
	defaultFinder(t) // no form is claimed twice
}

func TestNewTargetFinderMerge(t *testing.T) {
	mine, err := ParseIndicators("mine.txt", strings.NewReader("财政总收入 | 财政收入 | 全部财政收入\n接待游客 | 游客接待量\n"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFinder(DefaultIndicators(), mine)
	if err != nil {
		t.Fatalf("redefining a built-in indicator by name: %v", err)
	}
	ts := f.FindText("全部财政收入增长8%，接待游客增长15%以上。")
	if len(ts) != 2 || ts[0].Indicator != "财政总收入" || ts[1].Indicator != "接待游客" {
		t.Errorf("targets %+v", ts)
	}
	clash, _ := ParseIndicators("clash.txt", strings.NewReader("增长率 | GDP\n"))
	if _, err := NewFinder(DefaultIndicators(), clash); !errors.Is(err, ErrIndicatorClash) || !strings.Contains(err.Error(), "clash.txt:1") {
		t.Errorf("an alias of another indicator: error %v", err)
	}
}

// tgt describes a target compactly for comparison:
// indicator kind low–high unit [qualifiers] (multi).
func tgt(t Target) string {
	s := t.Indicator + " " + t.Direction
	if t.HasValue {
		if t.Low == t.High {
			s += fmt.Sprintf(" %g", t.Value)
		} else {
			s += fmt.Sprintf(" %g–%g", t.Low, t.High)
		}
		s += " " + t.Unit
	}
	if len(t.Qualifiers) > 0 {
		s += " [" + strings.Join(t.Qualifiers, ";") + "]"
	}
	if t.MultiYear {
		s += " (multi)"
	}
	return s
}

func TestFindText(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"growth about", "地区生产总值增长7%左右。", []string{"地区生产总值 growth 7 % [左右]"}},
		{"better results", "国内生产总值增长6.5%左右，在实际工作中争取更好结果；", []string{"地区生产总值 growth 6.5 % [左右;争取更好结果]"}},
		{"range with one unit", "GDP增长6—6.5%。", []string{"地区生产总值 growth 6–6.5 % [区间]"}},
		{"range with two units", "国内生产总值增长6%-6.5%；", []string{"地区生产总值 growth 6–6.5 % [区间]"}},
		{"strive for more", "地区生产总值增长7%左右，力争8%。", []string{"地区生产总值 growth 7 % [左右]", "地区生产总值 growth 8 % [力争]"}},
		{"Chinese numerals range", "今年经济增长速度的宏观调控目标，定为百分之八至九。", []string{"地区生产总值 growth 8–9 % [区间]"}},
		{"Chinese numerals decimal", "国民生产总值比上年增长百分之五点四。", []string{"地区生产总值 growth 5.4 %"}},
		{"Chinese numerals with unit", "粮食总产量达到四百四十七万吨。", []string{"粮食产量 level 447 万吨"}},
		{"level with floor", "城镇新增就业1100万人以上；", []string{"城镇新增就业 level 1100 万人 [以上]"}},
		{"ceiling", "城镇调查失业率控制在5.5%以内；", []string{"城镇调查失业率 level 5.5 % [控制在;以内]"}},
		{"keep at", "粮食产量保持在1.3万亿斤以上；", []string{"粮食产量 level 1.3 万亿斤 [保持在;以上]"}},
		{"reduction, longest form wins", "单位国内生产总值能耗下降3%左右；", []string{"单位GDP能耗 reduction 3 % [左右]"}},
		{"price rise is growth", "居民消费价格涨幅3%左右；", []string{"居民消费价格 growth 3 % [左右]"}},
		{"not lower than", "一般公共预算收入增长不低于6%。", []string{"一般公共预算收入 growth 6 % [不低于]"}},
		{"in step, no value", "居民收入增长与经济增长基本同步；", []string{"城乡居民人均可支配收入 growth [同步]"}},
		{"town and country split", "城乡居民人均可支配收入分别增长6%和7%。",
			[]string{"城镇居民人均可支配收入 growth 6 %", "农村居民人均可支配收入 growth 7 %"}},
		{"two indicators, two values", "城镇居民人均可支配收入和农村居民人均纯收入分别增长8%和9%。",
			[]string{"城镇居民人均可支配收入 growth 8 %", "农村居民人均可支配收入 growth 9 %"}},
		{"pair after two levels", "一般公共预算收入176.3亿元、固定资产投资520亿元，分别增长8.6%和10%。",
			[]string{"一般公共预算收入 level 176.3 亿元", "固定资产投资 level 520 亿元", "一般公共预算收入 growth 8.6 %", "固定资产投资 growth 10 %"}},
		{"其中 is a part, not the indicator", "完成固定资产投资17.6亿元，其中城市更新投资9.4亿元。", []string{"固定资产投资 level 17.6 亿元"}},
		{"level then growth", "全市实现地区生产总值2186.5亿元，增长7.1%；", []string{"地区生产总值 level 2186.5 亿元", "地区生产总值 growth 7.1 %"}},
		{"a new subject stops the values", "国民生产总值比上年增长百分之五，工业总产值增长百分之六。", []string{"地区生产总值 growth 5 %"}},
		{"share of GDP", "国家财政性教育经费占国内生产总值比例继续保持在4%以上。", nil},
		{"ratio after the indicator", "研发经费投入相当于地区生产总值的比重达到2.5%。", nil},
		{"multi-year average", "到2025年，地区生产总值年均增长6%左右。", []string{"地区生产总值 growth 6 % [左右] (multi)"}},
		{"contribution to growth", "服务业对经济增长的贡献率达到60%以上。", nil},
		{"a count of firms", "新增进出口实绩企业120家以上。", nil},
		{"years are no values", "地区生产总值比2010年翻一番。", nil},
		{"space before percent", "经济增长速度8 %，", []string{"地区生产总值 growth 8 %"}},
		{"spaced decimal point", "地区生产总值增长5 . 5%以上。", []string{"地区生产总值 growth 5.5 % [以上]"}},
		{"line break inside", "农村居民人均可支配收入增长\n9%。", []string{"农村居民人均可支配收入 growth 9 %"}},
		{"percentage points", "城镇化率提高1个百分点，居民消费价格涨幅回落0.5个百分点。", []string{"居民消费价格 growth 0.5 个百分点"}},
		{"no number", "地区生产总值稳步增长，财政收入持续增加。", nil},
	}
	f := defaultFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := f.FindText(c.text)
			var got []string
			for _, x := range ts {
				got = append(got, tgt(x))
				if x.Start < 0 || x.End > len(c.text) || x.Start >= x.End || x.Text != oneLine(c.text[x.Start:x.End]) {
					t.Errorf("target %q: span [%d,%d) does not hold its text", x.Text, x.Start, x.End)
				}
			}
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("FindText(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestHeadlineTarget(t *testing.T) {
	cases := []struct {
		name, text string
		want       string // "" for none; else low–high
	}{
		{"stated target", "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。", "5"},
		{"range", "今年经济社会发展的主要预期目标是：国内生产总值增长6%-6.5%；", "6–6.5"},
		{"a result is no target", "2018年国内生产总值增长6.6%，总量突破90万亿元。", ""},
		{"an estimate is no target", "预计全年地区生产总值增长5.5%以上，一般公共预算收入增长5.3%。", ""},
		{"five-year target", "综合考虑各方面因素，“十五”期间年均经济增长速度预期目标为7%左右。", ""},
		{"plan draft", "“七五”计划草案规定，五年内全国工农业总产值增长百分之三十八，国民生产总值增长百分之四十四。", ""},
		{"base before striving", "主要预期目标是：地区生产总值增长6.5%、力争7%，一般公共预算收入增长6%。", "6.5"},
		{"list under a lead-in", "2003年全县经济工作的主要预期目标为：\n国内生产总值增长13.5%；\n财政收入增长8%；", "13.5"},
		{"referred back to", "农业总产值比上年增长3.5%，工业总产值增长6%；国民生产总值增长4.5%。在保持大体协调的前提下，执行中争取超过这一指标。", "4.5"},
		{"planned this year", "国家计划要求今年的国民生产总值比上年增长百分之五，工业总产值增长百分之六。", "5"},
		{"in step is no number", "居民收入增长和经济增长同步。", ""},
		{"a level is no growth target", "今年主要预期目标是：地区生产总值实现47.2亿元。", ""},
	}
	f := defaultFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, ok := HeadlineTarget(f.FindText(c.text))
			got := ""
			if ok {
				got = fmt.Sprintf("%g", h.Low)
				if h.High != h.Low {
					got += fmt.Sprintf("–%g", h.High)
				}
			}
			if got != c.want {
				t.Errorf("headline of %q = %q (%q), want %q", c.text, got, h.Text, c.want)
			}
		})
	}
}

// sectioned returns a document whose text is review + plan, with the two
// sections set (no plan section when plan is "").
func sectioned(review, plan string) *reports.Document {
	d := &reports.Document{ID: "d", Text: review + plan}
	d.Sections = []reports.Section{{Part: reports.PartReview, Heading: "一、工作回顾", Start: 0, End: len(review)}}
	if plan != "" {
		d.Sections = append(d.Sections, reports.Section{Part: reports.PartPlan, Heading: "二、工作安排", Start: len(review), End: len(review) + len(plan)})
	}
	return d
}

func TestFindPart(t *testing.T) {
	f := defaultFinder(t)
	d := sectioned("一、工作回顾\n地区生产总值增长7.1%。\n", "二、工作安排\n主要预期目标是：地区生产总值增长6.5%左右。\n")
	dt := f.Find(d, reports.PartPlan)
	if dt.Part != reports.PartPlan || len(dt.Targets) != 1 || dt.Targets[0].Value != 6.5 {
		t.Errorf("plan: part %s, targets %+v; want the 6.5 %% target only", dt.Part, dt.Targets)
	}
	if got := d.Text[dt.Targets[0].Start:dt.Targets[0].End]; got != "地区生产总值增长6.5%左右" {
		t.Errorf("span holds %q", got)
	}
	dt = f.Find(d, reports.PartReview)
	if len(dt.Targets) != 1 || dt.Targets[0].Value != 7.1 {
		t.Errorf("review: %+v; want the 7.1 %% result", dt.Targets)
	}
	noPlan := sectioned("地区生产总值增长8%左右。", "")
	if dt := f.Find(noPlan, reports.PartPlan); dt.Part != reports.PartAll || len(dt.Targets) != 1 {
		t.Errorf("no plan section: part %s, %d targets; want all, 1", dt.Part, len(dt.Targets))
	}
}

// TestHeadlineFallback: a target stated under a review heading (1998年工作
// 回顾和1999年工作的总体要求) is found in the whole text.
func TestHeadlineFallback(t *testing.T) {
	f := defaultFinder(t)
	d := sectioned("一、工作回顾和今年工作的总体要求\n今年的经济增长预期为7%左右。\n", "二、工作安排\n扩大内需。\n")
	h, part, ok := f.Headline(d, reports.PartPlan)
	if !ok || part != reports.PartAll || math.Abs(h.Value-7) > 1e-12 {
		t.Errorf("Headline = %+v, %s, %v; want 7 %% found in all", h, part, ok)
	}
	_, part, ok = f.Headline(sectioned("一、工作回顾\n国内生产总值增长6.1%。\n", "二、工作安排\n扩大内需。\n"), reports.PartPlan)
	if ok || part != reports.PartPlan {
		t.Errorf("no target stated: ok %v, part %s; want false, plan", ok, part)
	}
}

func TestParseCNNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"八", 8, true}, {"十", 10, true}, {"十一点八", 11.8, true}, {"五点四", 5.4, true},
		{"四十四", 44, true}, {"一千一百", 1100, true}, {"一千零五", 1005, true},
		{"二万三千八百五十一", 23851, true}, {"两百", 200, true}, {"一亿二千万", 120000000, true},
		{"点", 0, false}, {"五点", 0, false}, {"", 0, false},
	}
	for _, c := range cases {
		got, ok := parseCNNumber(c.in)
		if ok != c.ok || ok && math.Abs(got-c.want) > 1e-9 {
			t.Errorf("parseCNNumber(%q) = %g, %v; want %g, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func FuzzFindText(f *testing.F) {
	for _, s := range []string{"地区生产总值增长7%左右，力争8%。", "国民生产总值增长百分之八至九；", "GDP增长6—6.5%",
		"城乡居民人均可支配收入分别增长6%和7%", "居民收入增长与经济增长同步", "粮食总产量达到四百四十七万吨", "地区生产总值增长5 . 5%"} {
		f.Add(s)
	}
	finder := defaultFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, x := range finder.FindText(text) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("span [%d,%d) outside %d bytes", x.Start, x.End, len(text))
			}
			if x.HasValue && (x.Low > x.High || math.IsNaN(x.Value) || x.Unit == "") {
				t.Fatalf("bad value %+v", x)
			}
		}
	})
}

// BenchmarkFindTargets reads the targets of the State Council's reports
// (the whole cleaned text of each), as `tifa targets` does per report.
func BenchmarkFindTargets(b *testing.B) {
	raws := testkit.CorpusFiles(b, "national")
	var texts []string
	var size int64
	for _, raw := range raws {
		text, _, err := decode.Decode(raw)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, clean.Clean(text))
		size += int64(len(raw))
	}
	f := defaultFinder(b)
	b.SetBytes(size)
	for b.Loop() {
		n, heads := 0, 0
		for _, text := range texts {
			ts := f.FindText(text)
			n += len(ts)
			if _, ok := HeadlineTarget(ts); ok {
				heads++
			}
		}
		if n < 600 || heads < 30 { // 699 targets, 32 headlines when written
			b.Fatalf("%d targets, %d headlines: the finder is broken", n, heads)
		}
	}
}

func ExampleFinder_FindText() {
	f, err := NewFinder(DefaultIndicators())
	if err != nil {
		panic(err)
	}
	ts := f.FindText("今年发展主要预期目标是：国内生产总值增长6%-6.5%；城镇新增就业1100万人以上；单位国内生产总值能耗下降3%左右。")
	for _, t := range ts {
		fmt.Printf("%s %s %g..%g %s %v\n", t.Indicator, t.Direction, t.Low, t.High, t.Unit, t.Qualifiers)
	}
	h, _ := HeadlineTarget(ts)
	fmt.Println("headline:", h.Text)
	// Output:
	// 地区生产总值 growth 6..6.5 % [区间]
	// 城镇新增就业 level 1100..1100 万人 [以上]
	// 单位GDP能耗 reduction 3..3 % [左右]
	// headline: 国内生产总值增长6%-6.5%
}
