package audit

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const header = "doc,region,level,year,entry,category,form,offset,line,left,match,right,mentions,verdict,note\n"

const goodFile = header +
	"a.txt,青溪县,county,2020,六稳,economy,六稳,10,2,做好,六稳,工作,12,yes,\n" +
	"a.txt,青溪县,county,2020,六稳,economy,六稳,40,3,坚持,六稳,和,12, No ,another scheme\n" +
	"\n" +
	"b.txt,,,,负面清单,reform,负面清单,5,1,,负面清单,,3,?,\n" +
	"b.txt,,,,负面清单,reform,负面清单,9,1,,负面清单,,3\n" // a spreadsheet dropped the empty cells

func TestRead(t *testing.T) {
	got, err := Read("s.csv", strings.NewReader(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Doc: "a.txt", Region: "青溪县", Level: "county", Year: 2020, Entry: "六稳", Category: "economy", Form: "六稳", Offset: 10, TextLine: 2,
			Left: "做好", Match: "六稳", Right: "工作", Mentions: 12, Verdict: Yes, Row: 2},
		{Doc: "a.txt", Region: "青溪县", Level: "county", Year: 2020, Entry: "六稳", Category: "economy", Form: "六稳", Offset: 40, TextLine: 3,
			Left: "坚持", Match: "六稳", Right: "和", Mentions: 12, Verdict: No, Note: "another scheme", Row: 3},
		{Doc: "b.txt", Entry: "负面清单", Category: "reform", Form: "负面清单", Offset: 5, TextLine: 1, Match: "负面清单", Mentions: 3, Row: 5},
		{Doc: "b.txt", Entry: "负面清单", Category: "reform", Form: "负面清单", Offset: 9, TextLine: 1, Match: "负面清单", Mentions: 3, Row: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read:\n got %+v\nwant %+v", got, want)
	}
	// As spreadsheets save it: BOM, CRLF, TSV, GB18030, UTF-16; columns in
	// another order and case.
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(goodFile)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(goodFile)
	for name, in := range map[string]string{
		"bom":      "\ufeff" + goodFile,
		"crlf":     strings.ReplaceAll(goodFile, "\n", "\r\n"),
		"tsv":      strings.ReplaceAll(goodFile, ",", "\t"),
		"gb18030":  gb,
		"utf-16le": u16,
	} {
		again, err := Read(name, strings.NewReader(in))
		if err != nil || !reflect.DeepEqual(again, want) {
			t.Errorf("%s: %v\n got %+v", name, err, again)
		}
	}
	swapped := "Verdict , ENTRY,mentions\nyes,六稳,3\n"
	if got, err := Read("s.csv", strings.NewReader(swapped)); err != nil || len(got) != 1 || got[0].Verdict != Yes || got[0].Entry != "六稳" {
		t.Errorf("columns by name: %+v, %v", got, err)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{"audit s.csv: empty file: want the CSV written by tifa lexicon sample, with its verdicts filled in"}},
		{"header only", header, []string{"audit s.csv:1: a header and no lines"}},
		{"missing columns", "doc,entry\na,b\n", []string{"audit s.csv:1: no column mentions, verdict: want the header written by tifa lexicon sample (" +
			strings.Join(Columns, ",") + ")"}},
		{"column twice", "entry,entry,mentions,verdict\n", []string{`audit s.csv:1: column "entry" twice`}},
		{"bad values", header +
			"a,,,,六稳,economy,,1,1,,,,12,maybe,\n" +
			"a,,,,六稳,economy,,2,1,,,,-3,yes,\n" +
			"a,,,,,economy,,3,1,,,,12,yes,\n" +
			"a,,,,六稳,economy,,x,1,,,,12,yes,\n" +
			"a,,,,六稳,economy,,5,1,,,,12,yes,\n" +
			"a,,,,六稳,social,,6,1,,,,12,yes,\n" +
			"a,,,,六稳,economy,,5,1,,,,12,no,\n",
			[]string{
				`audit s.csv:2: bad verdict "maybe": write yes or no (or leave it empty, or ?, to skip the line)`,
				`audit s.csv:3: mentions "-3": want a whole number, 0 or more`,
				"audit s.csv:4: empty entry",
				`audit s.csv:5: offset "x": want a whole number, 0 or more`,
				`audit s.csv:7: entry 六稳 has mentions 12 and category "social", but 12 and "economy" on line 6: every line of an entry carries the same`,
				"audit s.csv:8: repeats line 6 (the same mention of 六稳 in a at offset 5): it would count twice",
			}},
		{"broken quoting", header + "a,,,,六稳,economy,,1,1,\"x,,,12,yes,\n", []string{`audit s.csv:2: extraneous or missing " in quoted-field`}},
		{"binary", "\x00\x01\x02", []string{"audit s.csv: not text: binary data (NUL or control bytes, and no encoding reads them as text)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("s.csv", strings.NewReader(tc.in))
			if got != nil || err == nil {
				t.Fatalf("Read = %+v, %v; want an error", got, err)
			}
			if lines := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(lines, tc.want) {
				t.Errorf("errors\n got %q\nwant %q", lines, tc.want)
			}
		})
	}
	_, err := Read("s.csv", strings.NewReader(header+"a,,,,六稳,economy,,1,1,,,,12,maybe,\n"))
	var e *Error
	if !errors.Is(err, ErrVerdict) || !errors.As(err, &e) || e.Line != 2 || e.File != "s.csv" {
		t.Errorf("error %v: not an *Error at s.csv:2 wrapping ErrVerdict", err)
	}
	// Many problems: Read stops after 20.
	many := header + strings.Repeat("a,,,,六稳,economy,,1,1,,,,12,maybe,\n", 30)
	_, err = Read("s.csv", strings.NewReader(many))
	if lines := strings.Split(err.Error(), "\n"); len(lines) != 21 || lines[20] != "audit s.csv:22: stopped after 20 problems" {
		t.Errorf("%d errors, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "missing.csv")); err == nil || !strings.HasPrefix(err.Error(), "audit "+dir) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("a folder: %v", err)
	}
	p := filepath.Join(dir, "s.csv")
	if err := os.WriteFile(p, []byte(goodFile), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadFile(p); err != nil || len(got) != 4 {
		t.Errorf("ReadFile: %d lines, %v", len(got), err)
	}
}

// TestReadLarge: an endless input (a device) stops at MaxFileSize.
func TestReadLarge(t *testing.T) {
	_, err := Read("zero", zeros{})
	if err == nil || !strings.Contains(err.Error(), "not a sample file") {
		t.Errorf("endless input: %v", err)
	}
}

// zeros is an endless reader of commas, like /dev/zero but text.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ','
	}
	return len(p), nil
}

func FuzzRead(f *testing.F) {
	f.Add(goodFile)
	f.Add("entry,mentions,verdict\n六稳,1,是\n六稳,1,否\n")
	f.Add("entry\tmentions\tverdict\n\"a\"\"\t1\ty\n")
	f.Add(header + "a,,,,六稳,economy,,1,1,,,,12,maybe,\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Read("fuzz.csv", strings.NewReader(in))
		if err != nil {
			if got != nil || !strings.HasPrefix(err.Error(), "audit fuzz.csv") {
				t.Fatalf("error %q with %d lines", err, len(got))
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no error and no lines")
		}
		first := map[string]Line{}
		for _, l := range got {
			if l.Entry == "" || l.Mentions < 0 || l.Row < 2 {
				t.Fatalf("bad line %+v", l)
			}
			if f, ok := first[l.Entry]; ok && (f.Mentions != l.Mentions || f.Category != l.Category) {
				t.Fatalf("lines of %s disagree: %+v, %+v", l.Entry, f, l)
			}
			first[l.Entry] = l
		}
		r := Score(got)
		if r.All.Judged > 0 && !(r.All.P >= 0 && r.All.P <= 1 && r.All.Low <= r.All.P && r.All.P <= r.All.High) {
			t.Fatalf("score out of bounds: %+v", r.All)
		}
	})
}
