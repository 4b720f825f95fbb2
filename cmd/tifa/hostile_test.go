package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/tifa-project/tifa/infile/infiletest"
)

// attack is one row of TestHostile: what a hostile (or unlucky) user gives
// tifa, and what tifa must do about it. Output attacks (-o onto links,
// FIFOs, devices, inputs) are in hostile_outputs_test.go.
type attack struct {
	name string
	// args makes in dir what the attack needs and returns tifa's
	// arguments.
	args func(t *testing.T, dir string) []string
	// stdin "block": standard input is a pipe nobody writes to or closes.
	stdin string
	// sigterm: SIGTERM is sent once the run has started.
	sigterm bool
	// binary: run the built tifa, not the command in-process (a real
	// signal to a real process).
	binary bool

	status int      // the exit status expected
	out    []string // each appears on stdout
	errs   []string // each appears on stderr
	not    []string // none appears on stdout or stderr
	// unwritten is a file in the test's folder the run must not leave.
	unwritten string
	// sameAs names a document of docs's CSV output, and the sample it was
	// made from, whose chars, review_chars and plan_chars must agree:
	// nothing of it was lost.
	sameAs [2]string
}

// TestHostile runs every input and command attack of issue 14 against the
// CLI, each within 10 seconds: no attack may hang, crash, drop a document
// silently or write a half output. A clear error (status 1) names the file
// or the flag; an odd entry among the reports is listed with its problem
// and the run goes on (status 0).
func TestHostile(t *testing.T) {
	for _, a := range hostileAttacks() {
		t.Run(a.name, func(t *testing.T) {
			dir := t.TempDir()
			args := a.args(t, dir)
			if a.binary {
				tifaBinary(t) // built before the clock starts
			}
			var status int
			var stdout, stderr string
			infiletest.Within(t, func() { status, stdout, stderr = a.run(t, args) })
			if status != a.status {
				t.Errorf("tifa %s: exit status %d, want %d\nstderr: %s", strings.Join(args, " "), status, a.status, stderr)
			}
			for _, w := range a.out {
				if !strings.Contains(stdout, w) {
					t.Errorf("tifa %s: stdout lacks %q:\n%s", strings.Join(args, " "), w, stdout)
				}
			}
			for _, w := range a.errs {
				if !strings.Contains(stderr, w) {
					t.Errorf("tifa %s: stderr lacks %q:\n%s", strings.Join(args, " "), w, stderr)
				}
			}
			for _, w := range a.not {
				if strings.Contains(stdout, w) || strings.Contains(stderr, w) {
					t.Errorf("tifa %s: %q printed\nstdout: %s\nstderr: %s", strings.Join(args, " "), w, stdout, stderr)
				}
			}
			if a.sameAs[0] != "" {
				checkSameChars(t, stdout, a.sameAs)
			}
			if a.unwritten != "" {
				if _, err := os.Lstat(filepath.Join(dir, a.unwritten)); err == nil {
					t.Errorf("tifa %s: %s written", strings.Join(args, " "), a.unwritten)
				}
			}
		})
	}
}

func hostileAttacks() []attack {
	// A few reports in a folder of the test's own, with the attack's file.
	folder := func(extra func(t *testing.T, dir string)) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			for _, n := range []string{"云溪镇_2020.txt", "云溪镇_2022.txt", "青溪县_2021.txt"} {
				copyFile(t, filepath.Join(samples, n), filepath.Join(dir, n))
			}
			extra(t, dir)
			return dir
		}
	}
	with := func(cmd string, extra func(t *testing.T, dir string), more ...string) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			return append([]string{cmd, folder(extra)(t, dir), "-f", "csv"}, more...)
		}
	}
	on := func(args ...string) func(t *testing.T, dir string) []string {
		return func(*testing.T, string) []string { return args }
	}
	needDevZero := func(t *testing.T) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero here")
		}
	}
	devZero := func(cmd string, more ...string) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			needDevZero(t)
			return append([]string{cmd, samples}, more...)
		}
	}
	symlink := func(target, name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
				t.Skip(err)
			}
		}
	}
	write := func(name string, body []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { writeTestFile(t, filepath.Join(dir, name), string(body)) }
	}
	sample := func(t *testing.T, name string) []byte {
		b, err := os.ReadFile(filepath.Join(samples, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// insert puts b into sample report name after its first "。" past the
	// middle.
	insert := func(name, as string, b []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			s := sample(t, name)
			i := len(s)/2 + bytes.Index(s[len(s)/2:], []byte("。")) + len("。")
			writeTestFile(t, filepath.Join(dir, as), string(s[:i])+string(b)+string(s[i:]))
		}
	}
	cache := func(damage func(t *testing.T, path string)) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			cdir := filepath.Join(dir, "cache")
			if _, _, err := run(t, "", "count", samples, "--cache", cdir, "-q", "-f", "csv"); err != nil {
				t.Fatal(err)
			}
			damage(t, filepath.Join(cdir, "cache.db"))
			return []string{"count", samples, "--cache", cdir, "-f", "csv"}
		}
	}
	repetitive := func(t *testing.T, dir string) {
		run := strings.Repeat("发", 20000)
		writeTestFile(t, filepath.Join(dir, "甲县_2020.txt"), "甲县政府工作报告"+run+"天地玄黄")
		writeTestFile(t, filepath.Join(dir, "乙县_2020.txt"), "乙县政府工作报告"+run+"宇宙洪荒")
	}
	own := func(t *testing.T, dir string) {
		if _, _, err := run(t, "", "report", samples, "-q", "-o", filepath.Join(dir, "report.html")); err != nil {
			t.Fatal(err)
		}
		if _, _, err := run(t, "", "count", samples, "-q", "--wide", "-o", filepath.Join(dir, "counts.md")); err != nil {
			t.Fatal(err)
		}
	}
	notRoot := func(t *testing.T) {
		if os.Getuid() == 0 {
			t.Skip("root reads every file")
		}
	}

	return []attack{
		// Special files among the reports and as named files (item 8, 9).
		{name: "FIFO among the reports", args: with("docs", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, "管道_2020.txt")) }),
			out: []string{"管道_2020.txt,", "not read: not a regular file: a named pipe (FIFO)", "云溪镇_2020.txt,"}},
		{name: "FIFO among the reports, counted", args: with("count", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, "管道_2020.txt")) }),
			out: []string{"云溪镇_2020.txt,"}, errs: []string{"管道_2020.txt: not read: not a regular file: a named pipe (FIFO)"}},
		{name: "FIFO named manifest.csv", args: with("count", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, "manifest.csv")) }),
			out: []string{"云溪镇_2020.txt,"}, errs: []string{"manifest.csv: not a regular file: a named pipe (FIFO): skipped, as if absent"}},
		{name: "FIFO as --meta", args: func(t *testing.T, dir string) []string {
			infiletest.FIFO(t, filepath.Join(dir, "m.csv"))
			return []string{"count", samples, "--meta", filepath.Join(dir, "m.csv")}
		}, status: 1, errs: []string{"m.csv", "a named pipe (FIFO)"}},
		{name: "/dev/zero as --meta", args: devZero("count", "--meta", "/dev/zero"), status: 1, errs: []string{"/dev/zero", "not a regular file: a character device"}},
		{name: "/dev/zero as --lexicon", args: devZero("count", "--lexicon", "/dev/zero"), status: 1, errs: []string{"/dev/zero", "not a regular file: a character device"}},
		{name: "/dev/zero as --font", args: func(t *testing.T, dir string) []string {
			needDevZero(t)
			return []string{"trend", samples, "--plot", filepath.Join(dir, "t.png"), "--font", "/dev/zero"}
		}, status: 1, errs: []string{"/dev/zero", "not a regular file: a character device"}},
		{name: "/dev/zero as --stopwords", args: devZero("terms", "--stopwords", "/dev/zero"), status: 1, errs: []string{"flag --stopwords: ", "/dev/zero", "not a regular file: a character device"}},
		{name: "/dev/zero as --indicators", args: devZero("targets", "--indicators", "/dev/zero"), status: 1, errs: []string{"flag --indicators: ", "/dev/zero", "not a regular file: a character device"}},
		{name: "/dev/zero named as a report", args: devZero("docs", "/dev/zero", "-f", "csv"), out: []string{"/dev/zero,", "not read: not a regular file: a character device"}},
		{name: "symlink to /dev/zero as a report", args: with("docs", func(t *testing.T, dir string) { needDevZero(t); symlink("/dev/zero", "零_2021.txt")(t, dir) }),
			out: []string{"零_2021.txt,", "not read: not a regular file: a character device"}},
		{name: "100 MB report", args: with("docs", func(t *testing.T, dir string) {
			infiletest.Sparse(t, filepath.Join(dir, "大_2020.txt"), []byte("大县"), 100_000_000)
		}),
			out: []string{"大_2020.txt,", "over the limit of 64 MB (--max-size raises it)"}},
		{name: "--max-size not a size", args: on("count", samples, "--max-size", "big"), status: 1, errs: []string{"flag --max-size: bad size"}},

		// Odd entries (item 10): listed, and the run goes on.
		{name: "non-UTF-8 file name", args: with("docs", write("bad\xff_2020.txt", []byte("甲乙丙"))),
			out: []string{`bad\xff_2020.txt,`, "file name is not valid utf-8"}, not: []string{"bad\xff"}},
		{name: "control characters in a file name", args: with("count", write("a\x1b[31m_2020.txt", nil)),
			errs: []string{`a\x1b[31m_2020.txt: file name holds control or invisible characters`}, not: []string{"\x1b"}},
		{name: "control characters in a name without a year", args: with("trend", func(t *testing.T, dir string) {
			noYear := strings.NewReplacer("2021", "", "2022", "").Replace(string(sample(t, "云溪镇_2022.txt")))
			writeTestFile(t, filepath.Join(dir, "x\x1b[2J.txt"), noYear)
		}), errs: []string{`without a known year left out of the trend (e.g. x\x1b[2J.txt)`}, not: []string{"\x1b"}},
		{name: "dangling symlink", args: with("docs", symlink("nowhere.txt", "断_2022.txt")), out: []string{"断_2022.txt,", "a symbolic link to nowhere.txt, which does not exist"}},
		{name: "symlink loop", args: with("docs", func(t *testing.T, dir string) {
			symlink("b_2020.txt", "a_2020.txt")(t, dir)
			symlink("a_2020.txt", "b_2020.txt")(t, dir)
		}), out: []string{"a_2020.txt,", "too many levels of symbolic links"}},
		{name: "folder symlink loop", args: with("docs", symlink(".", "again")), out: []string{"云溪镇_2020.txt,"}},
		{name: "unreadable report", args: with("docs", func(t *testing.T, dir string) {
			notRoot(t)
			writeTestFile(t, filepath.Join(dir, "锁_2020.txt"), "甲")
			if err := os.Chmod(filepath.Join(dir, "锁_2020.txt"), 0); err != nil {
				t.Fatal(err)
			}
		}), out: []string{"锁_2020.txt,", "not read: permission denied", "云溪镇_2020.txt,"}},

		// A damaged cache (item 11): moved aside with one warning.
		{name: "truncated cache.db", args: cache(func(t *testing.T, p string) {
			if err := os.Truncate(p, 20000); err != nil { // bbolt would fault on the pages cut off
				t.Fatal(err)
			}
		}), out: []string{"云溪镇_2020.txt,"}, errs: []string{"damaged database: truncated", "starting an empty cache"}},
		{name: "4096-byte cache.db", args: cache(func(t *testing.T, p string) { writeTestFile(t, p, strings.Repeat("\x00", 4096)) }),
			out: []string{"云溪镇_2020.txt,"}, errs: []string{"damaged"}},

		// Numeric flags (item 13).
		{name: "terms --top -1", args: on("terms", samples, "--top", "-1"), status: 1, errs: []string{"flag --top: must be 1..10000 (got -1)"}},
		{name: "similar --shared -1", args: on("similar", samples, "--shared", "-1"), status: 1, errs: []string{"flag --shared: must be 0..100 (got -1)"}},
		{name: "similar --shared 1000000000", args: on("similar", samples, "--shared", "1000000000"), status: 1, errs: []string{"flag --shared: must be 0..100 (got 1000000000)"}},
		{name: "cluster --top -1", args: on("cluster", samples, "--top", "-1"), status: 1, errs: []string{"flag --top: must be 1..1000 (got -1)"}},
		{name: "compare --top -1", args: on("compare", samples, "--a", "year=..2020", "--b", "year=2021..", "--top", "-1"), status: 1, errs: []string{"flag --top: must be 0 or more (got -1)"}},
		{name: "cluster --k 1000000000", args: on("cluster", samples, "--k", "1000000000"), status: 1, errs: []string{"flag --k"}},
		{name: "--min-df NaN", args: on("terms", samples, "--min-df", "NaN"), status: 1, errs: []string{"flag --min-df: must be 0..1000000 (got NaN)"}},
		{name: "kwic --width 1e12", args: on("kwic", samples, "六稳", "--width", "1000000000000"), status: 1, errs: []string{"flag --width: must be 0..50000"}},

		// Text that once cost a report, or all memory (items 14, 15, 16).
		{name: "reuse on a 20,000-character run", args: with("reuse", repetitive), out: []string{"甲县_2020.txt,", "乙县_2020.txt,", ",20007,1.000,1.000,1,"}},
		{name: "one bad byte", args: with("docs", insert("云溪镇_2022.txt", "坏_2022.txt", []byte{0xff})), sameAs: [2]string{"坏_2022.txt", "云溪镇_2022.txt"},
			out: []string{"坏_2022.txt,云溪镇,township,2022,", "1 byte sequences not valid utf-8, replaced by U+FFFD"}},
		{name: "two NUL bytes", args: with("docs", insert("云溪镇_2022.txt", "零_2022.txt", []byte{0, 0})), sameAs: [2]string{"零_2022.txt", "云溪镇_2022.txt"},
			out: []string{"零_2022.txt,云溪镇,township,2022,"}, not: []string{"binary"}},
		{name: "UTF-16 without a BOM", args: with("docs", func(t *testing.T, dir string) {
			writeTestFile(t, filepath.Join(dir, "十六_2022.txt"), utf16le(string(sample(t, "云溪镇_2022.txt"))))
		}), sameAs: [2]string{"十六_2022.txt", "云溪镇_2022.txt"}, out: []string{"十六_2022.txt,", "utf-16le"}},
		{name: "UTF-32", args: with("docs", func(t *testing.T, dir string) {
			writeTestFile(t, filepath.Join(dir, "三十二_2022.txt"), utf32le(string(sample(t, "云溪镇_2022.txt"))))
		}), sameAs: [2]string{"三十二_2022.txt", "云溪镇_2022.txt"}, out: []string{"三十二_2022.txt,", "utf-32le"}},
		{name: "menu line", args: func(t *testing.T, dir string) []string {
			b := sample(t, "青溪县_2017.txt") // mentions no 乡村振兴
			writeTestFile(t, filepath.Join(dir, "青溪县_2017.txt"), "首页|新闻|乡村振兴专栏\n"+string(b))
			return []string{"count", dir, "--slogan", "乡村振兴", "--all", "-f", "csv"}
		}, out: []string{"青溪县_2017.txt,青溪县,county,2017,all,乡村振兴,rural,0,0,0.000"}},
		{name: "empty reports, listed", args: func(t *testing.T, dir string) []string {
			writeTestFile(t, filepath.Join(dir, "甲县_2020.txt"), "")
			writeTestFile(t, filepath.Join(dir, "乙县_2021.txt"), "\n \n")
			return []string{"docs", dir, "-f", "csv"}
		}, out: []string{"甲县_2020.txt,", "empty file", "乙县_2021.txt,"}},
		{name: "empty reports, counted", args: func(t *testing.T, dir string) []string {
			writeTestFile(t, filepath.Join(dir, "甲县_2020.txt"), "")
			return []string{"count", dir}
		}, status: 1, errs: []string{"none of the 1 documents read has any text"}},
		{name: "empty standard input", args: on("count", "-"), status: 1, errs: []string{"none of the 1 documents read has any text"}},
		{name: "damaged .docx alone, quiet", args: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "甲县_2020.docx")
			writeTestFile(t, p, "PK\x03\x04garbage")
			return []string{"count", p, "-q"} // -q keeps the warning: the error alone must say why
		}, status: 1, errs: []string{"none of the 1 documents read has any text (first: ", "甲县_2020.docx: not read: damaged"}},
		{name: "tifa's own outputs in the folder", args: with("docs", own), out: []string{"report.html,", "counts.md,", "written by tifa"}},

		// Signals (item 8): SIGTERM ends a run as Ctrl-C does.
		{name: "SIGTERM while standard input blocks", args: func(t *testing.T, dir string) []string {
			return []string{"count", "-", "-o", filepath.Join(dir, "out.csv")}
		}, stdin: "block", sigterm: true, status: 143, errs: []string{"tifa: interrupted; no output written"}, unwritten: "out.csv"},
		{name: "SIGTERM to the process", binary: true, args: on("count", "-"), stdin: "block", sigterm: true,
			status: 143, errs: []string{"tifa: interrupted; no output written"}},
		{name: "FIFO folder with the built binary", binary: true, args: with("count", func(t *testing.T, dir string) { infiletest.FIFO(t, filepath.Join(dir, "管道_2020.txt")) }),
			out: []string{"云溪镇_2020.txt,"}},

		// Arguments (item 24).
		{name: "kwic without a term", args: on("kwic", samples), status: 1,
			errs: []string{"kwic: the TERM to find is missing: " + samples + " is taken for the reports", "usage: tifa kwic PATH... TERM"}},
		{name: "kwic without reports", args: on("kwic", "六稳"), status: 1, errs: []string{"kwic: the reports (PATH...) are missing: 六稳 is taken for the TERM"}},
	}
}

// run runs the attack's tifa with args: in-process through runMain, or
// the built binary (a.binary), sending SIGTERM when a.sigterm.
func (a attack) run(t *testing.T, args []string) (status int, stdout, stderr string) {
	var in io.Reader = strings.NewReader("")
	var unblock func()
	if a.stdin == "block" {
		r, w := io.Pipe()
		in, unblock = r, func() { w.Close() }
		defer unblock()
	}
	var out, errb bytes.Buffer
	if a.binary {
		cmd := exec.Command(tifaBinary(t), args...)
		cmd.Dir = t.TempDir()
		cmd.Stdout, cmd.Stderr = &out, &errb
		if a.stdin == "block" {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			defer r.Close()
			cmd.Stdin = r
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if a.sigterm {
			time.Sleep(300 * time.Millisecond)
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
		}
		_ = cmd.Wait()
		return cmd.ProcessState.ExitCode(), out.String(), errb.String()
	}
	sigs := make(chan os.Signal, 1)
	exited := make(chan int, 1)
	exit := func(code int) { // the process would end here
		exited <- code
		if unblock != nil {
			unblock()
		}
	}
	if a.sigterm {
		go func() {
			time.Sleep(300 * time.Millisecond)
			sigs <- syscall.SIGTERM
		}()
	}
	status = runMain(args, in, &out, &errb, sigs, exit)
	if a.sigterm {
		select {
		case code := <-exited:
			if code != status {
				t.Errorf("the process would have ended with %d, runMain returned %d", code, status)
			}
		default:
			t.Errorf("the run blocked on standard input did not make the process end")
		}
	}
	return status, out.String(), errb.String()
}

// checkSameChars checks that the two documents of docs's CSV output
// named in pair have the same chars, review_chars and plan_chars.
func checkSameChars(t *testing.T, out string, pair [2]string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("docs output is no CSV (%v):\n%s", err, out)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	row := map[string][]string{}
	for _, r := range recs[1:] {
		row[r[col["id"]]] = r
	}
	a, b := row[pair[0]], row[pair[1]]
	if a == nil || b == nil {
		t.Fatalf("docs lists no %s or no %s:\n%s", pair[0], pair[1], out)
	}
	for _, c := range []string{"chars", "review_chars", "plan_chars"} {
		if a[col[c]] != b[col[c]] || b[col[c]] == "0" {
			t.Errorf("%s: %s %s, %s has %s", c, pair[0], a[col[c]], pair[1], b[col[c]])
		}
	}
}

var (
	buildOnce sync.Once
	builtTifa string
	buildErr  error
)

// tifaBinary builds tifa once per test binary and returns its path.
func tifaBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	if testing.Short() {
		t.Skip("builds tifa: not with -short")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tifa-hostile")
		if err != nil {
			buildErr = err
			return
		}
		builtTifa = filepath.Join(dir, "tifa")
		out, err := exec.Command("go", "build", "-o", builtTifa, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			builtTifa = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, builtTifa)
	}
	return builtTifa
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, to, string(b))
}

// utf16le and utf32le encode s without a byte order mark.
func utf16le(s string) string {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
	return b
}

func utf32le(s string) string {
	b, _ := utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewEncoder().String(s)
	return b
}
