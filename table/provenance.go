package table

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/tifa-project/tifa/reports"
)

// Provenance says how an output was made, so that a table found months
// later can be traced to the command, the build of tifa, the lexicon and
// the exact reports it came from.
type Provenance struct {
	// Command is "tifa" and the arguments of the run, shell-quoted where
	// needed: the command path, then every flag set (long names, in the
	// order given, a repeated flag once per value), then the arguments.
	Command string
	// Version is tifa's version.
	Version string
	// Lexicon is the lexicon's Hash (12 hex digits), "" when the command
	// uses none.
	Lexicon string
	// Input is "sha256:" and the hex SHA-256 of the sorted lines, one per
	// document read, of its ID, the SHA-256 of its file's bytes, and its
	// metadata (region, level, year, manifest extras): it changes when a
	// report or its manifest row changes, never with the order documents
	// were read in. "" when no document was read.
	Input string
	// Documents is the number of documents read.
	Documents int
	// Date is the UTC date of the run (YYYY-MM-DD), or of $SOURCE_DATE_EPOCH
	// when that is set (the reproducible-builds convention).
	Date string
}

// Pairs lists the provenance as ordered key, value pairs: the one order
// every format writes.
func (p Provenance) Pairs() [][2]string {
	input := p.Input
	if input == "" {
		input = "none"
	}
	lex := p.Lexicon
	if lex == "" {
		lex = "none"
	}
	return [][2]string{
		{"command", p.Command},
		{"version", p.Version},
		{"lexicon", lex},
		{"input", input},
		{"documents", strconv.Itoa(p.Documents)},
		{"date", p.Date},
	}
}

// comments writes the provenance as comment lines "# key: value", read
// past by pandas.read_csv(comment='#') and R's read.csv(comment.char='#').
func (p Provenance) comments() string {
	var b strings.Builder
	for _, kv := range p.Pairs() {
		fmt.Fprintf(&b, "# %s: %s\n", kv[0], oneLine(kv[1]))
	}
	return b.String()
}

// footer is the provenance on one line, below a terminal table.
func (p Provenance) footer() string {
	parts := make([]string, 0, 6)
	for _, kv := range p.Pairs() {
		parts = append(parts, kv[0]+": "+oneLine(kv[1]))
	}
	return strings.Join(parts, "; ") + "\n"
}

// markdown is the provenance as a Markdown paragraph, values in code spans.
func (p Provenance) markdown() string {
	var b strings.Builder
	b.WriteString("*Provenance* — ")
	for i, kv := range p.Pairs() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(kv[0] + ": " + codeSpan(oneLine(kv[1])))
	}
	b.WriteString("\n")
	return b.String()
}

// json writes the provenance as a JSON object with the keys of pairs;
// documents is a number, a missing lexicon or input null.
func (p Provenance) json() string {
	str := func(s string) string {
		if s == "" {
			return "null"
		}
		b, _ := json.Marshal(s)
		return string(b)
	}
	return fmt.Sprintf(`{"command": %s, "version": %s, "lexicon": %s, "input": %s, "documents": %d, "date": %s}`,
		str(p.Command), str(p.Version), str(p.Lexicon), str(p.Input), p.Documents, str(p.Date))
}

// oneLine replaces line breaks, which would end a comment line early.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// codeSpan wraps s in backticks, more of them than any run inside s.
func codeSpan(s string) string {
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// ShellJoin joins args into one line a POSIX shell splits back into args:
// the form of Provenance.Command.
func ShellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}

// shellQuote quotes s for a POSIX shell when needed: letters (Chinese
// included), digits and @%+=:,./_- need none; other text goes in single
// quotes; text with control characters in bash's $'…'.
func shellQuote(s string) string {
	if s == "" {
		return "''"
	}
	safe, control := true, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("@%+=:,./_-", r):
		case unicode.IsControl(r):
			safe, control = false, true
		default:
			safe = false
		}
	}
	switch {
	case safe:
		return s
	case control:
		return ansiQuote(s)
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ansiQuote writes s as bash's $'…', escaping control characters.
func ansiQuote(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("'")
	return b.String()
}

// Inputs records the documents a command read, for Provenance.Input. It
// is safe for concurrent use; the zero value is ready.
type Inputs struct {
	mu    sync.Mutex
	lines []string
}

// Add records d: its ID, file hash and metadata (its place's code and
// panel id included: --places changes them), each field length-prefixed
// so no two documents can write the same line.
func (l *Inputs) Add(d *reports.Document) {
	var b strings.Builder
	field := func(s string) { fmt.Fprintf(&b, "%d:%s;", len(s), s) }
	field(d.ID)
	field(d.Hash)
	field(d.Meta.Region)
	field(d.Meta.Level)
	field(strconv.Itoa(d.Meta.Year))
	field(d.Meta.Value("code"))
	field(d.Meta.Value("place"))
	keys := make([]string, 0, len(d.Meta.Extra))
	for k := range d.Meta.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		field(k)
		field(d.Meta.Extra[k])
	}
	l.mu.Lock()
	l.lines = append(l.lines, b.String())
	l.mu.Unlock()
}

// Digest returns "sha256:" and the hex SHA-256 of the sorted lines, each
// ended by a newline, and the number of documents; "" and 0 when none was
// read.
func (l *Inputs) Digest() (string, int) {
	l.mu.Lock()
	lines := slices.Clone(l.lines)
	l.mu.Unlock()
	if len(lines) == 0 {
		return "", 0
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, s := range lines {
		h.Write([]byte(s))
		h.Write([]byte("\n"))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), len(lines)
}
