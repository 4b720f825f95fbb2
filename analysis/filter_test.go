package analysis

import (
	"testing"

	"github.com/tifa-project/tifa/reports"
)

func TestParseFilter(t *testing.T) {
	meta := reports.Meta{Region: "浙江", Level: "province", Year: 2017, Extra: map[string]string{"county": "青溪县"}}
	cases := []struct {
		specs []string
		match bool
	}{
		{[]string{"region=浙江"}, true},
		{[]string{"region=江苏|浙江"}, true},
		{[]string{"region=江苏"}, false},
		{[]string{"year=2015..2019"}, true},
		{[]string{"year=2018.."}, false},
		{[]string{"year=..2017"}, true},
		{[]string{"year=2017"}, true},
		{[]string{"region=浙江,level=province"}, true},
		{[]string{"region=浙江", "level=county"}, false},
		{[]string{"county=青溪县"}, true},
		{[]string{"doc=national/*"}, false},
		{[]string{"doc=provincial/*"}, true},
	}
	for _, c := range cases {
		f, err := ParseFilter(c.specs)
		if err != nil {
			t.Errorf("%v: %v", c.specs, err)
			continue
		}
		if got := f.Match("provincial/浙江_2017.txt", meta); got != c.match {
			t.Errorf("%v: Match = %v, want %v", c.specs, got, c.match)
		}
	}
	bad := [][]string{nil, {"region"}, {"=浙江"}, {"year=abc"}, {"year=2020..2010"}, {"level=village"}}
	for _, b := range bad {
		if _, err := ParseFilter(b); err == nil {
			t.Errorf("%v: no error", b)
		}
	}
	if f, _ := ParseFilter([]string{"year=2020"}); f.Match("x", reports.Meta{}) {
		t.Error("a document without a year matched year=2020")
	}
}
