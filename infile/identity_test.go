package infile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestIdentity: a rewrite with the same size and modification time put
// back keeps size and mtime but not the identity where the system gives
// the change time (Linux); Trusted wants equal identities and the racy
// margin between mtime and recording.
func TestIdentity(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	old := time.Now().Add(-time.Hour)
	if err := os.WriteFile(p, []byte("乡村振兴"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	stat := func() Identity {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return IdentityOf(fi)
	}
	a := stat()
	if a.Size != int64(len("乡村振兴")) || a.ModTime != old.UnixNano() {
		t.Errorf("identity %+v", a)
	}
	now := time.Now().UnixNano()
	if !Trusted(a, stat(), now) {
		t.Error("an unchanged file hashed an hour after its mtime is not trusted")
	}
	if Trusted(a, stat(), a.ModTime+RacyMargin-1) {
		t.Error("a hash recorded within the racy margin of the mtime is trusted")
	}
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(p, []byte("美丽乡村"), 0o644); err != nil { // same size
		t.Fatal(err)
	}
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	b := stat()
	if b.Size != a.Size || b.ModTime != a.ModTime {
		t.Fatalf("size and mtime not put back: %+v, %+v", a, b)
	}
	if runtime.GOOS == "linux" && (a.Inode == 0 || Trusted(a, b, now)) {
		t.Errorf("rewritten with mtime put back: %+v then %+v, still trusted", a, b)
	}
}
