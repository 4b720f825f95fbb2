package lexicon

import "testing"

func TestContext(t *testing.T) {
	// The text is before + 六稳 + after; the mention is 六稳.
	cases := []struct {
		name          string
		before, after string
		width         int
		left, right   string
	}{
		{"narrower than the text", "做好", "工作", 1, "好", "工"},
		{"wider than the text", "做好", "工作", 20, "做好", "工作"},
		{"no context", "做好", "工作", 0, "", ""},
		{"line breaks and runs of spaces", "做\n 好", "工 \n\t作", 5, "做 好", "工 作"},
		{"invalid bytes count as characters", "\xff好", "\xfe作", 1, "好", "\xfe"},
	}
	for _, tc := range cases {
		text := tc.before + "六稳" + tc.after
		left, right := Context(text, len(tc.before), len(tc.before)+len("六稳"), tc.width)
		if left != tc.left || right != tc.right {
			t.Errorf("%s: Context = %q, %q; want %q, %q", tc.name, left, right, tc.left, tc.right)
		}
	}
}
