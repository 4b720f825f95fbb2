package segment

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tifa-project/tifa/lexicon"
)

// Stopwords is a set of words the Segmenter leaves out of its tokens. A nil
// or empty set removes nothing. Words are compared after the same width
// folding the Segmenter applies to tokens (lexicon.Normalize), so "ＧＤＰ"
// in a file stops the token "GDP". Slogans of the lexicon are never removed.
type Stopwords map[string]bool

//go:embed stopwords.txt
var defaultStopwordsText string

// defaultStopwords parses the embedded list once; DefaultStopwords hands
// out copies.
var defaultStopwords = sync.OnceValues(func() (Stopwords, error) {
	return ReadStopwords("stopwords.txt", strings.NewReader(defaultStopwordsText))
})

// DefaultStopwords returns a fresh copy of tifa's built-in Chinese stopword
// list (segment/stopwords.txt, about 450 words): particles, prepositions,
// conjunctions, pronouns, auxiliaries, adverbs of degree, time and negation,
// classifiers, locatives, relative time words, light verbs and the
// discourse markers of a work report (一是, 各位代表). No verb, noun or
// adjective of policy is in it — 加强, 推进, 全面, 发展 stay — because the
// choice between them is what researchers of governance style measure.
// The caller may modify the returned set.
func DefaultStopwords() Stopwords {
	s, err := defaultStopwords()
	if err != nil {
		panic("segment: embedded stopwords.txt: " + err.Error()) // a build defect, caught by the tests
	}
	return maps.Clone(s)
}

// ErrStopword is wrapped by every error ReadStopwords returns for a bad
// line, so errors.Is(err, ErrStopword) tells bad content from a failed read.
var ErrStopword = errors.New("bad stopword line")

// ReadStopwords reads a stopword list: one word a line; blank lines and
// lines whose first non-blank character is "#" (or "＃") are skipped, and a
// "#" after the word starts a comment. Each word is width-folded with
// lexicon.Normalize. name is used in error messages only, which read
// "stopwords NAME:LINE: …" and wrap ErrStopword for a line holding two words
// or invalid UTF-8; a read error is wrapped as "stopwords NAME: …".
func ReadStopwords(name string, r io.Reader) (Stopwords, error) {
	set := make(Stopwords)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		word, err := stopwordLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("stopwords %s:%d: %w", name, line, err)
		}
		if word != "" {
			set[word] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stopwords %s: after line %d: %w", name, line, err)
	}
	return set, nil
}

// stopwordLine returns the word on one line of a stopword file, "" for a
// blank or comment line.
func stopwordLine(text string) (string, error) {
	if i := strings.IndexAny(text, "#＃"); i >= 0 {
		text = text[:i]
	}
	fields := strings.Fields(text)
	switch {
	case len(fields) == 0:
		return "", nil
	case len(fields) > 1:
		return "", fmt.Errorf("%w: want one word a line, got %d (%q)", ErrStopword, len(fields), strings.Join(fields, " "))
	case !utf8.ValidString(fields[0]):
		return "", fmt.Errorf("%w: invalid UTF-8 %q", ErrStopword, fields[0])
	}
	return lexicon.Normalize(fields[0]), nil
}

// Hash returns a short hex digest of the stopword set (its words sorted),
// for cache keys and provenance: equal sets give equal hashes.
func (s Stopwords) Hash() string {
	words := make([]string, 0, len(s))
	for w, on := range s {
		if on {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	h := sha256.New()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
