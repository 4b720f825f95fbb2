package topics

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParseK(t *testing.T) {
	for _, c := range []struct {
		s      string
		seeded bool
		k      int
		ok     bool
		err    bool
	}{
		{"auto", false, 0, false, false},
		{"20", false, 20, true, false},
		{"0", true, 0, true, false},
		{"0", false, 0, false, true}, // no topic at all
		{"1001", false, 0, false, true},
		{"-3", true, 0, false, true},
		{"ten", false, 0, false, true},
	} {
		k, ok, err := ParseK(c.s, c.seeded)
		if k != c.k || ok != c.ok || (err != nil) != c.err {
			t.Errorf("ParseK(%q, %v) = %d, %v, %v", c.s, c.seeded, k, ok, err)
		}
	}
}

// FuzzKs: --k-range either parses into numbers of topics in range,
// which print back to a list that parses the same, or fails; it never
// panics.
func FuzzKs(f *testing.F) {
	for _, s := range []string{"5,10,15,20,30", "2", " 3 , 4", "", ",", "0", "1001", "2..5", "-1", "1e3", "５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ks, err := ParseKs(s)
		if err != nil {
			if !strings.Contains(err.Error(), "want numbers 1..1000") {
				t.Fatalf("%q: error %v does not say what is wanted", s, err)
			}
			return
		}
		var parts []string
		for _, k := range ks {
			if k < 1 || k > MaxTopics {
				t.Fatalf("%q: k %d out of range", s, k)
			}
			parts = append(parts, strconv.Itoa(k))
		}
		again, err := ParseKs(strings.Join(parts, ","))
		if err != nil || !slices.Equal(again, ks) {
			t.Fatalf("%q: %v, printed and parsed again %v (%v)", s, ks, again, err)
		}
	})
}
