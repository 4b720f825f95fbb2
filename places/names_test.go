package places

import (
	"slices"
	"testing"
)

func TestShortForms(t *testing.T) {
	tests := []struct {
		name  string
		level Level
		want  []string
	}{
		{"河北省", Province, []string{"河北"}},
		{"北京市", Province, []string{"北京"}},
		{"内蒙古自治区", Province, []string{"内蒙古"}},
		{"广西壮族自治区", Province, []string{"广西"}},
		{"新疆维吾尔自治区", Province, []string{"新疆"}},
		{"宁夏回族自治区", Province, []string{"宁夏"}},
		{"西藏自治区", Province, []string{"西藏"}},
		{"保定市", Prefecture, []string{"保定"}},
		{"保定地区", Prefecture, []string{"保定"}},
		{"锡林郭勒盟", Prefecture, []string{"锡林郭勒"}},
		{"凉山彝族自治州", Prefecture, []string{"凉山", "凉山州"}},
		{"黔东南苗族侗族自治州", Prefecture, []string{"黔东南", "黔东南州"}},
		{"海西蒙古族藏族自治州", Prefecture, []string{"海西", "海西州"}},
		{"徐水县", County, []string{"徐水"}},
		{"徐水区", County, []string{"徐水"}},
		{"天门市", County, []string{"天门"}},
		{"浦东新区", County, []string{"浦东"}},
		{"大厂回族自治县", County, []string{"大厂", "大厂县"}},
		{"积石山保安族东乡族撒拉族自治县", County, []string{"积石山", "积石山县"}},
		{"鄂伦春自治旗", County, []string{"鄂伦春", "鄂伦春旗"}},
		{"神农架林区", County, []string{"神农架"}},
		{"易县", County, nil},    // a one-character stem names too much
		{"郊区", County, nil},    // all suffix
		{"店口镇", Township, nil}, // townships keep their full names
		{"全国", National, nil},
	}
	for _, tc := range tests {
		if got := shortForms(tc.name, tc.level); !slices.Equal(got, tc.want) {
			t.Errorf("shortForms(%s, %v) = %q, want %q", tc.name, tc.level, got, tc.want)
		}
	}
}

func TestParseLevel(t *testing.T) {
	tests := []struct {
		word string
		want Level
		ok   bool
	}{
		{"national", National, true},
		{"Province", Province, true},
		{" provincial ", Province, true},
		{"city", Prefecture, true},
		{"prefecture", Prefecture, true},
		{"county", County, true},
		{"district", County, true},
		{"县级市", County, true},
		{"township", Township, true},
		{"street", Township, true},
		{"街道", Township, true},
		{"zone", Zone, true},
		{"", Unknown, false},
		{"village", Unknown, false},
	}
	for _, tc := range tests {
		got, ok := ParseLevel(tc.word)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
	for l := Unknown; l <= Zone+1; l++ {
		s := l.String()
		if back, ok := ParseLevel(s); l != Unknown && l <= Zone && (!ok || back != l) {
			t.Errorf("ParseLevel(%v.String()) = %v, %v", l, back, ok)
		}
		if l == Zone+1 && s != "level(7)" {
			t.Errorf("Level(7).String() = %q", s)
		}
	}
}
