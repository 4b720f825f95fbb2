package table

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tifa-project/tifa/reports"
)

// A Named file is a path a flag names: Flag is how the flag is written in
// messages ("--output"), Path its value.
type Named struct{ Flag, Path string }

// CheckOutputs runs before anything is read: every output can be written
// (CheckOutput: its folder, its name, the folder writable), no two outputs
// are one file (by name or through a link), and no output is one of the
// files inputs or one of args that is a regular file (a report, the
// verdicts of lexicon audit) — NotInput.
func CheckOutputs(outs []Named, inputs, args []string) error {
	for i, o := range outs {
		if err := CheckOutput(o.Flag, o.Path); err != nil {
			return err
		}
		for _, p := range outs[:i] {
			if SameFile(o.Path, p.Path) || filepath.Clean(o.Path) == filepath.Clean(p.Path) {
				return fmt.Errorf("flag %s: %s is also %s's file; give each output its own name", o.Flag, quote(o.Path), p.Flag)
			}
		}
	}
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
			inputs = append(inputs, a)
		}
	}
	return NotInput(outs, inputs)
}

// CheckSource runs once the reports under args are found, before one is
// read: no output is one of src's files or the manifest.csv of a folder
// in args (or of a file's folder) — NotInput.
func CheckSource(outs []Named, src *reports.Source, args []string) error {
	inputs := src.Files()
	for _, a := range args {
		if a == "-" {
			continue
		}
		dir := a
		if st, err := os.Stat(a); err != nil || !st.IsDir() {
			dir = filepath.Dir(a)
		}
		inputs = append(inputs, filepath.Join(dir, reports.ManifestName))
	}
	return NotInput(outs, inputs)
}

// NotInput fails when one of outs is one of the files inputs, through any
// path, symbolic or hard link. A stream (/dev/stdout: IsStream) is never
// an input's file: it is written straight, never replaced.
func NotInput(outs []Named, inputs []string) error {
	for _, o := range outs {
		if IsStream(o.Path) {
			continue
		}
		for _, in := range inputs {
			if !SameFile(o.Path, in) {
				continue
			}
			what := "one of the files tifa reads"
			if filepath.Clean(o.Path) != filepath.Clean(in) {
				what = "the file " + quote(in) + ", which tifa reads"
			}
			return fmt.Errorf("flag %s: %s is %s; tifa never writes over its input: choose another name", o.Flag, quote(o.Path), what)
		}
	}
	return nil
}

// CheckSplit fails before the reports are read when the tables names
// cannot go to out in format (as ChooseFormat picks it; several tables to
// standard output in CSV, TSV or JSON: SplitPaths), and checks each file
// they would go to (CheckOutput, as --output).
func CheckSplit(format, out string, terminal bool, names []string) error {
	f, err := ChooseFormat(format, out, terminal)
	if err != nil {
		return err
	}
	paths, err := SplitPaths(f, out, names)
	if err != nil || len(paths) < 2 {
		return err
	}
	for _, p := range paths {
		if err := CheckOutput("--output", p); err != nil {
			return err
		}
	}
	return nil
}
