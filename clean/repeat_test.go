package clean

import (
	"fmt"
	"strings"
	"testing"
)

// para returns a prose paragraph (≥ 30 Chinese characters, a comma) that
// differs with n.
func para(n int) string {
	return fmt.Sprintf("第%d段，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动经济社会高质量发展取得新成效。", n)
}

func paras(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, para(i))
	}
	return out
}

func TestDropRepeat(t *testing.T) {
	body := paras(1, 12)
	footer := []string{"省各设区市", "石家庄市", "承德市", "雄安新区", "省政府各部门", "版权所有：某省人民政府"}
	join := func(parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		return strings.Join(all, "\n")
	}
	title := []string{"2004年政府工作报告", "各位代表："}
	for _, c := range []struct {
		name, in, want string
		dropped        bool
	}{
		{"page and print view", join(title, body, footer, title, body, footer), join(title, body), true},
		{"copy without footer", join(body, body), join(body), true},
		{"copy then more junk", join(body, footer, body), join(body), true},
		{"once", join(title, body, footer), join(title, body, footer), false},
		{"a repeated paragraph is no copy", join(body[:6], body[:1], paras(20, 30)), join(body[:6], body[:1], paras(20, 30)), false},
		{"a repeated run, then new text", join(body, body[:5], paras(20, 40)), join(body, body[:5], paras(20, 40)), false},
		{"too short to tell", join(body[:4], body[:4]), join(body[:4], body[:4]), false},
		{"copy of a later start", join([]string{"前言很短"}, body, body), join([]string{"前言很短"}, body), true},
		{"empty", "", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, n := DropRepeat(c.in)
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if (n > 0) != c.dropped {
				t.Errorf("dropped %d characters; want a drop: %v", n, c.dropped)
			}
			if c.dropped && n != HanCount(c.in)-HanCount(c.want) {
				t.Errorf("dropped %d Chinese characters; the texts differ by %d", n, HanCount(c.in)-HanCount(c.want))
			}
			if again, m := DropRepeat(got); again != got || m != 0 {
				t.Errorf("not idempotent: a second pass dropped %d", m)
			}
		})
	}
}

func FuzzDropRepeat(f *testing.F) {
	f.Add(strings.Join(append(paras(1, 6), paras(1, 6)...), "\n"))
	f.Add("短\n" + para(1))
	f.Fuzz(func(t *testing.T, s string) {
		got, n := DropRepeat(s)
		if n < 0 {
			t.Fatalf("dropped %d", n)
		}
		if n == 0 && got != s {
			t.Fatalf("changed the text without dropping anything")
		}
		if n > 0 && HanCount(got) >= HanCount(s) {
			t.Fatalf("dropped %d but kept as many characters", n)
		}
	})
}

func TestDropRepeatKeepsFiller(t *testing.T) {
	// A paragraph repeated in a row (filler in a template) is no copy.
	filler := strings.Repeat(para(1)+"\n", 12)
	text := "各位代表：\n" + filler + "二、今年工作安排\n" + filler
	if got, n := DropRepeat(text); got != text || n != 0 {
		t.Errorf("dropped %d characters of repeated filler", n)
	}
}
