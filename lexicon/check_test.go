package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "[environment]\n五水共治\n河长制 | 河长\n")
	other := write("other.txt", "[economy]\n新质生产力\n")
	bad := write("bad.txt", "[economy]\n | 别名\n")

	files, lex, _, err := CheckFiles([]string{good, other}, false)
	if err != nil || len(files) != 2 || files[0].Entries != 2 || files[1].Entries != 1 || len(lex.Entries) != 3 {
		t.Errorf("two good files: %+v, %v", files, err)
	}
	files, lex, _, err = CheckFiles([]string{good, bad, other}, false)
	if err == nil || err.Error() != "1 of 3 lexicon files have errors" || lex != nil {
		t.Errorf("a bad file: error %v", err)
	}
	if len(files) != 3 || files[1].Err == nil || !strings.Contains(files[1].Err.Error(), "bad.txt:2") || files[0].Err != nil {
		t.Errorf("a bad file: %+v", files)
	}
	builtin, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, lex, _, err := CheckFiles([]string{good}, true); err != nil || len(lex.Entries) < len(builtin) {
		t.Errorf("with the built-in lexicon: %v", err)
	}
}
