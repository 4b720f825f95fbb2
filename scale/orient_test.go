package scale

import "testing"

func TestOrient(t *testing.T) {
	for _, c := range []struct {
		years []int
		want  [2]int
	}{
		{[]int{2015, 2010, 2020, 2010, 2020}, [2]int{1, 2}}, // the first of the earliest, the first of the latest
		{[]int{0, 2020, 0, 2018}, [2]int{3, 1}},
		{[]int{2020, 2020, 2020}, [2]int{0, 1}}, // one year: no time to read
		{[]int{0, 0}, [2]int{0, 1}},
		{[]int{0, 2019, 0}, [2]int{0, 1}},
	} {
		if got := Orient(c.years); got != c.want {
			t.Errorf("Orient(%v) = %v, want %v", c.years, got, c.want)
		}
	}
}
