package htmlreport

import "testing"

func TestCommandLine(t *testing.T) {
	for _, c := range []struct {
		sub             string
		inherited, flag []string
		bom             bool
		paths           []string
		want            string
	}{
		{"trend", nil, []string{"--wide"}, false, []string{"reports/"}, "tifa trend --wide -f csv reports/"},
		{"similar", []string{"--space=words", "--meta", "m.csv"}, []string{"--by", "region"}, true, []string{"a b", "-"},
			"tifa similar --space=words --meta m.csv --by region --bom -f csv 'a b' -"},
		{"docs", nil, nil, false, []string{"-odd"}, "tifa docs -f csv -- -odd"},
	} {
		if got := CommandLine(c.sub, c.inherited, c.flag, c.bom, c.paths); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
