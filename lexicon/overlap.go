package lexicon

import (
	"fmt"
	"slices"
)

// Contraction is a form that merges the forms of two other entries around
// a shared part — 河湖长制 is 河长制 and 湖长制 sharing 长制, 碳达峰中和 would
// be 碳达峰 and 碳中和 sharing 碳 — and counts for only one of them: the
// matcher finds 湖长制 inside 河湖长制 (a nested mention) but not 河长制. A
// count of 河长制 then misses the reports that write 河湖长制 while 湖长制
// gains them, which no reader would accept: such a form should count for
// both entries or for neither (give the one it counts for an exclusion).
type Contraction struct {
	Form  string // the form of Entry holding the merged piece
	Entry int    // the entry of Form
	// Parts are the entries whose forms Form merges, and their forms;
	// Counted says which of them the matcher finds inside Form.
	Parts   [2]int
	Forms   [2]string
	Counted [2]bool
}

// String describes the contraction for a reader.
func (c Contraction) String() string {
	in, out := 0, 1
	if !c.Counted[0] {
		in, out = 1, 0
	}
	return fmt.Sprintf("%s merges %s and %s but counts as a mention of %s only: make it count for both or for neither",
		c.Form, c.Forms[out], c.Forms[in], c.Forms[in])
}

// Contractions returns the forms of the lexicon that merge the forms of two
// other entries and count for one of them only (see Contraction), in entry
// order. A form F merges forms h and g when a piece of F (of up to 16
// characters) is a+b+s with
// h = a+s and g = b+s (a shared end s), or p+a+b with h = p+a and g = p+b
// (a shared start p), a, b, s and p not empty; the matcher, run on F, says
// which of h's and g's entries it counts.
func (l *Lexicon) Contractions() []Contraction {
	l.buildIndex()
	var out []Contraction
	m := l.Matcher()
	for e := range l.Entries {
		for _, f := range l.Entries[e].Forms() {
			out = append(out, l.contractions(m, e, f)...)
		}
	}
	return out
}

// maxPiece is the longest piece of a form that Contractions examines, in
// characters: two merged forms of up to 8 or so.
const maxPiece = 16

// contractions returns the contractions of form f of entry e: those of
// every piece of it of up to maxPiece characters (河湖长制 in a compound
// 河湖长制、林长制).
func (l *Lexicon) contractions(m *Matcher, e int, f string) []Contraction {
	r := []rune(f)
	var found map[int]bool // entries the matcher finds in f, when needed
	var out []Contraction
	for a := 0; a < len(r); a++ {
		for b := a + 3; b <= min(len(r), a+maxPiece); b++ {
			for i := a + 1; i < b-1; i++ {
				for j := i + 1; j < b; j++ {
					x, y, z := string(r[a:i]), string(r[i:j]), string(r[j:b])
					for _, pair := range [2][2]string{{x + z, y + z}, {x + y, x + z}} { // shared end z, shared start x
						h, okH := l.index[pair[0]]
						g, okG := l.index[pair[1]]
						if !okH || !okG || h == g || h == e || g == e {
							continue
						}
						if found == nil {
							found = map[int]bool{}
							for _, mt := range m.Find(f) {
								found[mt.Entry] = true
							}
						}
						c := Contraction{Form: f, Entry: e, Parts: [2]int{h, g}, Forms: pair, Counted: [2]bool{found[h], found[g]}}
						if c.Counted[0] != c.Counted[1] && !slices.Contains(out, c) {
							out = append(out, c)
						}
					}
				}
			}
		}
	}
	return out
}
