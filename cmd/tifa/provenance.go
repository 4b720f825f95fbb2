package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/reports"
)

// provenance says how an output was made, so that a table found months
// later can be traced to the command, the build of tifa, the lexicon and
// the exact reports it came from.
type provenance struct {
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

// provenance returns the provenance of the running command: what was
// recorded of its command line, lexicon and documents read so far.
func (g *globals) provenance() provenance {
	input, n := g.inputs.digest()
	return provenance{
		Command:   shellJoin(append([]string{"tifa"}, g.args...)),
		Version:   version,
		Lexicon:   g.lexHash,
		Input:     input,
		Documents: n,
		Date:      g.runDate().Format(time.DateOnly),
	}
}

// runDate is the day of the run at 00:00 UTC: from $SOURCE_DATE_EPOCH
// (seconds since 1970) when set, else from g.now (time.Now by default).
// It dates provenance and the entries of an xlsx file.
func (g *globals) runDate() time.Time {
	var t time.Time
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err == nil {
			t = time.Unix(n, 0)
		} else if !g.badEpochWarned {
			g.badEpochWarned = true
			g.warnf("SOURCE_DATE_EPOCH=%q is not a number of seconds; using today's date", s)
		}
	}
	if t.IsZero() {
		now := time.Now
		if g.now != nil {
			now = g.now
		}
		t = now()
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// pairs lists the provenance as ordered key, value pairs: the one order
// every format writes.
func (p provenance) pairs() [][2]string {
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
func (p provenance) comments() string {
	var b strings.Builder
	for _, kv := range p.pairs() {
		fmt.Fprintf(&b, "# %s: %s\n", kv[0], oneLine(kv[1]))
	}
	return b.String()
}

// footer is the provenance on one line, below a terminal table.
func (p provenance) footer() string {
	parts := make([]string, 0, 6)
	for _, kv := range p.pairs() {
		parts = append(parts, kv[0]+": "+oneLine(kv[1]))
	}
	return strings.Join(parts, "; ") + "\n"
}

// markdown is the provenance as a Markdown paragraph, values in code spans.
func (p provenance) markdown() string {
	var b strings.Builder
	b.WriteString("*Provenance* — ")
	for i, kv := range p.pairs() {
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
func (p provenance) json() string {
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

// commandArgs rebuilds the arguments of the command running: its path
// below the root, every flag set in the order given (long names; a
// repeated flag once per value; a true boolean bare, a false one
// --name=false), then the positional arguments, after "--" when one of
// them starts with a dash. Rebuilt so, the command line is the same
// whether it came from os.Args or a test, and it reproduces the run.
func commandArgs(cmd *cobra.Command, args []string) []string {
	var path []string
	for c := cmd; c.HasParent(); c = c.Parent() {
		path = append(path, c.Name())
	}
	slices.Reverse(path)
	out := path
	fs := cmd.Flags()
	sorted := fs.SortFlags
	fs.SortFlags = false // Visit then walks the flags in the order they were set
	fs.Visit(func(f *pflag.Flag) {
		name := "--" + f.Name
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				out = append(out, name, v)
			}
			return
		}
		if f.Value.Type() == "bool" {
			if f.Value.String() == "true" {
				out = append(out, name)
			} else {
				out = append(out, name+"=false")
			}
			return
		}
		out = append(out, name, f.Value.String())
	})
	fs.SortFlags = sorted
	for _, a := range args {
		if strings.HasPrefix(a, "-") && a != "-" {
			out = append(out, "--")
			break
		}
	}
	return append(out, args...)
}

// shellJoin joins args into one line a POSIX shell splits back into args.
func shellJoin(args []string) string {
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

// inputLog records the documents a command read, for Provenance.Input. It
// is safe for concurrent use.
type inputLog struct {
	mu    sync.Mutex
	lines []string
}

// add records d: its ID, file hash and metadata, each field
// length-prefixed so no two documents can write the same line.
func (l *inputLog) add(d *reports.Document) {
	var b strings.Builder
	field := func(s string) { fmt.Fprintf(&b, "%d:%s;", len(s), s) }
	field(d.ID)
	field(d.Hash)
	field(d.Meta.Region)
	field(d.Meta.Level)
	field(strconv.Itoa(d.Meta.Year))
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

// digest returns "sha256:" and the hex SHA-256 of the sorted lines, each
// ended by a newline, and the number of documents; "" and 0 when none was
// read.
func (l *inputLog) digest() (string, int) {
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
