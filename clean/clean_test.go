package clean

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The -update flag rewrites golden files. It is registered here only if
// another test file of the package has not registered it already.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

// updateGolden reports whether -update was given.
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// realDataDir is the read-only real data, outside the repository.
var realDataDir = filepath.Join("..", "..", "shared")

// seeds returns the real seeds, by file name (none when ../shared is
// absent).
func seeds(t testing.TB) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(realDataDir, "seeds", "*.txt"))
	out := map[string]string{}
	for _, f := range files {
		out[filepath.Base(f)] = readUTF8(t, f)
	}
	return out
}

// readUTF8 reads a file of text that must be UTF-8: the fixtures and the
// seeds are, so they are cleaned as read (package reports decodes other
// encodings before it cleans).
func readUTF8(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(raw) {
		t.Fatalf("%s: not UTF-8", name)
	}
	return string(raw)
}

func TestFoldWidth(t *testing.T) {
	testStrings(t, "FoldWidth", FoldWidth, []stringCase{
		{"ascii unchanged", "GDP 5.2%", "GDP 5.2%"},
		{"han unchanged", "乡村振兴", "乡村振兴"},
		{"full-width letters and digits", "ＧＤＰ增长５．２％", "GDP增长5.2%"},
		{"full-width plus", "互联网＋政务服务", "互联网+政务服务"},
		{"chinese punctuation kept", "稳就业，保民生；好！（一）？：", "稳就业，保民生；好！（一）？："},
		{"ideographic space", "省长　王予波", "省长 王予波"},
		{"nbsp", "12\u00a0个", "12 个"},
		{"zero-width removed", "交出一份人\u200b民满意\u200c\u200d\ufeff", "交出一份人民满意"},
		{"soft hyphen removed", "co\u00adoperation", "cooperation"},
		{"tab to space", "时间\t作者", "时间 作者"},
		{"crlf and cr", "一\r\n二\r三", "一\n二\n三"},
		{"form feed is a line break", "第一页\f第二页", "第一页\n第二页"},
		{"line separator", "一\u2028二", "一\n二"},
		{"controls removed", "a\x00b\x07c\x7f", "abc"},
		{"invalid utf-8", "好\xff坏", "好\uFFFD坏"},
		{"half-width katakana widened", "ｶﾀｶﾅ", "カタカナ"},
		{"full-width angle brackets kept", "＜＞", "＜＞"},
		{"empty", "", ""},
	})
}

func TestASCIIChars(t *testing.T) {
	if len(asciiChars) != utf8.RuneSelf {
		t.Fatalf("len(asciiChars) = %d", len(asciiChars))
	}
	for i := range utf8.RuneSelf {
		if asciiChars[i] != byte(i) {
			t.Errorf("asciiChars[%d] = %q", i, asciiChars[i])
		}
	}
}

func TestFoldWidthNoAllocWhenClean(t *testing.T) {
	s := strings.Repeat("全面推进乡村振兴，加快建设农业强国。GDP增长5.2%。\n", 100)
	if n := testing.AllocsPerRun(10, func() { _ = FoldWidth(s) }); n != 0 {
		t.Errorf("FoldWidth of clean text allocates %v times", n)
	}
}

func TestJoinZeroWidthBreaks(t *testing.T) {
	testStrings(t, "JoinZeroWidthBreaks", JoinZeroWidthBreaks, []stringCase{
		{"wikisource break inside a word", "交出一份人\n\u200b\n民满意的答卷。", "交出一份人民满意的答卷。"},
		{"crlf", "交出一份人\r\n\u200b\r\n民满意", "交出一份人民满意"},
		{"after a full stop the break stays", "数字规则。\n\u200b\n强化反垄断", "数字规则。\n\u200b\n强化反垄断"},
		{"next line blank", "一份人\n\u200b\n\n民满意", "一份人\n\u200b\n\n民满意"},
		{"mark line with text", "一份人\n\u200b注\n民满意", "一份人\n\u200b注\n民满意"},
		{"no mark", "一份人\n\n民满意", "一份人\n\n民满意"},
		{"at start", "\u200b\n政府工作报告", "\u200b\n政府工作报告"},
	})
}

func TestStripHTML(t *testing.T) {
	testStrings(t, "StripHTML", StripHTML, []stringCase{
		{"plain text unchanged", "各位代表：\n现在 a < b 且 c > d", "各位代表：\n现在 a < b 且 c > d"},
		{"paragraphs", "<p>各位代表：</p><p>现在，我代表</p>", "\n各位代表：\n\n现在，我代表\n"},
		{"br", "一、回顾<br>过去一年<br/>", "一、回顾\n过去一年\n"},
		{"inline tags removed", "<p>实施<b>千万工程</b></p>", "\n实施千万工程\n"},
		{"script and style removed", "<p>文</p><script>var a='<p>x</p>';</script><style>p{}</style>", "\n文\n"},
		{"comment removed", "<div>甲<!-- 广告 -->乙</div>", "\n甲乙\n"},
		{"entities decoded", "<p>&ldquo;千万工程&rdquo;&nbsp;12&nbsp;个 R&amp;D</p>", "\n“千万工程” 12 个 R&D\n"},
		{"escaped tags stay text", "<p>&lt;p&gt;</p>", "\n＜p＞\n"},
		{"source line breaks are spaces", "<p>第一\n行</p>", "\n第一 行\n"},
		{"table cells", "<table><tr><td>项目</td><td>投资</td></tr></table>", "\n\n 项目  投资 \n\n"},
		{"stray angle bracket", "<p>a<3 b</p>", "\na＜3 b\n"},
		{"uppercase tags", "<P>文</P><BR>", "\n文\n\n"},
	})
}

func TestCollapseSpaces(t *testing.T) {
	testStrings(t, "CollapseSpaces", CollapseSpaces, []stringCase{
		{"trim", "  各位代表  ", "各位代表"},
		{"runs", "37.5   KB  |", "37.5 KB |"},
		{"nothing to do", "New York", "New York"},
		{"only spaces", "   ", ""},
	})
}

func TestJoinSpacedHan(t *testing.T) {
	testStrings(t, "JoinSpacedHan", JoinSpacedHan, []stringCase{
		{"year and han (seed 003)", "2020 年度某街道工作总结和 2021 年度工作思路", "2020年度某街道工作总结和2021年度工作思路"},
		{"pdf wrap inside a word (seed 003)", "工作部 署,紧跟全市", "工作部署,紧跟全市"},
		{"percent (seed 003)", "同 比下降 15%", "同比下降15%"},
		{"latin and han (seed 004)", "R&D 经费 7 亿元", "R&D经费7亿元"},
		{"latin words stay", "New York 和 Public domain", "New York和Public domain"},
		{"file size stays", "37.5 KB", "37.5 KB"},
		{"name spacing", "省长 龚 正", "省长龚正"},
		{"comma then han (seed 003)", "不动摇, 全力推进", "不动摇,全力推进"},
		{"heading after a full stop", "第二。 (一)全力保障经济", "第二。\n(一)全力保障经济"},
		{"chinese heading after han", "工作思路 一、2020 年度工作总结", "工作思路\n一、2020年度工作总结"},
		{"digit heading after han stays joined", "增长 1.5 亿元", "增长1.5亿元"},
		{"quote", "“xx 法国日”", "“xx法国日”"},
		{"no spaces", "乡村振兴", "乡村振兴"},
	})
}

func TestIsJunkLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"下载", true},
		{"【字号：", true},
		{"】", true},
		{"。", false}, // the end of a sentence a page layout put on a line of its own
		{"？！", false},
		{">", true},
		{"• 热门搜索:", true},
		{"• 当前位置 首页 >专题范文 > 工作汇报 >", true},
		{"浏览数: 发布时间:2023-12-09 10:45:02", true},
		{"诺仪文秘网 - www.zhuhainuoyiwuye.com 2024年04月28日 14:31 星期日", true},
		{"- 2021-04-15 发布 |", true},
		{"- 37.5 KB |", true},
		{"- 11页", true},
		{"申明敬告: 本站不保证该用户上传的文档完整性", true},
		{"索引号: | 001008006002071/2020-144703 | 主题分类: | 综合政务/政府工作 |", true},
		{"---|---|---|---|", true},
		{"冀ICP备05019657号-1", true},
		{"© 2007-2018 www.gaoyang.gov.cn", true},
		{"（来源：青海日报）", true},
		{"2026-02-03 09:02:33", true},
		{"2026年02月10日 07时41分", true},
		{"be341a59f1dd422394845dcb3fce09dc:", true},
		{"王正谱作政府工作报告。本报记者 霍艳恩摄", true},
		{"河北省人民政府微博", true},
		{"Top", true},
		// issue 14, item 16: menus and breadcrumbs on one line.
		{"首页|新闻|乡村振兴专栏", true},
		{"首页 > 政务公开 > 规划计划", true},
		{"首页＞要闻", true},
		{"网站地图|页面纠错|版权声明|关于我们|联系我们", true}, // the one line the corpus loses (益阳_2024)
		{"乡村振兴│共同富裕│营商环境│民生实事", true},
		{"2023年政府部门工作汇报多篇9篇", false},
		{"生产总值|5.2%|增长", false},                 // a table row: a number
		{"指标|目标", false},                        // two items, none a navigation word
		{"乡村振兴|共同富裕|营商环境", false},               // three items, none a navigation word
		{"我们坚持稳中求进，推动高质量发展|乡村振兴", false},        // punctuation: a sentence
		{"全县上下>众志成城>攻坚克难>取得了决定性胜利的重大成就", false}, // an item too long
		{"——2026年1月26日在河北省第十四届人民代表大会第四次会议上", false},
		{"（2001年1月8日）", false},
		{"各位代表：", false},
		{"一、2019年工作回顾", false},
		{"省长 王予波", false},
		{"全面推进乡村振兴，加快建设农业强国。", false},
	}
	for _, tt := range tests {
		if got := isJunkLine(tt.line); got != tt.want {
			t.Errorf("isJunkLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// junkProse is a paragraph long enough to end a junk zone.
const junkProse = "现在，我代表县人民政府向大会报告工作，请予审议，并请政协委员和列席会议的同志提出意见。"

func TestDropJunk(t *testing.T) {
	report := strings.Repeat(junkProse+"\n", 8)
	testStrings(t, "DropJunk", DropJunk, []stringCase{
		{"toolbar head", "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n" + junkProse,
			"2026年某省政府工作报告\n" + junkProse},
		{"source and time after the title", "2026年某省政府工作报告\n来源：某某日报\n时间：2026-02-09\n省长 某某\n" + junkProse,
			"2026年某省政府工作报告\n省长 某某\n" + junkProse},
		{"label value on the next line", "某报告\n来源:\n四川日报\n" + junkProse, "某报告\n" + junkProse},
		{"breadcrumb", "您的位置:\n首页\n>\n云南要闻\n云南要闻\n2026年政府工作报告\n" + junkProse, "2026年政府工作报告\n" + junkProse},
		{"abstract", "评论：\n0\n内容摘要：\n" + junkProse + "\n政府工作报告\n" + junkProse, "政府工作报告\n" + junkProse},
		{"junk-looking line in the middle stays", junkProse + "\n下载\n" + junkProse, junkProse + "\n下载\n" + junkProse},
		{"tail links", junkProse + "\n推荐访问:政府部门 多篇 工作汇报\n相关文章:\nTop", junkProse},
		{"read more suffix (seed 003)", junkProse + "推进干部廉政教育工程。查看更多", junkProse + "推进干部廉政教育工程。"},
		{"footer with junkProse in it", report + "相关报道：\n" + junkProse + "\n打印本页", strings.TrimSpace(report)},
		{"wikisource licence", report + "本作品是中华人民共和国的\n法律\n、\n" + junkProse + "\nPublic domain\nfalse", strings.TrimSpace(report)},
		{"footer too long to cut", junkProse + "\n相关报道：\n" + junkProse + "\n" + junkProse, junkProse + "\n相关报道：\n" + junkProse + "\n" + junkProse},
		{"title kept with no junkProse", "工作报告\n2020年度某街道工作总结", "工作报告\n2020年度某街道工作总结"},
		{"navigation line of a saved page", "首页|新闻|乡村振兴专栏\n2026年某县政府工作报告\n" + junkProse, "2026年某县政府工作报告\n" + junkProse},
		{"menu line in the middle stays", junkProse + "\n首页|新闻|乡村振兴专栏\n" + junkProse, junkProse + "\n首页|新闻|乡村振兴专栏\n" + junkProse},
		{"empty", "", ""},
	})
}

// TestCleanSpacedMenu: a menu whose links are separated by spaces is not
// glued into one word (首页新闻政务公开乡村振兴专栏, counted as a
// mention of 乡村振兴) but dropped with the page's junk; words a PDF
// spaced out are still joined.
func TestCleanSpacedMenu(t *testing.T) {
	testStrings(t, "Clean", Clean, []stringCase{
		{"menu at the head", "首页 新闻 政务公开 乡村振兴专栏\n2026年某县政府工作报告\n" + junkProse, "2026年某县政府工作报告\n" + junkProse},
		{"menu in the middle kept as items", junkProse + "\n首页 新闻 乡村振兴专栏\n" + junkProse, junkProse + "\n首页|新闻|乡村振兴专栏\n" + junkProse},
		{"pdf words joined", junkProse + "\n我们 坚持 稳中求进 推动 发展\n" + junkProse, junkProse + "\n我们坚持稳中求进推动发展\n" + junkProse},
		{"spaced title joined", "安国市 人民政府 政府工作报告\n" + junkProse, "安国市人民政府政府工作报告\n" + junkProse},
	})
}

func TestJoinBrokenLines(t *testing.T) {
	// pdf is a fixed-width extraction: full lines of 28 characters.
	pdf := strings.Join([]string{
		"现在，我代表镇人民政府向大会报告工作，请予审议，并请列席会",
		"议的同志提出意见。",
		"一、2022年工作回顾",
		"过去一年，我们坚持稳中求进工作总基调，全力推动经济社会高质",
		"量发展，全镇实现地区生产总值三十五亿元，同比增长百分之六。",
		"- 2 -",
		"深入实施乡村振兴战略，建成省级美丽乡村示范村三个，改革持续",
		"深化，营商环境不断优化，群众获得感幸福感安全感显著增强。",
		"（一）产业发展提质增效。新增规上工业企业十二家，完成工业投",
		"资八亿元，数字经济核心产业增加值增长百分之十五，新引进亿元",
		"以上项目六个。",
	}, "\n")
	pdfWant := strings.Join([]string{
		"现在，我代表镇人民政府向大会报告工作，请予审议，并请列席会议的同志提出意见。",
		"一、2022年工作回顾",
		"过去一年，我们坚持稳中求进工作总基调，全力推动经济社会高质量发展，全镇实现地区生产总值三十五亿元，同比增长百分之六。",
		"深入实施乡村振兴战略，建成省级美丽乡村示范村三个，改革持续深化，营商环境不断优化，群众获得感幸福感安全感显著增强。",
		"（一）产业发展提质增效。新增规上工业企业十二家，完成工业投资八亿元，数字经济核心产业增加值增长百分之十五，新引进亿元以上项目六个。",
	}, "\n")
	web := strings.Join([]string{"一、2023年工作回顾", junkProse, "新的一年", junkProse, "各位代表！"}, "\n")
	testStrings(t, "JoinBrokenLines", JoinBrokenLines, []stringCase{
		{"pdf lines", pdf, pdfWant},
		{"web text, one paragraph a line", web, web},
		{"continuation punctuation", "细颗粒物（PM2.5\n）浓度继续下降", "细颗粒物（PM2.5）浓度继续下降"},
		{"open bracket (wikisource)", "细颗粒物（PM\n2.5\n）浓度", "细颗粒物（PM2.5）浓度"},
		{"open title mark", "根据《\n中华人民共和国著作权法\n》第五条", "根据《中华人民共和国著作权法》第五条"},
		{"open bracket before a heading", "见（\n一、工作回顾", "见（\n一、工作回顾"},
		{"latin words", "New (\nYork", "New (York"},
		{"scraped link breaks (河北省_2019)", "加快奶业振兴示范省建设。加强非洲猪瘟疫情防控工作。改善农村人居环境。强力推进以垃圾、污水、厕所为重点的农村人居环境\n整治\n三年行动，村容村貌明显改善。",
			"加快奶业振兴示范省建设。加强非洲猪瘟疫情防控工作。改善农村人居环境。强力推进以垃圾、污水、厕所为重点的农村人居环境整治三年行动，村容村貌明显改善。"},
		{"short title line stays", "2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上",
			"2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上"},
		{"long line before a heading stays", "过去一年，我们坚持稳中求进工作总基调，全力推动经济社会高质量发展取得新成效新进展\n二、2024年工作安排",
			"过去一年，我们坚持稳中求进工作总基调，全力推动经济社会高质量发展取得新成效新进展\n二、2024年工作安排"},
		{"blank line blocks", "根据《\n\n中华人民共和国", "根据《\n\n中华人民共和国"},
		{"short lines stay", "政府工作报告\n各位代表：\n现在", "政府工作报告\n各位代表：\n现在"},
	})
}

func TestIsHeadingStart(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"一、2019年工作回顾", true},
		{"十二、加强政府自身建设", true},
		{"（一）产业发展", true},
		{"(二)城乡面貌", true},
		{"第一章 总则", true},
		{"第三部分 工作安排", true},
		{"1.加快发展", true},
		{"10.提升政府建设效能", true},
		{"2、主要任务", true},
		{"（3）推进", true},
		{"①稳就业", true},
		{"2.5）浓度", false},
		{"2020年", false},
		{"一是经济增长", false},
		{"一年来", false},
		{"第一时间", false},
		{"(PM2.5)", false},
	}
	for _, tt := range tests {
		if got := isHeadingStart(tt.s); got != tt.want {
			t.Errorf("isHeadingStart(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestCleanGolden runs Clean on the fixtures testdata/*.input and
// compares with *.golden (rewritten with -update). The seed*.input files
// are short excerpts of the seeds; the others are synthetic.
func TestCleanGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			got := Clean(readUTF8(t, in)) + "\n"
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if updateGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestCleanGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("Clean(%s) differs from %s:\n got:\n%s\nwant:\n%s", in, golden, got, want)
			}
		})
	}
}

// idempotenceCases are inputs Clean must be idempotent on, beyond the
// fixtures and the seeds.
var idempotenceCases = []string{
	"",
	"\n\n\n",
	"  各位代表  \n\n\n\n现在",
	"下载\n打印\n" + junkProse + "\n下载",
	"<p>&amp;lt;p&amp;gt;</p>",
	"<p>a<div</p>",
	"<\u200bp>文</p>",
	"工作思路 一、 (一) 1. 文",
	"根据《\n《\n《\n",
	"查看更多查看更多",
	"。 (一) 。 (二)",
}

func TestCleanIdempotent(t *testing.T) {
	cases := append([]string(nil), idempotenceCases...)
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(raw))
	}
	all := seeds(t)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		cases = append(cases, all[name])
	}
	for i, in := range cases {
		once := Clean(in)
		if twice := Clean(once); twice != once {
			t.Errorf("case %d: Clean not idempotent:\n once: %.300q\ntwice: %.300q", i, once, twice)
		}
		if !utf8.ValidString(once) {
			t.Errorf("case %d: invalid utf-8 out", i)
		}
	}
}

// TestCleanSeeds checks each real seed, cleaned: no navigation junk at the head or tail, no space between Chinese
// characters, no blank-line runs.
func TestCleanSeeds(t *testing.T) {
	all := seeds(t)
	if len(all) == 0 {
		t.Skip("no seeds under", realDataDir)
	}
	for name, text := range all {
		t.Run(name, func(t *testing.T) {
			c := Clean(text)
			lines := strings.Split(c, "\n")
			for _, l := range append(lines[:min(5, len(lines))], lines[max(0, len(lines)-3):]...) {
				if l != "" && isJunkLine(l) {
					t.Errorf("junk line left at head or tail: %q", l)
				}
			}
			for _, junk := range []string{"当前位置", "热门搜索", "浏览数", "推荐访问", "相关文章", "申明敬告", "查看更多", "索引号"} {
				if strings.Contains(c, junk) {
					t.Errorf("%q left in the text", junk)
				}
			}
			if i := spacedHan(c); i >= 0 {
				t.Errorf("space between Chinese characters: %q", c[max(0, i-12):min(len(c), i+12)])
			}
			if strings.Contains(c, "\n\n\n") || strings.Contains(c, "  ") {
				t.Errorf("blank-line or space runs left")
			}
			if HanCount(c) < HanCount(text)*9/10 {
				t.Errorf("Clean lost text: %d of %d Chinese characters left", HanCount(c), HanCount(text))
			}
		})
	}
}

// spacedHan returns the byte offset of a space with a Chinese character on
// both sides, or -1.
func spacedHan(s string) int {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		n, _ := utf8.DecodeRuneInString(s[i+1:])
		if IsHan(p) && IsHan(n) {
			return i
		}
	}
	return -1
}

// cleanBenchText is about 1 MB of real reports: the national reports of the
// shared corpus when present, else the synthetic fixtures repeated.
func cleanBenchText(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	files, _ := filepath.Glob(filepath.Join(realDataDir, "corpus", "national", "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "*.input"))
	}
	for sb.Len() < 1<<20 {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(raw)
			sb.WriteByte('\n')
			if sb.Len() >= 1<<20 {
				break
			}
		}
	}
	return sb.String()
}

func BenchmarkClean(b *testing.B) {
	text := cleanBenchText(b)
	want := len(Clean(text))
	if want < len(text)*9/10 {
		b.Fatalf("Clean kept %d of %d bytes", want, len(text))
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if c := Clean(text); len(c) != want {
			b.Fatalf("Clean gave %d bytes, then %d", want, len(c))
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range idempotenceCases {
		f.Add(s)
	}
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	for _, in := range inputs {
		if raw, err := os.ReadFile(in); err == nil {
			f.Add(string(raw))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Clean(s)
		if !utf8.ValidString(once) {
			t.Fatalf("Clean(%q) = %q: invalid utf-8", s, once)
		}
		if twice := Clean(once); twice != once {
			t.Fatalf("Clean not idempotent on %q:\n once: %q\ntwice: %q", s, once, twice)
		}
	})
}

func ExampleClean() {
	text := "下载\n打印\n【字号：\n加大\n还原\n减小\n】\n" +
		"2020 年度某街道工作总结\n" +
		"今年以来，全力推进产业转型升级，ＧＤＰ同 比增长 3%，完成年度目标任务。查看更多"
	fmt.Println(Clean(text))
	// Output:
	// 2020年度某街道工作总结
	// 今年以来，全力推进产业转型升级，GDP同比增长3%，完成年度目标任务。
}

// TestWidthUpTo: below the limit widthUpTo is displayWidth; from the limit
// on it is at least the limit, however long the rest of the line.
func TestWidthUpTo(t *testing.T) {
	for _, s := range []string{"", "abc", "乡村振兴", "a乡b", "é乡", strings.Repeat("全面推进乡村振兴，", 40), "\xe4\xb8"} {
		full := displayWidth(s)
		for _, limit := range []int{0, 1, 4, 7, 100, full, full + 1} {
			got := widthUpTo(s, limit)
			if full < limit && got != full || full >= limit && got < limit {
				t.Errorf("widthUpTo(%q, %d) = %d, displayWidth %d", s, limit, got, full)
			}
		}
	}
	if got := displayWidth("a乡，é"); got != 6 {
		t.Errorf("displayWidth = %d, want 6", got)
	}
}

// TestIsMenuSeparator: isMenuSeparator says yes to the runes of
// menuSeparators and to no other.
func TestIsMenuSeparator(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := isMenuSeparator(r), strings.ContainsRune(menuSeparators, r); got != want {
			t.Errorf("isMenuSeparator(%q) = %v, want %v", r, got, want)
		}
	}
}

// stringCase is a case of a table test of a function from string to string.
type stringCase struct{ name, in, want string }

// testStrings runs the cases of the function named name, f, each as a
// subtest.
func testStrings(t *testing.T, name string, f func(string) string, cases []stringCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := f(tt.in); got != tt.want {
				t.Errorf("%s(%q)\n = %q\nwant %q", name, tt.in, got, tt.want)
			}
		})
	}
}
