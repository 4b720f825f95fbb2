package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// walkFlags calls fn for every local flag of every command under root.
func walkFlags(root *cobra.Command, fn func(c *cobra.Command, f *pflag.Flag)) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) { fn(c, f) })
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// TestFlagRanges: every numeric flag of every command has a range in
// flagRanges, its default lies in it, and a value below and one above it
// are refused with a message giving the range. A new numeric flag without
// a range fails here.
func TestFlagRanges(t *testing.T) {
	root := newRootCmd(strings.NewReader(""), io.Discard, io.Discard)
	n := 0
	walkFlags(root, func(c *cobra.Command, f *pflag.Flag) {
		if !isNumeric(f) || f.Annotations[deprecatedKey] != nil {
			return
		}
		n++
		r, ok := rangeOf(c, f.Name)
		if !ok {
			t.Errorf("%s --%s (%s): no range in flagRanges", c.CommandPath(), f.Name, f.Value.Type())
			return
		}
		if err := r.check(f.Name, f.DefValue); err != nil {
			t.Errorf("%s --%s: default %s outside its range: %v", c.CommandPath(), f.Name, f.DefValue, err)
		}
		if r.any {
			return
		}
		path := strings.Fields(c.CommandPath())[1:]
		for _, bad := range []string{"-1", "1e12", "NaN"} {
			if bad == "1e12" && r.open || bad == "-1" && r.lo < 0 {
				continue
			}
			if v := f.Value.Type(); strings.HasPrefix(v, "int") || strings.HasPrefix(v, "uint") {
				if bad == "NaN" {
					continue
				}
				if bad == "1e12" {
					bad = "1000000000000"
				}
			}
			args := append(append([]string{}, path...), "--"+f.Name, bad, samples, "六稳")
			_, _, err := run(t, "", args...)
			want := "flag --" + f.Name + ": must be " + r.String()
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("tifa %s: error %v, want %q", strings.Join(args, " "), err, want)
			}
		}
	})
	if n < 30 {
		t.Errorf("only %d numeric flags found: the walk is broken", n)
	}
}

// TestRenamedFlag: similar's old --k still sets the neighbours, with a
// warning; giving both names is an error.
func TestRenamedFlag(t *testing.T) {
	want, _, err := run(t, "", "similar", samples, "--top", "2", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	got, stderr, err := run(t, "", "similar", samples, "--k", "2", "-f", "csv")
	if err != nil || got != want {
		t.Fatalf("--k 2: error %v, output differs from --top 2: %v", err, got != want)
	}
	if !strings.Contains(stderr, "flag --k is deprecated and goes in the next release: use --top") {
		t.Errorf("--k: no deprecation warning in %q", stderr)
	}
	if _, stderr, _ := run(t, "", "similar", samples, "--k", "2", "-q", "-f", "csv"); stderr != "" {
		t.Errorf("-q: stderr %q", stderr)
	}
	if _, _, err := run(t, "", "similar", samples, "--k", "2", "--top", "3"); err == nil || !strings.Contains(err.Error(), "give --top only") {
		t.Errorf("--k and --top: error %v", err)
	}
	help, _, _ := run(t, "", "similar", "--help")
	if strings.Contains(help, "--k ") {
		t.Errorf("similar --help lists the old --k:\n%s", help)
	}
}
