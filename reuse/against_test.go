package reuse

import (
	"strings"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

func TestAgainst(t *testing.T) {
	docs := []*reports.Document{
		{ID: "national_2020", Meta: reports.Meta{Level: "national", Year: 2020}},
		{ID: "zhejiang_2020", Meta: reports.Meta{Level: "province", Year: 2020}},
		{ID: "jiangsu_2021", Meta: reports.Meta{Level: "province", Year: 2021}},
		{ID: "anhui", Meta: reports.Meta{Level: "province"}},
	}
	for _, c := range []struct {
		against  string
		sameYear bool
		noRef    bool
		want     string // the pairs (i, j) kept, i first
	}{
		{"", false, false, "01 02 03 12 13 23"},
		{"", true, false, "01"},
		{"level=national", false, false, "10 20 30"},
		{"level=national", true, false, "10"},
		{"national_2020", false, false, "10 20 30"},
		{"level=county", false, true, ""},
	} {
		a, err := ParseAgainst(c.against)
		if err != nil {
			t.Fatal(err)
		}
		a.SameYear = c.sameYear
		for _, d := range docs {
			a.Add(d)
		}
		var got []string
		for i := range docs {
			for j := range docs {
				if i != j && a.Keep(i, j) {
					got = append(got, string(rune('0'+i))+string(rune('0'+j)))
				}
			}
		}
		if g := strings.Join(got, " "); g != c.want || a.NoReference() != c.noRef {
			t.Errorf("--against %q --same-year=%v: kept %q, no reference %v; want %q, %v", c.against, c.sameYear, g, a.NoReference(), c.want, c.noRef)
		}
	}
	if a, err := ParseAgainst("superior"); err != nil || !a.Superior || a.Ref != nil {
		t.Errorf("superior: %+v, %v", a, err)
	}
	if _, err := ParseAgainst("level="); err == nil {
		t.Error("level=: no error")
	}
}
