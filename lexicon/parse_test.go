package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// errorLines splits a joined error into its messages.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestParseText(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []Entry
	}{
		{"empty file", "", nil},
		{"comments and blank lines", "# my slogans\n\n   \n# end\n", nil},
		{"one entry", "五水共治\n", []Entry{{Slogan: "五水共治", Category: "user", File: "my.txt", Line: 1}}},
		{"aliases and trailing comment", "六稳六保 | 六稳、六保 | 稳保 # from 2020\n",
			[]Entry{{Slogan: "六稳六保", Aliases: []string{"六稳、六保", "稳保"}, Category: "user", File: "my.txt", Line: 1}}},
		// Quotation marks are transparent, so they leave the forms: “六稳”“六保”
		// is the canonical form again and dropped, 能耗“双控” is 能耗双控.
		{"quotation marks leave forms", "六稳六保 | “六稳”“六保”\n能耗“双控”|「能耗」\n",
			[]Entry{{Slogan: "六稳六保", Category: "user", File: "my.txt", Line: 1},
				{Slogan: "能耗双控", Aliases: []string{"能耗"}, Category: "user", File: "my.txt", Line: 2}}},
		{"categories", "亩均论英雄\n[economy]\n腾笼换鸟\n[ 环境 ]\n五水共治\n",
			[]Entry{
				{Slogan: "亩均论英雄", Category: "user", File: "my.txt", Line: 1},
				{Slogan: "腾笼换鸟", Category: "economy", File: "my.txt", Line: 3},
				{Slogan: "五水共治", Category: "环境", File: "my.txt", Line: 5},
			}},
		{"normalised forms, CRLF, BOM", "\ufeff互联网＋ ｜ 互联网 ＋ 行动\r\n５Ｇ\r\n",
			[]Entry{
				{Slogan: "互联网+", Aliases: []string{"互联网+行动"}, Category: "user", File: "my.txt", Line: 1},
				{Slogan: "5G", Category: "user", File: "my.txt", Line: 2},
			}},
		{"alias repeating the canonical form is dropped", "两山|两 山|两山论|两山论\n",
			[]Entry{{Slogan: "两山", Aliases: []string{"两山论"}, Category: "user", File: "my.txt", Line: 1}}},
		{"full-width comment and separator", "最多跑一次｜跑一次 ＃ note\n",
			[]Entry{{Slogan: "最多跑一次", Aliases: []string{"跑一次"}, Category: "user", File: "my.txt", Line: 1}}},
		{"exclusion", "新发展理念 | !创新发展理念\n",
			[]Entry{{Slogan: "新发展理念", Exclude: []string{"创新发展理念"}, Category: "user", File: "my.txt", Line: 1}}},
		{"aliases and exclusions mixed, normalised, repeats dropped", "千万工程|！百 千万工程|千村示范、万村整治| ! 十百千万工程 |!百千万工程\n",
			[]Entry{{Slogan: "千万工程", Aliases: []string{"千村示范、万村整治"}, Exclude: []string{"百千万工程", "十百千万工程"},
				Category: "user", File: "my.txt", Line: 1}}},
		{"a slogan starting with ! is a slogan", "!惊叹\n", []Entry{{Slogan: "!惊叹", Category: "user", File: "my.txt", Line: 1}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse("my.txt", strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	in := strings.Join([]string{
		"六稳",             // 1
		"六稳 | 稳就业",       // 2: duplicate entry
		"两山理论 | 两山",      // 3
		"绿水青山 | 两山",      // 4: alias claimed twice
		"|稳外贸",           // 5: empty canonical form
		"稳外资 | ",         // 6: empty alias
		"[]",             // 7: empty category
		"稳\xff投资",        // 8: invalid UTF-8
		"两山 | 两山论",       // 9: canonical form is another entry's alias
		"稳\x01预期",        // 10: control character
		"[economy",       // 11: unclosed category
		"新发展理念 | !新发展理念", // 12: exclusion equals its form
		"稳增长 | 保增长 | !创新发展理念", // 13: exclusion contains no form
		"土特产 | !",           // 14: empty exclusion
		"两新 | 新\x01 | !新一重", // 15: bad alias: the exclusion is not checked against the forms left
		"碳达峰、碳中和",           // 16
		"碳达峰与碳中和",           // 17: a spelling of line 16's compound
		"双碳 | 碳达峰碳中和",       // 18: an alias that spells line 16's compound
		"蓝天、、净土",            // 19: an empty part
		"碧水 | 、碧水",          // 20: an empty part
		"“”",                // 21: only quotation marks
		"稳投资 | !稳投资、稳外资 | !“稳投资”", // 22: the second exclusion is the form itself
	}, "\n")
	_, err := Parse("my.txt", strings.NewReader(in))
	want := []string{
		"lexicon my.txt:2: duplicate entry 六稳 (first at my.txt:1)",
		"lexicon my.txt:4: alias 两山 of 绿水青山 already belongs to 两山理论 (my.txt:3)",
		"lexicon my.txt:5: slogan: empty form",
		"lexicon my.txt:6: alias of 稳外资: empty form",
		"lexicon my.txt:7: empty category name []",
		"lexicon my.txt:8: line is not valid UTF-8 (save the file as UTF-8)",
		"lexicon my.txt:9: 两山 is already an alias of 两山理论 (my.txt:3)",
		`lexicon my.txt:10: slogan: form "稳\x01预期" holds a control character`,
		`lexicon my.txt:11: category line "[economy" lacks its closing ]`,
		"lexicon my.txt:12: exclusion of 新发展理念: 新发展理念 is one of its own forms (an exclusion must be a longer context)",
		"lexicon my.txt:13: exclusion of 稳增长: 创新发展理念 contains none of its forms, so it can never apply",
		"lexicon my.txt:14: exclusion of 土特产: empty form",
		`lexicon my.txt:15: alias of 两新: form "新\x01" holds a control character`,
		"lexicon my.txt:17: 碳达峰与碳中和 already spells a compound form of 碳达峰、碳中和 (my.txt:16)",
		"lexicon my.txt:18: alias 碳达峰碳中和 of 双碳 already belongs to 碳达峰、碳中和 (my.txt:16)",
		"lexicon my.txt:21: slogan: empty form",
		"lexicon my.txt:22: exclusion of 稳投资: 稳投资 is one of its own forms (an exclusion must be a longer context)",
	}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	kinds := []error{ErrDuplicate, ErrConflict, ErrForm, ErrField, ErrSyntax, ErrExclude}
	for _, k := range kinds {
		if !errors.Is(err, k) {
			t.Errorf("errors.Is(err, %v) = false", k)
		}
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "my.txt" || e.Line != 2 {
		t.Errorf("errors.As: first *Error = %+v", e)
	}
}

const goodYAML = `# test lexicon
- slogan: 六稳六保
  aliases: [六稳、六保, "“六稳”“六保”"]
  category: economy
  origin: national
  since: 2020
  note: six stabilities and six guarantees

- slogan: 五水共治
  category: environment
  origin: 浙江
  since: 2014
- slogan: 互联网＋
  aliases:
    - 互联网 ＋ 行动
  category: innovation
  note: ~
  since:
- slogan: 新发展理念
  exclude: [创新发展理念, 创新 发展理念]
  category: ideology
`

func TestParseYAML(t *testing.T) {
	got, err := Parse("mine.yaml", strings.NewReader(goodYAML))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Slogan: "六稳六保", Aliases: []string{"六稳、六保"}, Category: "economy", Origin: "national",
			Since: 2020, Note: "six stabilities and six guarantees", File: "mine.yaml", Line: 2},
		{Slogan: "五水共治", Category: "environment", Origin: "浙江", Since: 2014, File: "mine.yaml", Line: 9},
		{Slogan: "互联网+", Aliases: []string{"互联网+行动"}, Category: "innovation", File: "mine.yaml", Line: 13},
		{Slogan: "新发展理念", Exclude: []string{"创新发展理念"}, Category: "ideology", File: "mine.yaml", Line: 19},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", got, want)
	}
}

func TestParseYAMLErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty file", "", nil},
		{"only a comment", "# nothing yet\n", nil},
		// Syntax errors carry yaml.v3's line, which for parser errors is
		// the 0-based line where the unfinished construct began.
		{"syntax error", "- slogan: a\n  category: [x\n", []string{
			"lexicon my.yml:1: did not find expected ',' or ']'"}},
		{"tab", "- slogan: a\n\t- b\n", []string{
			"lexicon my.yml:2: found a tab character that violates indentation"}},
		{"not a list", "slogan: 六稳\ncategory: economy\n", []string{
			`lexicon my.yml:1: a lexicon file is a list of entries, each starting with "- slogan: …"`}},
		{"entry not a mapping", "- 六稳\n", []string{
			"lexicon my.yml:1: an entry is a mapping (slogan: …, category: …), not a single value"}},
		{"unknown field with suggestion", "- slogan: 六稳\n  categroy: economy\n", []string{
			"lexicon my.yml:1: missing category",
			"lexicon my.yml:2: unknown field 'categroy' (did you mean 'category'?)"}},
		{"unknown field", "- slogan: 六稳\n  category: economy\n  year: 2020\n", []string{
			"lexicon my.yml:3: unknown field 'year'"}},
		{"duplicate field", "- slogan: 六稳\n  category: economy\n  slogan: 六保\n", []string{
			"lexicon my.yml:3: duplicate field 'slogan'"}},
		{"missing slogan", "- category: economy\n", []string{
			"lexicon my.yml:1: missing field 'slogan'",
			"lexicon my.yml:1: slogan: empty form"}},
		{"aliases not a list", "- slogan: 六稳\n  aliases: 稳就业\n  category: economy\n", []string{
			"lexicon my.yml:2: field 'aliases' must be a list such as [六稳, 稳就业], not a single value"}},
		{"exclude not a list", "- slogan: 稳增长\n  exclude: 平稳增长\n  category: economy\n", []string{
			"lexicon my.yml:2: field 'exclude' must be a list such as [创新发展理念], not a single value"}},
		{"exclusion not a single value", "- slogan: 稳增长\n  exclude: [[平稳增长]]\n  category: economy\n", []string{
			"lexicon my.yml:2: an exclusion must be a single value, not a list"}},
		{"exclusion without a form", "- slogan: 稳增长\n  exclude: [平稳发展, ~]\n  category: economy\n", []string{
			"lexicon my.yml:1: exclusion of 稳增长: 平稳发展 contains none of its forms, so it can never apply",
			"lexicon my.yml:1: exclusion of 稳增长: empty form"}},
		{"exclusion containing an alias", "- slogan: 两山理论\n  aliases: [两山]\n  exclude: [两山七河]\n  category: environment\n", nil},
		{"slogan a list", "- slogan: [六稳]\n  category: economy\n", []string{
			"lexicon my.yml:1: field 'slogan' must be a single value, not a list",
			"lexicon my.yml:1: slogan: empty form"}},
		{"bad year", "- slogan: 六稳\n  category: economy\n  since: 20201\n", []string{
			`lexicon my.yml:3: field 'since' must be a year 1949..2100 (got "20201")`}},
		{"conflicts across entries", "- slogan: 两山理论\n  aliases: [两山]\n  category: environment\n" +
			"- slogan: 绿水青山\n  aliases: [两山]\n  category: environment\n", []string{
			"lexicon my.yml:4: alias 两山 of 绿水青山 already belongs to 两山理论 (my.yml:1)"}},
		{"user files may use any category and origin", "- slogan: 六稳\n  category: 我的\n  origin: 杭州\n", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("my.yml", strings.NewReader(tc.in))
			if got := errorLines(err); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParseBuiltinChecks(t *testing.T) {
	in := "- slogan: 六稳\n  category: econmy\n- slogan: 六保\n  category: economy\n  origin: 杭州\n" +
		"- slogan: 八八战略\n  category: reform\n  origin: 浙江\n"
	_, err := parseYAML(BuiltinFile, []byte(in), true)
	want := []string{
		`lexicon builtin:1: unknown category "econmy" (the built-in lexicon allows [economy reform environment rural social governance party opening innovation health safety culture regional urban ideology])`,
		`lexicon builtin:3: unknown origin "杭州" (want national or a province short name such as 浙江)`,
	}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
}

func TestParseFile(t *testing.T) {
	dir := t.TempDir()
	yml := filepath.Join(dir, "a.YAML")
	txt := filepath.Join(dir, "b.lex")
	if err := os.WriteFile(yml, []byte(goodYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, []byte("- slogan: 六稳\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ParseFile(yml); err != nil || len(got) != 4 || got[0].File != yml {
		t.Errorf("ParseFile(%s) = %d entries, %v", yml, len(got), err)
	}
	// Any other extension is plain text, even when it looks like YAML.
	if got, err := ParseFile(txt); err != nil || len(got) != 1 || got[0].Slogan != "-slogan:六稳" {
		t.Errorf("ParseFile(%s) = %+v, %v", txt, got, err)
	}
	_, err := ParseFile(filepath.Join(dir, "missing.txt"))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, os.ErrNotExist) || e.Line != 0 ||
		!strings.HasPrefix(err.Error(), "lexicon "+filepath.Join(dir, "missing.txt")+": open ") {
		t.Errorf("ParseFile(missing) = %v", err)
	}
}
