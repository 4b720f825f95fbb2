package discover

import (
	"fmt"
	"strings"
)

// Lexicon writes cands in the plain-text lexicon format, best
// first, each with its evidence in a comment; those equal to a lexicon
// form (listed with --all) are left out, since they would replace it.
// docs and minDocs are said in the header: the reports read and the
// least a candidate occurs in.
func Lexicon(cands []Candidate, docs, minDocs int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Candidate slogans found by 'tifa discover' in %d reports (each in %d or more), best first.\n", docs, minDocs)
	b.WriteString("# Delete the lines that are no slogans, add aliases after |, move entries under\n")
	b.WriteString("# other [category] lines, then count them with: tifa count PATH... --lexicon THIS_FILE\n")
	b.WriteString("[discovered]\n")
	for _, c := range cands {
		if c.Coverage == CoverEqual {
			continue
		}
		note := fmt.Sprintf("freq %d, reports %d", c.Freq, c.Docs)
		if c.FirstYear != 0 {
			note += fmt.Sprintf(", first %d", c.FirstYear)
		}
		note += ", " + c.Source.String()
		if c.Coverage != CoverNone {
			note += ", " + c.Coverage.String() + " " + c.Covered
		}
		fmt.Fprintf(&b, "%s  # %s\n", c.Text, note)
	}
	return []byte(b.String())
}
