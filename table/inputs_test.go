//go:build linux

package table

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

// TestCheckOutputs: the outputs are writable, distinct, and none is an
// input; the message names the flag and the file.
func TestCheckOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	for _, tc := range []struct {
		name         string
		outs         []Named
		inputs, args []string
		want         string // part of the error; "" for none
	}{
		{"fine", []Named{{"--output", out}, {"--plot", filepath.Join(dir, "p.svg")}}, []string{in}, []string{dir}, ""},
		{"no folder", []Named{{"--plot", filepath.Join(dir, "none", "p.svg")}}, nil, nil, "flag --plot: cannot write"},
		{"same name twice", []Named{{"--output", out}, {"--plot", out}}, nil, nil, "flag --plot: " + out + " is also --output's file"},
		{"an input flag's file", []Named{{"--output", in}}, []string{in}, nil, "flag --output: " + in + " is one of the files tifa reads"},
		{"an argument", []Named{{"--output", in}}, nil, []string{in}, "is one of the files tifa reads"},
		{"through a link", []Named{{"--output", link}}, nil, []string{in}, "is the file " + in + ", which tifa reads"},
		{"a folder argument is no file", []Named{{"--output", out}}, nil, []string{dir}, ""},
		{"a stream is never an input", []Named{{"--output", "/dev/stdout"}}, []string{"/dev/stdout"}, nil, ""},
	} {
		err := CheckOutputs(tc.outs, tc.inputs, tc.args)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestCheckSource: no output is one of the reports found or the
// manifest.csv beside them.
func TestCheckSource(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "浙江_2025.txt")
	manifest := filepath.Join(dir, reports.ManifestName)
	for _, p := range []string{report, manifest} {
		if err := os.WriteFile(p, []byte("file,region,level,year\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := reports.Open([]string{dir}, reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		out  string
		args []string
		want bool
	}{
		{report, []string{dir}, true},
		{manifest, []string{dir}, true},
		{manifest, []string{report}, true}, // a file's folder's manifest
		{filepath.Join(dir, "out.csv"), []string{dir}, false},
		{manifest, []string{"-"}, false},
	} {
		err := CheckSource([]Named{{"--output", tc.out}}, src, tc.args)
		if (err != nil) != tc.want {
			t.Errorf("%s with %v: got %v, want an error: %v", tc.out, tc.args, err, tc.want)
		}
	}
}

// TestCheckSplit: several tables go to a file each, never to standard
// output in CSV; each file is checked.
func TestCheckSplit(t *testing.T) {
	dir := t.TempDir()
	if err := CheckSplit("csv", "", false, []string{"members", "profile"}); err == nil {
		t.Error("two CSV tables to standard output: no error")
	}
	if err := CheckSplit("csv", "", false, []string{"members"}); err != nil {
		t.Errorf("one CSV table to standard output: %v", err)
	}
	if err := CheckSplit("", filepath.Join(dir, "out.csv"), false, []string{"members", "profile"}); err != nil {
		t.Errorf("two CSV tables to files: %v", err)
	}
	if err := CheckSplit("", filepath.Join(dir, "none", "out.csv"), false, []string{"members", "profile"}); err == nil || !strings.Contains(err.Error(), "flag --output") {
		t.Errorf("two CSV tables into a missing folder: %v", err)
	}
	if err := CheckSplit("table", "", true, []string{"members", "profile"}); err != nil {
		t.Errorf("two tables to a terminal: %v", err)
	}
}
