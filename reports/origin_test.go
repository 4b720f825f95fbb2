package reports

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tifa-project/tifa/clean"
)

// locate returns the source line and page of the first occurrence of
// what in d's text (or fails the test).
func locate(t *testing.T, d *Document, what string) (line, page int) {
	t.Helper()
	off := strings.Index(d.Text, what)
	if off < 0 {
		t.Fatalf("%q not in the text %q", what, d.Text)
	}
	return d.Locate(off)
}

// TestLocateLines: the marks of a text file give each stretch of cleaned
// text the line of the file it comes from, past junk the cleaner dropped
// and lines it joined. The lines are counted by hand in src.
func TestLocateLines(t *testing.T) {
	src := strings.Join([]string{
		"首页 | 新闻 | 政务公开",   // 1: a menu, dropped
		"当前位置：首页 > 政府工作报告", // 2: breadcrumb, dropped
		"",      // 3
		"各位代表：", // 4
		"现在，我代表县人民政府向大会报告工作，请予审议，并请", // 5: broken
		"县政协各位委员提出意见。",               // 6
		"",                           // 7
		"一、2019年工作回顾",                // 8
		"全面推进乡村振兴，深化五水共治。",           // 9
		"【打印本页】【关闭窗口】",               // 10: junk
	}, "\n")
	docs := describeString(t, src)
	d := docs[0]
	tests := []struct {
		what string
		line int
	}{
		{"各位代表", 4},
		{"现在，我代表", 5},
		{"县政协各位委员", 6}, // joined to line 5's text, still line 6
		{"一、2019年", 8},
		{"2019年", 8}, // digits before the first Han character of the line
		{"乡村振兴", 9},
	}
	for _, tt := range tests {
		if line, page := locate(t, d, tt.what); line != tt.line || page != 0 {
			t.Errorf("%s: line %d page %d, want line %d page 0", tt.what, line, page, tt.line)
		}
	}
	if d.Format != "txt" || d.Pages != 0 {
		t.Errorf("format %q pages %d, want txt and 0", d.Format, d.Pages)
	}
}

// describeString describes src as the text file a.txt.
func describeString(t *testing.T, src string) []*Document {
	t.Helper()
	s := newSource(Options{})
	in := &input{id: "a.txt", path: "a.txt", name: "a.txt", plain: true}
	return s.describeText(in, []byte(src), "txt")
}

// TestMarksPages: pages joined by line breaks give marks with page
// numbers; a sentence broken at a page edge is joined as the lines of a
// page are (lines of 28 characters, as a printed report has), and its two
// halves keep their pages.
func TestMarksPages(t *testing.T) {
	para := "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协各位委员和其他列席人员提出意见。" +
		"过去一年，我们坚持稳中求进工作总基调，全面推进乡村振兴，深化五水共治，持续优化营商环境，" +
		"推动经济高质量发展，全县地区生产总值增长百分之六点五，城乡居民收入稳步增长，民生福祉持续改善。"
	var lines []string
	for r := []rune(para); len(r) > 0; {
		n := min(28, len(r))
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
	pages := []string{"各位代表：\n" + strings.Join(lines[:3], "\n"), strings.Join(lines[3:], "\n"), "", "一、工作安排\n加强政府自身建设。"}
	src := strings.Join(pages, "\n")
	starts := []int{0}
	for _, p := range pages[:len(pages)-1] {
		starts = append(starts, starts[len(starts)-1]+len(p)+1)
	}
	text := clean.Clean(src)
	if !strings.Contains(text, para) {
		t.Fatalf("the paragraph broken at the page edge is not joined: %q", text)
	}
	d := &Document{Text: text, Marks: newAligner(src, false, starts).marks(text)}
	edge := []rune(lines[3])[:4]
	tests := []struct {
		what string
		page int
	}{
		{"各位代表", 1}, {"现在，我代表", 1}, {string(edge), 2}, {"民生福祉", 2}, {"一、工作安排", 4}, {"加强", 4},
	}
	for _, tt := range tests {
		if line, page := locate(t, d, tt.what); page != tt.page || line != 0 {
			t.Errorf("%s: page %d line %d, want page %d line 0", tt.what, page, line, tt.page)
		}
	}
}

// TestMarksBundle: the parts of a bundle open with the same words; each
// part's marks point into its own stretch of the file.
func TestMarksBundle(t *testing.T) {
	part := func(year int) string {
		return strings.Join([]string{
			"青溪县" + itoa(year) + "年政府工作报告",
			"各位代表：现在，我代表县人民政府向大会报告工作，请予审议。",
			"一、" + itoa(year-1) + "年工作回顾",
			"全面推进乡村振兴，深化五水共治，优化营商环境。",
			"二、" + itoa(year) + "年工作安排",
			"坚持稳中求进工作总基调，推动高质量发展。",
		}, "\n")
	}
	src := part(2020) + "\n" + part(2021)
	al := newAligner(src, true, nil)
	first := &Document{Text: strings.ReplaceAll(part(2020), "\n", "\n\n")}
	first.Marks = al.marks(first.Text)
	second := &Document{Text: strings.ReplaceAll(part(2021), "\n", "\n\n")}
	second.Marks = al.marks(second.Text)
	for _, c := range []struct {
		d    *Document
		line int
	}{{first, 2}, {second, 8}} {
		if line, _ := locate(t, c.d, "各位代表"); line != c.line {
			t.Errorf("各位代表: line %d, want %d", line, c.line)
		}
	}
	if line, _ := locate(t, second, "推动高质量发展"); line != 12 {
		t.Errorf("the second part's last line: %d, want 12", line)
	}
}

func itoa(n int) string {
	var b [8]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// TestLocateNoMarks: a document without marks locates nothing, and an
// offset before the first mark neither.
func TestLocateNoMarks(t *testing.T) {
	d := &Document{Text: "乡村振兴"}
	if line, page := d.Locate(3); line != 0 || page != 0 {
		t.Errorf("no marks: %d %d", line, page)
	}
	d.Marks = []Mark{{Off: 3, Line: 7}}
	if line, _ := d.Locate(0); line != 0 {
		t.Errorf("before the first mark: line %d", line)
	}
	if line, _ := d.Locate(6); line != 7 {
		t.Errorf("after the first mark: line %d", line)
	}
}

// TestNoMarksOption: under Options.NoMarks a document has no marks and
// the same text and sections; with a cache the option is ignored, so a
// document kept there still locates its mentions for a later kwic.
func TestNoMarksOption(t *testing.T) {
	src := "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2019年工作回顾\n全面推进乡村振兴。"
	in := &input{id: "a.txt", path: "a.txt", name: "a.txt", plain: true}
	describe := func(opt Options) *Document {
		return newSource(opt).describeText(in, []byte(src), "txt")[0]
	}
	want := describe(Options{})
	if len(want.Marks) == 0 {
		t.Fatal("no marks by default")
	}
	got := describe(Options{NoMarks: true})
	if got.Marks != nil {
		t.Errorf("NoMarks: marks %v, want none", got.Marks)
	}
	if got.Text != want.Text || !slices.Equal(got.Sections, want.Sections) {
		t.Errorf("NoMarks changed the text or sections")
	}
	cached := describe(Options{NoMarks: true, Cache: &memCache{docs: map[string][]*Document{}}})
	if !slices.Equal(cached.Marks, want.Marks) {
		t.Errorf("NoMarks with a cache: marks %v, want %v", cached.Marks, want.Marks)
	}
}

// FuzzMarks: whatever the source, the marks of its cleaned text are in
// order, inside the text, on lines of the source, and aligning costs at
// most maxAlignFails failed searches.
func FuzzMarks(f *testing.F) {
	f.Add("各位代表：\n现在，我代表\n县人民政府报告工作。")
	f.Add("<p>&#20013;国</p>\n<p>乡村振兴</p>")
	f.Add("甲乙甲乙甲乙\n\n甲乙丙丁戊己庚辛壬癸\n" + strings.Repeat("乙", 30))
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			src = strings.ToValidUTF8(src, "\uFFFD")
		}
		text := clean.Clean(src)
		al := newAligner(src, true, []int{0, len(src) / 2})
		marks := al.marks(text)
		lines := strings.Count(src, "\n") + 1
		prev := int32(-1)
		for _, m := range marks {
			if m.Off <= prev || int(m.Off) > len(text) {
				t.Fatalf("mark %+v after %d, text of %d bytes", m, prev, len(text))
			}
			if m.Line < 1 || int(m.Line) > lines || m.Page < 1 || m.Page > 2 {
				t.Fatalf("mark %+v outside %d lines, 2 pages", m, lines)
			}
			prev = m.Off
		}
		if al.fails > maxAlignFails {
			t.Fatalf("%d failed searches", al.fails)
		}
	})
}
