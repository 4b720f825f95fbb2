package audit_test

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/audit"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

func ExampleNewSampler() {
	entries, _ := lexicon.Parse("mine.txt", strings.NewReader("[economy]\n六稳\n六稳六保 | 六稳、六保\n"))
	lex, _, _ := lexicon.New(nil, entries)
	d := &reports.Document{ID: "a.txt", Text: "做好“六稳”、“六保”工作，坚持六稳。"}
	s := audit.NewSampler(lex, 1, 42, 4, nil)
	s.Add(d, reports.PartAll)
	for _, l := range s.Lines() {
		fmt.Printf("%s (%d mentions): %s[%s]%s, form %s, offset %d\n", l.Entry, l.Mentions, l.Left, l.Match, l.Right, l.Form, l.Offset)
	}
	// Output:
	// 六稳 (2 mentions): 做好“[六稳]”、“六, form 六稳, offset 9
	// 六稳六保 (1 mentions): 做好“[六稳”、“六保]”工作，, form 六稳、六保, offset 9
}

func ExampleRead() {
	file := "entry,category,mentions,verdict\n" +
		"负面清单,reform,112,yes\n" +
		"负面清单,reform,112,no\n" +
		"放管服,reform,300,是\n"
	lines, err := audit.Read("judged.csv", strings.NewReader(file))
	fmt.Println(len(lines), err)
	_, err = audit.Read("judged.csv", strings.NewReader("entry,mentions,verdict\n六稳,3,maybe\n"))
	fmt.Println(err)
	// Output:
	// 3 <nil>
	// audit judged.csv:2: bad verdict "maybe": write yes or no (or leave it empty, or ?, to skip the line)
}

func ExampleScore() {
	lines, _ := audit.Read("judged.csv", strings.NewReader("entry,category,mentions,verdict\n"+
		"负面清单,reform,100,yes\n负面清单,reform,100,no\n"+
		"放管服,reform,300,yes\n放管服,reform,300,yes\n"))
	r := audit.Score(lines)
	for _, p := range r.Entries {
		fmt.Printf("%s: %.2f (%.2f–%.2f), ~%.0f false\n", p.Name, p.P, p.Low, p.High, p.False)
	}
	// (100·0.5 + 300·1)/400 = 0.875, on an effective 400²/(100²/2 + 300²/2) = 3.2 lines
	fmt.Printf("all: %.3f on %.1f lines\n", r.All.P, r.All.N)
	// Output:
	// 负面清单: 0.50 (0.09–0.91), ~50 false
	// 放管服: 1.00 (0.34–1.00), ~0 false
	// all: 0.875 on 3.2 lines
}

func ExampleWilson() {
	low, high := audit.Wilson(81.0/263, 263, 1.96)
	fmt.Printf("%.4f–%.4f\n", low, high)
	// Output: 0.2553–0.3662
}

func ExampleParseVerdict() {
	for _, s := range []string{"yes", " 否 ", "", "?", "maybe"} {
		v, ok := audit.ParseVerdict(s)
		fmt.Printf("%q → %q %v\n", s, v, ok)
	}
	// Output:
	// "yes" → "yes" true
	// " 否 " → "no" true
	// "" → "" true
	// "?" → "" true
	// "maybe" → "" false
}
