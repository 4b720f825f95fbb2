package lexicon

import (
	"strings"
	"testing"
)

func TestCheckCategory(t *testing.T) {
	lex, _, err := New(mustParse(t, "l", "[economy]\n六稳\n六保\n[environment]\n河长制\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"", "economy", "environment"} {
		if err := lex.CheckCategory(c); err != nil {
			t.Errorf("CheckCategory(%q) = %v", c, err)
		}
	}
	err = lex.CheckCategory("weather")
	if want := `no slogan of the lexicon has category "weather" (want one of economy, environment)`; err == nil || err.Error() != want {
		t.Errorf("CheckCategory(weather) = %v, want %s", err, want)
	}
}

func TestWithCandidates(t *testing.T) {
	lex, _, err := New(mustParse(t, "l", "[economy]\n六稳\n"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := lex.WithCandidates([]string{"新质生产力", "六稳", "低空经济"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range w.Entries {
		got = append(got, e.Slogan+"/"+e.Category+"/"+e.File+":"+string(rune('0'+e.Line)))
	}
	if want := "六稳/economy/l:2 新质生产力/candidate/candidates:1 低空经济/candidate/candidates:3"; strings.Join(got, " ") != want {
		t.Errorf("WithCandidates = %s, want %s", strings.Join(got, " "), want)
	}
	if len(lex.Entries) != 1 {
		t.Errorf("WithCandidates changed its lexicon: %d entries", len(lex.Entries))
	}
}
