package cache

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// crashDirEnv tells the test binary it runs as TestCrashMidWrite's child.
const crashDirEnv = "TIFA_CACHE_CRASH_DIR"

// crashTerms is entry i of the crash test: big enough (about 3 KB) that
// a batch spans many pages.
func crashTerms(i int) ([]string, []int, []int) {
	return []string{strings.Repeat("改革", 500), strconv.Itoa(i)}, []int{i, 1}, []int{-1, -1}
}

// TestCrashChild is the process TestCrashMidWrite kills: it writes
// entries without end, flushing every 20 and printing how many are
// committed. Run alone it skips.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("the child process of TestCrashMidWrite")
	}
	c, err := Open(dir, Options{Version: "v", BatchBytes: 32 << 10})
	if err != nil {
		fmt.Println("error", err)
		return
	}
	for i := 0; ; i++ {
		terms, counts, entries := crashTerms(i)
		c.PutTerms(strconv.Itoa(i), terms, counts, entries)
		if i%20 == 19 {
			if err := c.Flush(); err != nil {
				fmt.Println("error", err)
				return
			}
			fmt.Println("committed", i+1)
		}
	}
}

// TestCrashMidWrite kills (SIGKILL) a process while it commits batch after
// batch, then checks that the database opens, passes bbolt's consistency
// check, holds every entry committed before the kill, and holds no entry
// that cannot be trusted.
func TestCrashMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for round := range 3 {
		committed := runAndKill(t, exe, dir, time.Duration(50+70*round)*time.Millisecond)
		w := &warnings{}
		c, err := Open(dir, Options{Version: "v", Warn: w.add})
		if err != nil {
			t.Fatalf("round %d: Open after the kill: %v", round, err)
		}
		if err := c.db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				t.Errorf("round %d: bbolt check: %v", round, err)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		present := 0
		_ = c.db.View(func(tx *bolt.Tx) error {
			present = c.bucket(tx, kindTerms).Stats().KeyN
			return nil
		})
		for i := range present + 50 {
			_, counts, _, ok := c.GetTerms(strconv.Itoa(i))
			switch {
			case i < committed && !ok:
				t.Fatalf("round %d: entry %d of the %d committed is missing", round, i, committed)
			case ok && counts[0] != i:
				t.Fatalf("round %d: entry %d holds count %d", round, i, counts[0])
			}
		}
		if msgs := w.all(); len(msgs) != 0 {
			t.Errorf("round %d: warnings %q", round, msgs)
		}
		t.Logf("round %d: killed with %d entries known committed, %d in the file", round, committed, present)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// runAndKill starts the child on dir, lets it write for after once it has
// committed its first batch, kills it and returns the number of entries
// it last reported committed.
func runAndKill(t *testing.T, exe, dir string, after time.Duration) int {
	t.Helper()
	cmd := exec.Command(exe, "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	committed := 0
	var deadline <-chan time.Time
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("child ended before it was killed")
			}
			n, found := strings.CutPrefix(line, "committed ")
			if !found {
				t.Fatalf("child: %s", line)
			}
			committed, _ = strconv.Atoi(n)
			if deadline == nil {
				deadline = time.After(after)
			}
			continue
		case <-deadline:
		case <-timeout:
			t.Fatal("child committed nothing in 30 s")
		}
		break
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for line := range lines { // what it printed before it died
		if n, found := strings.CutPrefix(line, "committed "); found {
			committed, _ = strconv.Atoi(n)
		}
	}
	_ = cmd.Wait()
	return committed
}
