package cluster

import "testing"

func TestParseK(t *testing.T) {
	for _, c := range []struct {
		k, kRange      string
		want, lo, hi   int
		kErr, rangeErr bool
	}{
		{"auto", "2..10", 0, 2, 10, false, false},
		{"4", "3..3", 4, 3, 3, false, false},
		{"0", "10..2", 0, 0, 0, true, true},
		{"x", "2-10", 0, 0, 0, true, true},
		{"-1", "..5", 0, 0, 0, true, true},
	} {
		k, err := ParseK(c.k)
		if (err != nil) != c.kErr || k != c.want {
			t.Errorf("ParseK(%q) = %d, %v", c.k, k, err)
		}
		lo, hi, err := ParseKRange(c.kRange)
		if (err != nil) != c.rangeErr || lo != c.lo || hi != c.hi {
			t.Errorf("ParseKRange(%q) = %d, %d, %v", c.kRange, lo, hi, err)
		}
	}
	for _, m := range Methods {
		if HasTree(m) != (m == "average" || m == "complete" || m == "ward") {
			t.Errorf("HasTree(%s) = %v", m, HasTree(m))
		}
	}
}
