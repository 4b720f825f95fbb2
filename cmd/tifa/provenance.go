package main

import (
	"crypto/sha256"
	"encoding/hex"
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
	"github.com/tifa-project/tifa/table"
)

// provenance returns the provenance of the running command: what was
// recorded of its command line, lexicon and documents read so far.
func (g *globals) provenance() table.Provenance {
	input, n := g.inputs.digest()
	return table.Provenance{
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
