package sections

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// secFiller is filler prose for synthetic reports: long enough that no line of
// it is a heading, and carrying words that would classify a heading.
const secFiller = "过去一年，我们坚持稳中求进工作总基调，认真落实各项任务和工作安排，经济社会发展取得新成效，人民群众获得感明显增强。\n"

// wantSection is an expected section: its part and heading; its span is
// found from the heading's place in the text.
type wantSection struct {
	part    Part
	heading string
}

func TestSplitSections(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		want []wantSection // nil: no sections
	}{
		{"review, plan, closing heading stays in plan",
			"各位代表：\n" + secFiller + "一、2023年工作回顾\n" + secFiller + "二、2024年工作安排\n" + secFiller + "三、全面加强政府自身建设\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年工作安排"}}},
		{"heading at the very start has no preamble",
			"一、2023年工作回顾\n" + secFiller + "二、2024年重点工作\n" + secFiller, 0,
			[]wantSection{{PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年重点工作"}}},
		{"主要工作 by year: earlier is review, same is plan",
			"各位代表：\n一、2023年主要工作\n" + secFiller + "二、2024年主要工作\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年主要工作"}, {PartPlan, "二、2024年主要工作"}}},
		{"主要工作 of the report's own year is plan",
			"各位代表：\n一、2023年主要工作\n" + secFiller + "二、2024年主要工作\n" + secFiller, 2023,
			[]wantSection{{PartAll, ""}, {PartPlan, "一、2023年主要工作"}}},
		{"主要工作 with the year unknown: review first, plan after",
			"各位代表：\n一、2023年主要工作\n" + secFiller + "二、2024年主要工作\n" + secFiller, 0,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年主要工作"}, {PartPlan, "二、2024年主要工作"}}},
		{"same year in review and plan (seed 001)",
			"各位代表：\n一、2023年工作回顾\n" + secFiller + "二、2023年主要任务\n" + secFiller, 0,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2023年主要任务"}}},
		{"a sentence naming 工作回顾 is not a heading",
			"各位代表：\n关于2023年工作回顾，我们认为成绩来之不易。" + secFiller + "一、2024年工作安排\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartPlan, "一、2024年工作安排"}}},
		{"second-level ordinals when there is no top level",
			"各位代表：\n（一）2023年工作回顾\n" + secFiller + "(二)2024年工作计划\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "（一）2023年工作回顾"}, {PartPlan, "(二)2024年工作计划"}}},
		{"second-level ordinals ignored under top-level ones",
			"一、2023年工作回顾\n（一）经济运行\n" + secFiller + "（二）今后工作计划\n" + secFiller + "二、2024年工作安排\n" + secFiller, 2024,
			[]wantSection{{PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年工作安排"}}},
		{"第一部分",
			"序言\n" + secFiller + "第一部分 过去五年工作回顾\n" + secFiller + "第二部分 今后五年的主要任务\n" + secFiller, 0,
			[]wantSection{{PartAll, ""}, {PartReview, "第一部分 过去五年工作回顾"}, {PartPlan, "第二部分 今后五年的主要任务"}}},
		{"arabic ordinals and full width",
			"各位代表：\n１．2023年工作回顾\n" + secFiller + "2.2024年工作安排\n" + secFiller, 0,
			[]wantSection{{PartAll, ""}, {PartReview, "１．2023年工作回顾"}, {PartPlan, "2.2024年工作安排"}}},
		{"bare headings (岳阳)",
			"各位代表：\n　　2023年工作回顾\n" + secFiller + "　　2024年工作安排\n" + secFiller + "　　一、立稳实体经济重要支柱，夯实高质量发展根基\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "2023年工作回顾"}, {PartPlan, "2024年工作安排"}}},
		{"bare headings with a colon",
			"2021年高阳成绩单\n2021年工作回顾：\n" + secFiller + "2022年工作安排：\n" + secFiller + "今年政府工作的总体要求是：\n" + secFiller, 2022,
			[]wantSection{{PartAll, ""}, {PartReview, "2021年工作回顾："}, {PartPlan, "2022年工作安排："}}},
		{"flattened line with spaces",
			"各位代表：　　现在，我代表市人民政府向大会报告工作。一、2023年工作回顾　　" + strings.Repeat("过去的一年，极不寻常，极不容易。", 30) + "二、2024年政府工作安排　　" + strings.Repeat("今年要抓好以下工作。", 10), 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年政府工作安排"}}},
		{"headings glued to their paragraph",
			"各位代表：\n一、2023年工作回顾2023年是枣庄发展史上具有里程碑意义的一年，" + secFiller + "二、2024年工作安排2024年是中华人民共和国成立75周年，" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年工作安排"}}},
		{"run-in topical paragraphs are not headings",
			"一、2004年工作回顾\n四、社会事业全面进步。牢固确立科教兴冀主体战略地位，完成各项任务。\n" + secFiller + "二、2005年工作的总体要求\n" + secFiller, 2005,
			[]wantSection{{PartReview, "一、2004年工作回顾"}, {PartPlan, "二、2005年工作的总体要求"}}},
		{"implicit plan after a top-level review",
			"各位代表！\n一、1991年国内工作的回顾\n" + secFiller + "二、抓紧有利时机，加快经济发展\n" + secFiller + "三、关于外交工作\n" + secFiller, 1992,
			[]wantSection{{PartAll, ""}, {PartReview, "一、1991年国内工作的回顾"}, {PartPlan, "二、抓紧有利时机，加快经济发展"}}},
		{"no implicit plan across a closing heading",
			"一、2023年工作回顾\n" + secFiller + "三、加强政府自身建设\n" + secFiller, 2024,
			[]wantSection{{PartReview, "一、2023年工作回顾"}}},
		{"no implicit plan after a bare review heading",
			"2023年工作回顾\n" + secFiller + "一、综合施策稳增长，经济恢复回升向好\n" + secFiller, 2024,
			[]wantSection{{PartReview, "2023年工作回顾"}}},
		{"plan only",
			"各位代表：\n" + secFiller + "二、2024年工作安排\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartPlan, "二、2024年工作安排"}}},
		{"a review heading after the plan is ignored",
			"一、2024年工作安排\n" + secFiller + "二、2023年工作回顾\n" + secFiller, 2024,
			[]wantSection{{PartPlan, "一、2024年工作安排"}}},
		{"heading with review and plan words opens the review",
			"一、1998年工作回顾和1999年工作的总体要求\n" + secFiller + "二、继续扩大内需\n" + secFiller, 1999,
			[]wantSection{{PartReview, "一、1998年工作回顾和1999年工作的总体要求"}, {PartPlan, "二、继续扩大内需"}}},
		{"成就 then 目标任务 after review opens the plan",
			"一、2025年工作回顾\n" + secFiller + "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n" + secFiller, 2026,
			[]wantSection{{PartReview, "一、2025年工作回顾"}, {PartPlan, "二、“十四五”时期发展成就和“十五五”时期主要目标任务"}}},
		{"planning period is plan; 计划生育 is not a plan word",
			"一、“十三五”时期经济社会发展回顾\n" + secFiller + "二、认真贯彻实行计划生育\n" + secFiller + "三、全力做好“十四五”开局工作\n" + secFiller, 0,
			[]wantSection{{PartReview, "一、“十三五”时期经济社会发展回顾"}, {PartPlan, "三、全力做好“十四五”开局工作"}}},
		{"Chinese-numeral years",
			"一、一九八九年的回顾\n" + secFiller + "二、一九九○年的国内工作\n" + secFiller, 1990,
			[]wantSection{{PartReview, "一、一九八九年的回顾"}, {PartPlan, "二、一九九○年的国内工作"}}},
		{"national: past five years and this year's proposals",
			"各位代表：\n    一、过去五年工作回顾\n" + secFiller + "二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策\n" + secFiller + " 三、对今年政府工作的建议\n" + secFiller, 2013,
			[]wantSection{{PartAll, ""}, {PartReview, "一、过去五年工作回顾"}, {PartPlan, "二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策"}}},
		{"long numbered line is not a heading",
			"一、" + strings.Repeat("经济运行总体平稳", 8) + "工作回顾\n" + secFiller, 0, nil},
		{"no headings", "各位代表：\n" + secFiller + secFiller, 2024, nil},
		{"empty", "", 0, nil},
		{"CRLF line ends",
			"各位代表：\r\n一、2023年工作回顾\r\n" + secFiller + "二、2024年工作安排\r\n" + secFiller, 2024,
			[]wantSection{{PartAll, ""}, {PartReview, "一、2023年工作回顾"}, {PartPlan, "二、2024年工作安排"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitSections(tt.text, tt.year)
			checkSections(t, tt.text, got)
			want := expectSections(t, tt.text, tt.want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("SplitSections =\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// expectSections turns expected parts and headings into sections, each
// starting where its heading first occurs in text (the preamble at 0).
func expectSections(t *testing.T, text string, want []wantSection) []Section {
	t.Helper()
	var out []Section
	for i, w := range want {
		start := 0
		if w.heading != "" {
			start = strings.Index(text, w.heading)
			if start < 0 {
				t.Fatalf("heading %q not in the text", w.heading)
			}
		}
		if i > 0 {
			out[i-1].End = start
		}
		out = append(out, Section{Part: w.part, Heading: w.heading, Start: start, End: len(text)})
	}
	return out
}

// checkSections fails the test when secs break a promise of SplitSections
// (Check).
func checkSections(t *testing.T, text string, secs []Section) {
	t.Helper()
	if err := Check(text, secs); err != nil {
		t.Fatal(err)
	}
}

func FuzzSplitSections(f *testing.F) {
	f.Add("各位代表：\n一、2023年工作回顾\n过去一年。\n二、2024年工作安排\n今年。\n三、全面加强政府自身建设\n", 2024)
	f.Add("意见。一、2023年工作回顾　　"+strings.Repeat("过去的一年。", 80)+"二、2024年工作安排　　今年。", 0)
	f.Add("一、2023年工作回顾2023年是一年，\n（一）x\n二、2023年主要工作\n", 2023)
	f.Add("第一部分 过去五年工作回顾\n第二部分 今后五年的主要任务\r\n", 0)
	f.Add("\xff一、\xfe回顾\n二、\x80安排", 0)
	f.Fuzz(func(t *testing.T, text string, year int) {
		checkSections(t, text, SplitSections(text, year))
	})
}

// TestMayEndName: where mayEndName says no, gluedScan finds no heading,
// on headings of every glued name and random strings of ordinals, names,
// spaces, quotation marks, full-width letters and punctuation.
func TestMayEndName(t *testing.T) {
	cases := []string{"一、2023年工作回顾过去的一年", "（一）主要任务全面推进", "三、2024年主要工作坚持", "一是加强基层治理，", "第二，重点工作"}
	for _, w := range gluedNames {
		cases = append(cases, "二、"+w+"今年", "二、“"+w+"”　以来")
	}
	for _, c := range cases[:3] {
		if _, ok := gluedPhrase(c); !ok {
			t.Errorf("gluedPhrase(%q): no heading", c)
		}
	}
	alphabet := []rune("一二三（）(第年2０回顾工作总结安排计划思路要点主要任务重点目标求部署建议发展成就是加强“”「」 　，。ＡＢ\n")
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		r := make([]rune, 1+rng.IntN(50))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(r))
	}
	for _, c := range cases {
		if _, ok := gluedScan(c); ok && !mayEndName(c) {
			t.Fatalf("gluedScan(%q) finds a heading, mayEndName says none can end there", c)
		}
	}
}

// BenchmarkSplitSections splits a synthetic report of about 20,000
// characters, the length of a city report.
func BenchmarkSplitSections(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("政府工作报告\n各位代表：\n一、2023年工作回顾\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&sb, "（%d）%s", i, secFiller)
	}
	sb.WriteString("二、2024年工作安排\n")
	for i := 0; i < 60; i++ {
		sb.WriteString(secFiller)
	}
	sb.WriteString("三、全面加强政府自身建设\n" + secFiller)
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if secs := SplitSections(text, 2024); len(secs) != 3 {
			b.Fatalf("got %d sections", len(secs))
		}
	}
}

func ExampleSplitSections() {
	text := "各位代表：\n一、2023年工作回顾\n过去一年……\n二、2024年工作安排\n今年……\n三、全面加强政府自身建设\n……\n"
	for _, s := range SplitSections(text, 2024) {
		fmt.Printf("%-6s %q %q\n", s.Part, s.Heading, text[s.Start:s.End])
	}
	// Output:
	// all    "" "各位代表：\n"
	// review "一、2023年工作回顾" "一、2023年工作回顾\n过去一年……\n"
	// plan   "二、2024年工作安排" "二、2024年工作安排\n今年……\n三、全面加强政府自身建设\n……\n"
}

// TestCheck: Check accepts what SplitSections returns and names each
// broken promise.
func TestCheck(t *testing.T) {
	text := "各位代表：\n一、2023年工作回顾\n回顾。\n二、2024年工作安排\n安排。\n"
	good := SplitSections(text, 2024)
	if len(good) != 3 {
		t.Fatalf("SplitSections gave %d sections, want 3: %+v", len(good), good)
	}
	if err := Check(text, good); err != nil {
		t.Fatalf("Check(SplitSections) = %v", err)
	}
	edit := func(f func(s []Section)) []Section {
		s := append([]Section(nil), good...)
		f(s)
		return s
	}
	for _, c := range []struct {
		name string
		secs []Section
		want string
	}{
		{"short of the end", edit(func(s []Section) { s[2].End-- }), "want 0.."},
		{"gap", edit(func(s []Section) { s[1].End -= 3; s[1].Start -= 3 }), "splits a character"},
		{"overlap", edit(func(s []Section) { s[2].Start = s[1].Start + len("一") }), "previous ends"},
		{"heading not at start", edit(func(s []Section) { s[1].Heading = "二、" }), "not at its start"},
		{"parts fall", edit(func(s []Section) { s[1].Part, s[2].Part = s[2].Part, s[1].Part }), "after"},
		{"preamble later", edit(func(s []Section) { s[1].Part, s[1].Heading = PartAll, "" }), "with heading"},
	} {
		err := Check(text, c.secs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Check = %v, want an error with %q", c.name, err, c.want)
		}
	}
}
