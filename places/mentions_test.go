package places

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want string // name/suffix/level, * when Gov, | between mentions
	}{
		{"店口镇2020年度政府工作报告", "店口镇/镇/township*"},
		{"现在,我代表诸暨市店口镇人民政府向大会报告工作", "诸暨市/市/prefecture|店口镇/镇/township*"},
		{"——2021年1月在嵩县城关镇第十届人民代表大会第三次会议上", "嵩县/县/county|城关镇/镇/township*"},
		{"在XX县XX镇第X届人民代表大会", ""},
		{"我县、我镇、全市城市、市场，社区、城镇", ""},
		{"社区和城镇", "和城镇/镇/township"}, // a candidate no township has: the resolver drops it
		{"和平区人民政府", "和平区/区/county*"},
		{"和龙市光明街道", "和龙市/市/prefecture|光明街道/街道/township"},
		{"杭州市人民政府", "杭州/州/prefecture*"}, // the resolver goes on to 杭州市
		{"沙县区青州镇人民政府", "沙县/县/county|区青州/州/prefecture*"},
		{"全州县", "全州县/县/county"},
		{"镇江市人民政府", "镇江市/市/prefecture*"},
		{"在镇江市", "镇江市/市/prefecture"},
		{"新市镇人民政府", "新市/市/prefecture*"}, // the resolver goes on to 新市镇
		{"乌镇人民政府", "乌镇/镇/township*"},
		{"乌镇的发展", ""},
		{"内蒙古自治区锡林郭勒盟", "内蒙古自治区/自治区/province|锡林郭勒盟/盟/prefecture"},
		{"凉山彝族自治州人民政府", "凉山彝族自治州/自治州/prefecture*"},
		{"汾湖高新区党工委和黎里镇党委", "汾湖高新区/新区/zone*|黎里镇/镇/township*"},
		{"我代表清苑县人民政府", "清苑县/县/county*"},
		{"2020年度某街道工作总结", ""},
		{"河北省保定市徐水区20xx年政府工作报告", "河北省/省/province|保定市/市/prefecture|徐水区/区/county*"},
		{"", ""},
		{"abc\xff镇", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range Mentions(tc.text) {
			s := fmt.Sprintf("%s/%s/%s", m.Name, m.Suffix, m.Level)
			if m.Gov {
				s += "*"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Mentions(%q) = %s, want %s", tc.text, g, tc.want)
		}
	}
	// Run goes back over a suffix inside a name: 镇 of 镇江市 is none.
	ms := Mentions("在镇江市")
	if len(ms) != 1 || ms[0].Run != 0 || ms[0].Start != len("在") {
		t.Errorf("Mentions(在镇江市) = %+v, want one starting after 在", ms)
	}
	ms = Mentions("诸暨市店口镇")
	if len(ms) != 2 || ms[1].Run != 0 || ms[1].Start != len("诸暨市") {
		t.Errorf("Mentions(诸暨市店口镇) = %+v, want 店口镇 with its run from 诸", ms)
	}
}

// checkMentions checks what Mentions promises for any text.
func checkMentions(t *testing.T, text string) {
	prevEnd := 0
	for _, m := range Mentions(text) {
		switch {
		case m.Run < 0 || m.Run > m.Start || m.Start >= m.End || m.End > len(text) || m.Start < prevEnd:
			t.Fatalf("Mentions(%q): bad offsets %+v (previous end %d)", text, m, prevEnd)
		case m.Name != text[m.Start:m.End]:
			t.Fatalf("Mentions(%q): Name %q is not text[%d:%d]", text, m.Name, m.Start, m.End)
		case !strings.HasSuffix(m.Name, m.Suffix) || m.Suffix == "" || m.Name == m.Suffix:
			t.Fatalf("Mentions(%q): %q does not end in its suffix %q after a stem", text, m.Name, m.Suffix)
		case !utf8.ValidString(text[m.Run:m.End]):
			t.Fatalf("Mentions(%q): %q is not valid text", text, text[m.Run:m.End])
		case m.Level == Unknown:
			t.Fatalf("Mentions(%q): %+v has no level", text, m)
		}
		prevEnd = m.End
	}
}

func FuzzMentions(f *testing.F) {
	for _, s := range []string{"店口镇2020年度政府工作报告", "在嵩县城关镇第十届人民代表大会", "我代表诸暨市店口镇人民政府", "在镇江市", "乌镇人民政府", "内蒙古自治区锡林郭勒盟", "XX县XX镇第X届", "镇\xff市县", "第", "2020"} {
		f.Add(s)
	}
	f.Fuzz(checkMentions)
}
