package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
)

// bundleBody returns a synthetic report body of at least bundleMinHan Chinese
// characters, opening with its own name.
func bundleBody(name string) string {
	p := "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，统筹发展和安全。\n"
	return name + "各位代表：\n" + strings.Repeat(p, 5) + name + "完。"
}

func TestSplitBundle(t *testing.T) {
	a, b, c := bundleBody("甲镇"), bundleBody("乙镇"), bundleBody("丙区")
	short := "各位代表：现在报告工作。"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"single report", a, []string{a}},
		{"title ending in 篇N (seed 001)",
			"2023年工作汇报多篇3篇\n页面介绍。\n2023年工作汇报多篇篇1\n" + a + "\n2023年工作汇报多篇篇2\n" + b + "\n2023年工作汇报多篇篇3\n" + c,
			[]string{a, b, c}},
		{"篇一 篇二 in brackets", "【篇一】\n" + a + "\n【篇二】\n" + b, []string{a, b}},
		{"篇1 with a title", "篇1：甲镇工作报告\n" + a + "\n篇2：乙镇工作报告\n" + b, []string{a, b}},
		{"范文N", "范文一\n" + a + "\n范文二\n" + b + "\n范文三\n" + c, []string{a, b, c}},
		{"第N篇 in digits", "第1篇\n" + a + "\n第2篇\n" + b, []string{a, b}},
		{"篇十 then 篇十一 is not 1, 2", "汇报篇十\n" + a + "\n汇报篇十一\n" + b, nil},
		{"title ending in 篇十一 after 篇十", "汇报篇九\n" + a + "\n汇报篇1\n" + a + "\n汇报篇2\n" + b, []string{a, b}},
		{"table of contents passed over",
			"目录\n篇1\n篇2\n篇1\n" + a + "\n篇2\n" + b, []string{a, b}},
		{"plan parts are not a bundle", "第一篇 总体要求\n" + a + "\n第二篇 主要任务\n" + b, nil},
		{"第一篇 alone is not a bundle", "第一篇\n" + a + "\n第二篇\n" + b, nil},
		{"chinese headings are not a bundle", "一、工作回顾\n" + a + "\n二、工作安排\n" + b, nil},
		{"one marker is not a bundle", "篇1\n" + a, nil},
		{"numbers out of order", "篇1\n" + a + "\n篇3\n" + b, nil},
		{"short part", "篇1\n" + a + "\n篇2\n" + short, nil},
		{"short first part", "篇1\n" + short + "\n篇2\n" + a, nil},
		{"long line ending in 篇1 is not a marker", strings.Repeat("长", 90) + "篇1\n" + a + "\n" + strings.Repeat("长", 90) + "篇2\n" + b, nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil {
				want = []string{tt.in}
			}
			got := SplitBundle(tt.in)
			if !sameParts(got, want) {
				t.Errorf("SplitBundle gave %d parts, want %d:\n got %.200q\nwant %.200q", len(got), len(want), got, want)
			}
		})
	}
}

// sameParts reports whether a and b hold the same strings.
func sameParts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLeadingNumber(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		rest string
		ok   bool
	}{
		{"1", 1, "", true},
		{"12篇", 12, "篇", true},
		{"一", 1, "", true},
		{"十", 10, "", true},
		{"十一：", 11, "：", true},
		{"二十", 20, "", true},
		{"九十九", 99, "", true},
		{"0", 0, "", false},
		{"十十", 0, "", false},
		{"", 0, "", false},
		{"1234", 0, "1234", false},
	}
	for _, tt := range tests {
		n, rest, ok := leadingNumber(tt.in)
		if ok != tt.ok || (ok && (n != tt.n || rest != tt.rest)) {
			t.Errorf("leadingNumber(%q) = %d, %q, %v; want %d, %q, %v", tt.in, n, rest, ok, tt.n, tt.rest, tt.ok)
		}
	}
}

// realDataDir is the read-only real data, outside the repository.
var realDataDir = filepath.Join("..", "..", "shared")

// decodedSeeds returns the seeds decoded, by file name, or skips the test.
func decodedSeeds(t testing.TB) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(realDataDir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds under", realDataDir)
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := decode.Decode(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = text
	}
	return out
}

// TestSplitBundleSeed splits the real bundle seed 001 into its 9 reports,
// each starting with its own salutation, and leaves the other seeds whole.
func TestSplitBundleSeed(t *testing.T) {
	seeds := decodedSeeds(t)
	for name, text := range seeds {
		parts := SplitBundle(clean.Clean(text))
		if !strings.HasPrefix(name, "001_") {
			if len(parts) != 1 {
				t.Errorf("%s: split into %d parts, want 1", name, len(parts))
			}
			continue
		}
		if len(parts) != 9 {
			t.Fatalf("%s: %d parts, want 9", name, len(parts))
		}
		seen := map[string]bool{}
		for i, p := range parts {
			if !strings.HasPrefix(p, "各位代表") {
				t.Errorf("part %d starts %.40q, want 各位代表", i+1, p)
			}
			if strings.Contains(p, "多篇篇") || strings.Contains(p, "为大家整理") {
				t.Errorf("part %d holds a marker or the page intro", i+1)
			}
			if clean.HanCount(p) < 3000 {
				t.Errorf("part %d has %d Chinese characters", i+1, clean.HanCount(p))
			}
			head := p[:min(len(p), 300)]
			if seen[head] {
				t.Errorf("part %d repeats another part", i+1)
			}
			seen[head] = true
		}
	}
}

func FuzzSplitBundle(f *testing.F) {
	f.Add("篇1\n" + bundleBody("甲") + "\n篇2\n" + bundleBody("乙"))
	f.Add("【篇一】\n" + bundleBody("甲") + "\n【篇二】\n" + bundleBody("乙"))
	f.Add("汇报篇十\n篇一")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		parts := SplitBundle(s)
		if len(parts) == 0 {
			t.Fatalf("SplitBundle(%q) returned no part", s)
		}
		if len(parts) == 1 {
			if parts[0] != s {
				t.Fatalf("SplitBundle(%q) changed a single report", s)
			}
			return
		}
		total := 0
		for _, p := range parts {
			if clean.HanCount(p) < bundleMinHan || !strings.Contains(s, p) {
				t.Fatalf("SplitBundle(%q): bad part %q", s, p)
			}
			if utf8.ValidString(s) && !utf8.ValidString(p) {
				t.Fatalf("SplitBundle: part %q not valid utf-8", p)
			}
			total += len(p)
		}
		if total > len(s) {
			t.Fatalf("SplitBundle(%q): parts longer than the text", s)
		}
	})
}

func ExampleSplitBundle() {
	report := func(town string) string {
		return "各位代表：现在，我代表" + town + "人民政府向大会报告工作。" +
			strings.Repeat("坚持稳中求进工作总基调，着力推动高质量发展。", 12)
	}
	page := "工作报告2篇\n以下是为大家整理的文章2篇。\n" +
		"工作报告篇1\n" + report("甲镇") + "\n" +
		"工作报告篇2\n" + report("乙镇")
	for _, p := range SplitBundle(page) {
		fmt.Println(p[:len("各位代表：现在，我代表甲镇")])
	}
	// Output:
	// 各位代表：现在，我代表甲镇
	// 各位代表：现在，我代表乙镇
}
