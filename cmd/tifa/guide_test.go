package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestGuide: tifa alone prints where to start, not the full help, which
// --help still prints; an unknown command is still an error.
func TestGuide(t *testing.T) {
	var stdout, stderr bytes.Buffer
	root := newRootCmd(strings.NewReader(""), &stdout, &stderr)
	root.SetArgs([]string{}) // not nil, which would make cobra read os.Args
	if err := root.Execute(); err != nil || stderr.Len() > 0 {
		t.Fatalf("tifa: %v, stderr %q", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"tifa demo", "tifa docs DIR", "tifa cluster DIR --by region", `README.md, "A worked example: the real corpus"`, "tifa --help"} {
		if !strings.Contains(out, want) {
			t.Errorf("the guide lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Available Commands") || strings.Count(out, "\n") > 15 {
		t.Errorf("the guide is the full help or too long:\n%s", out)
	}
	help, _, err := run(t, "", "--help")
	if err != nil || !strings.Contains(help, "Attention:") || !strings.Contains(help, "Available Commands") {
		t.Errorf("tifa --help: %v\n%s", err, help)
	}
	if _, _, err := run(t, "", "nosuchcommand"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("tifa nosuchcommand: %v, want unknown command", err)
	}
}
