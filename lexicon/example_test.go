package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
)

func Example() {
	builtin, err := lexicon.Parse("builtin.txt", strings.NewReader(
		"[economy]\n六稳\n六保\n六稳六保 | 六稳、六保\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	mine, err := lexicon.Parse("mine.txt", strings.NewReader(
		"[environment]\n五水共治\n河长制 | 河长\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	lex, warnings, err := lexicon.New(builtin, mine)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(lex.Entries), "entries,", len(warnings), "warnings")

	text := "做好六稳六保工作，深化五水共治，全面推行河长制。"
	for _, m := range lex.Matcher().Find(text) {
		e := lex.Entries[m.Entry]
		fmt.Printf("%s %s [%d,%d) nested=%v\n", e.Slogan, e.Category, m.Start, m.End, m.Nested)
	}
	// Output:
	// 5 entries, 0 warnings
	// 六稳六保 economy [6,18) nested=false
	// 六稳 economy [6,12) nested=true
	// 六保 economy [12,18) nested=true
	// 五水共治 environment [33,45) nested=false
	// 河长制 environment [60,69) nested=false
}

func ExampleNew_replace() {
	builtin := []lexicon.Entry{{Slogan: "六稳", Category: "economy", File: "builtin", Line: 3}}
	mine := []lexicon.Entry{{Slogan: "六稳", Aliases: []string{"稳就业"}, Category: "jobs", File: "mine.txt", Line: 1}}
	lex, warnings, _ := lexicon.New(builtin, mine)
	fmt.Println(warnings[0])
	fmt.Println(lex.Entries[0].Category, lex.Entries[0].Aliases)
	// Output:
	// lexicon mine.txt:1: 六稳 replaces the built-in entry 六稳 (economy)
	// jobs [稳就业]
}

func ExampleParse_errors() {
	_, err := lexicon.Parse("mine.yaml", strings.NewReader(`
- slogan: 两山理论
  aliases: [两山]
  category: environment
- slogan: 绿水青山
  aliases: [两山]
  categroy: environment
`))
	fmt.Println(err)
	// Output:
	// lexicon mine.yaml:5: missing category
	// lexicon mine.yaml:5: alias 两山 of 绿水青山 already belongs to 两山理论 (mine.yaml:2)
	// lexicon mine.yaml:7: unknown field 'categroy' (did you mean 'category'?)
}

func ExampleNormalize() {
	fmt.Println(lexicon.Normalize(" 互联网＋ 行动\u200b"))
	fmt.Println(lexicon.Normalize("５Ｇ"))
	// Output:
	// 互联网+行动
	// 5G
}

func ExampleLexicon_Lookup() {
	lex, _, _ := lexicon.New(nil, []lexicon.Entry{{Slogan: "两山理论", Aliases: []string{"绿水青山就是金山银山"}}})
	i, ok := lex.Lookup("绿水青山就是金山银山")
	fmt.Println(lex.Entries[i].Slogan, ok)
	_, ok = lex.Lookup("金山银山")
	fmt.Println(ok)
	// Output:
	// 两山理论 true
	// false
}

func ExampleMatcher_Find_exclude() {
	// 创新发展理念 ("innovate the development concept") is a verb phrase,
	// not the slogan 新发展理念 it contains.
	entries, err := lexicon.Parse("mine.txt", strings.NewReader("[ideology]\n新发展理念 | !创新发展理念\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	lex, _, _ := lexicon.New(nil, entries)
	text := lexicon.Normalize("尊重发展规律，创新发展理念。贯彻新发展理念。")
	for _, m := range lex.Matcher().Find(text) {
		fmt.Printf("%s [%d,%d)\n", text[m.Start:m.End], m.Start, m.End)
	}
	// Output:
	// 新发展理念 [48,63)
}

func ExampleMatcher_Find_typesetting() {
	// Quotation marks are transparent inside a mention; a form written
	// with 、 is a compound, found in all its spellings.
	entries, _ := lexicon.Parse("mine.txt", strings.NewReader(
		"[environment]\n能耗双控\n碳达峰碳中和 | 碳达峰、碳中和\n"))
	lex, _, _ := lexicon.New(nil, entries)
	text := "推动能耗“双控”向碳排放“双控”转变，积极稳妥推进碳达峰与碳中和。"
	for _, m := range lex.Matcher().Find(text) {
		form, _ := lex.FormOf(text[m.Start:m.End])
		fmt.Printf("%s: %s (form %s)\n", lex.Entries[m.Entry].Slogan, text[m.Start:m.End], form)
	}
	// Output:
	// 能耗双控: 能耗“双控 (form 能耗双控)
	// 碳达峰碳中和: 碳达峰与碳中和 (form 碳达峰、碳中和)
}

func ExampleUnmark() {
	fmt.Println(lexicon.Unmark("“三权”分置"))
	// Output: 三权分置
}

func ExampleLexicon_Contractions() {
	entries, _ := lexicon.Parse("mine.txt", strings.NewReader("[environment]\n河长制\n湖长制\n河湖长制\n"))
	lex, _, _ := lexicon.New(nil, entries)
	for _, c := range lex.Contractions() {
		fmt.Println(c)
	}
	// Output:
	// 河湖长制 merges 河长制 and 湖长制 but counts as a mention of 湖长制 only: make it count for both or for neither
}

func ExampleContext() {
	text := "坚持稳中求进工作总基调，\n完整准确全面贯彻新发展理念"
	start := strings.Index(text, "新发展理念")
	left, right := lexicon.Context(text, start, start+len("新发展理念"), 12)
	fmt.Printf("%s[新发展理念]%s\n", left, right)
	// Output: 基调， 完整准确全面贯彻[新发展理念]
}
