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
//
//	# plain text (any other name): one entry a line, aliases after "|"
//	[environment]
//	五水共治
//	两山理论 | 绿水青山就是金山银山
//
// Every problem is reported, each as an *Error naming file and line. New
// combines the built-in entries with the user's: a user entry sharing a form
// with a built-in one replaces it, with a warning.
//
// # Forms
//
// Every form is normalised with Normalize — full-width characters folded to
// half width, white space and format characters removed — the same
// normalisation the report cleaner applies to texts, so 互联网＋ in a lexicon
// file matches 互联网+ in a report. Matching is case-sensitive.
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
package lexicon
