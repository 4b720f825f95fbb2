// Package lexicon holds tifa's slogan lexicon — the curated list of policy
// slogans and formulations embedded in the binary, and the researcher's own
// additions — validates it, and finds every mention of every entry in a text
// in one pass, independent of any word segmenter.
//
// # Files
//
// The built-in lexicon (Default) is default.yaml, compiled into the binary.
// Researchers add their own files, YAML or plain text, read by ParseFile:
//
//	# YAML (*.yaml, *.yml): a list of entries
//	- slogan: 六稳六保
//	  aliases: [六稳、六保]
//	  category: economy
//	  origin: national
//	  since: 2020
//	  note: six stabilities and six guarantees
//	- slogan: 新发展理念
//	  exclude: [创新发展理念]
//	  category: ideology
//
//	# plain text (any other name): one entry a line, aliases after "|",
//	# exclusions after "|" and starting with "!"
//	[environment]
//	五水共治
//	两山理论 | 绿水青山就是金山银山
//	[ideology]
//	新发展理念 | !创新发展理念
//
// Every problem is reported, each as an *Error naming file and line. New
// combines the built-in entries with the user's: a user entry sharing a form
// with a built-in one replaces it, with a warning that names the built-in
// exclusions it drops. CheckFiles does both for tifa lexicon check.
//
// # Forms
//
// Every form is normalised with Normalize — full-width characters folded to
// half width, white space and format characters removed — the same
// normalisation the report cleaner applies to texts, so 互联网＋ in a lexicon
// file matches 互联网+ in a report. Matching is case-sensitive. Forms also
// lose their quotation marks (“ ” ‘ ’ 「 」 『 』 " '), which the matcher
// skips in texts (see Typesetting).
//
// # Typesetting
//
// Reports put quotation marks around slogans and around their parts, and
// write compound slogans as lists. Two rules make a form match them all.
//
// Quotation marks are transparent: the text is read as if they were not
// there, so 能耗双控 is found in 能耗“双控”, 三权分置 in “三权”分置 and 六稳六保
// in “六稳”“六保”. A mention starts at its first character and ends after
// its last: marks inside it belong to its span (Start and End are byte
// offsets into the text as written), marks around it do not. A mention
// does not cut a quotation, though — an opening mark inside it must close
// inside it or right at its end, a closing mark inside it must open inside
// it or right before its start — so 五个保定 is not found in 五个“保定之变”,
// nor 千万工程 in “百千万”工程. Exclusions are found the same way: with
// the exclusion 过紧日子负面清单, 负面清单 is not found in
// “过紧日子”负面清单.
//
// A form written with 、 between its parts (碳达峰、碳中和) is a compound: it
// matches its parts as written, run together (碳达峰碳中和), and with 与, 和
// or 及 in place of the last 、 (碳达峰与碳中和; 蓝天、碧水和净土). These
// spellings belong to the entry like its forms: no other entry may use
// one, and Lookup finds the entry by any of them. With both rules, the
// alias 六稳、六保 finds “六稳”、“六保”:
//
//	text:     做好“六稳”、“六保”工作
//	entries:  六稳, 六保, 六稳六保 (alias 六稳、六保)
//	mentions: 六稳六保 六稳”、“六保, 六稳 nested, 六保 nested
//
// # Matching
//
// A Matcher finds all forms of all entries in one pass (Aho–Corasick over
// the UTF-8 bytes; forms are valid UTF-8, so they only match whole runes).
// Each entry counts the occurrences of its own forms that do not overlap one
// another, taking the leftmost first and, of those starting together, the
// longest. Mentions of different entries may overlap; one that lies inside a
// strictly longer mention of another entry is marked Nested:
//
//	text:     做好六稳六保工作
//	entries:  六稳, 六保, 六稳六保
//	mentions: 六稳六保 [6,18), 六稳 [6,12) nested, 六保 [12,18) nested
//
// A form that begins or ends with an ASCII letter or digit does not match
// inside a longer run of them: PPP is not found in PPPoE, nor 5G in 15G.
//
// A form that merges the forms of two other entries around a shared part
// — 河湖长制 from 河长制 and 湖长制 — should count for both or for neither,
// not for the one it happens to contain (湖长制); Lexicon.Contractions finds
// such forms, and the built-in lexicon has none (河湖长制 counts for
// neither: 湖长制 excludes it).
//
// # Exclusions
//
// An entry's exclusions (Entry.Exclude) are the longer contexts in which
// its forms mean something else: 新发展理念 inside 创新发展理念 ("innovate
// the development concept", a verb phrase of 2013), 稳增长 inside 平稳增长
// ("steady growth"). An occurrence of a form lying inside an occurrence of
// one of its own entry's exclusions — starting at or after it and ending at
// or before it — is not an occurrence: it is dropped before the rules above
// choose the mentions, so it neither counts nor blocks an overlapping
// occurrence, nor makes another mention Nested. Exclusions are found like
// forms (the same normalisation and ASCII word rule, in the same pass) but
// never make mentions themselves, and apply only to their own entry: with
// 两新 excluding 两新一重, the text 两新一重 is still a mention of an entry
// 两新一重. Each exclusion must contain one of its entry's forms and differ
// from all of them; anything else is an error naming file and line.
//
//	text:     尊重发展规律,创新发展理念,贯彻新发展理念
//	entry:    新发展理念 | !创新发展理念
//	mentions: 新发展理念 at the end only
package lexicon
