package places

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseOverrides(t *testing.T) {
	g := gaz(t)
	good := "\uFEFFname,code,note\n# comments are skipped\n城关镇,410325100,嵩县\n保定/徐水区/2019.txt,130609\n雄安新区_2020.txt,130000\n徐水区,130609\n" +
		"001.txt#2,320509110\n白沙工业园,None\n"
	o, err := ParseOverrides("my.csv", strings.NewReader(good), g)
	if err != nil {
		t.Fatal(err)
	}
	if o.Len() != 6 {
		t.Errorf("%d overrides, want 6", o.Len())
	}
	r := NewResolver(g, o)
	tests := []struct {
		doc     Doc
		code    string
		matched string
		why     string
	}{
		{Doc{Region: "城关镇", Year: 2020}, "410325100", "城关镇", "my.csv:3"},
		{Doc{Path: "保定/徐水区/2019.txt", Region: "清苑县", Year: 2019}, "130609", "保定/徐水区/2019.txt", "my.csv:4"},
		{Doc{Path: "x/雄安新区_2020.txt", Year: 2020}, "130000", "雄安新区_2020.txt", "my.csv:5"},
		// A name found in the header is overridden too.
		{Doc{Header: "我代表徐水区人民政府", Year: 2019}, "130609", "徐水区", "my.csv:6"},
		{Doc{Region: "清苑县", Year: 2010}, "130622", "清苑县", "region"},
		// A path matches by its last folders: the ID of a document read
		// from another folder argument.
		{Doc{Path: "/data/reports/保定/徐水区/2019.txt", Region: "清苑县", Year: 2019}, "130609", "保定/徐水区/2019.txt", "my.csv:4"},
		{Doc{Path: "seeds/001.txt", Part: 2, Year: 2020}, "320509110", "001.txt#2", "my.csv:7"},
		{Doc{Path: "seeds/001.txt", Part: 1, Header: "我代表徐水区人民政府", Year: 2019}, "130609", "徐水区", "my.csv:6"},
		{Doc{Path: "徐水区/2019.txt", Region: "清苑县", Year: 2010}, "130622", "清苑县", "region"}, // not a tail at a folder boundary
		{Doc{Region: "白沙工业园", Year: 2020}, "", "白沙工业园", "my.csv:8: no division"},
	}
	for _, tc := range tests {
		res := r.Resolve(tc.doc)
		wantSrc := FromOverride
		if tc.why == "region" {
			wantSrc = FromManifest
		}
		if res.Code != tc.code || res.Matched != tc.matched || res.Source != wantSrc || !strings.Contains(res.Why, tc.why) || res.NoDivision != (tc.code == "") {
			t.Errorf("Resolve(%+v) = %s %s %s %q, want %s %s %s %q", tc.doc, res.Code, res.Matched, res.Source, res.Why, tc.code, tc.matched, wantSrc, tc.why)
		}
	}
	if (*Overrides)(nil).Len() != 0 {
		t.Error("a nil Overrides is not empty")
	}
}

func TestParseOverridesErrors(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name string
		in   string
		want string // the error's text
		is   error
	}{
		{"bad code", "name,code\n城关镇,410325100\n清苑县,1306\n", "places my.csv:3:11: code \"1306\": not a code of the gazetteer", ErrBadCode},
		{"unknown code", "清苑县,130699\n", "places my.csv:1:11: code \"130699\": not a code", ErrBadCode},
		{"empty code", "清苑县,\n", "places my.csv:1:11: code \"\"", ErrBadCode},
		{"one field", "清苑县\n", "places my.csv:1: want name,code (got 1 field)", ErrFields},
		{"empty name", ",130622\n", "places my.csv:1:1: empty name", nil},
		{"twice", "清苑县,130622\n徐水县,130625\n清苑县,130608\n", "places my.csv:3: 清苑县: given twice with different codes (line 1: 130622; here 130608)", ErrDuplicate},
		{"bare quote", "清苑县,\"130622\n", "places my.csv:1:", nil},
		{"GBK", "\xc7\xe5\xd4\xb7\xcf\xd8,130622\n", "places my.csv:1: not UTF-8 text", ErrEncoding},
		{"GBK on line 2", "清苑县,130622\n\xc7\xe5,130608\n", "places my.csv:2: not UTF-8", ErrEncoding},
		{"binary", "清苑县,130622\x00\n", "places my.csv:1: not UTF-8", ErrEncoding},
		{"empty", "", "places my.csv: no overrides in the file", ErrEmpty},
		{"header only", "name,code\n", "places my.csv: no overrides", ErrEmpty},
		{"comments only", "# nothing\n", "places my.csv: no overrides", ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOverrides("my.csv", strings.NewReader(tc.in), g)
			var pe *ParseError
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.As(err, &pe) {
				t.Fatalf("ParseOverrides: %v, want a *ParseError %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v is not %v", err, tc.is)
			}
		})
	}
	// A reader failing, and one without end.
	if _, err := ParseOverrides("r.csv", iotest.ErrReader(errors.New("boom")), g); err == nil || !strings.Contains(err.Error(), "places r.csv: boom") {
		t.Errorf("failing reader: %v", err)
	}
	if _, err := ParseOverrides("/dev/zero", zeros{}, g); !errors.Is(err, ErrTooLarge) {
		t.Errorf("endless reader: %v, want ErrTooLarge", err)
	}
}

// zeros reads zero bytes without end, as /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func FuzzParseOverrides(f *testing.F) {
	g, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"name,code\n城关镇,410325100\n", "清苑县,130622,note\n# c\n", "a,\"b\n", "\xff,1", "清苑县,130622\n清苑县,130608\n", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		o, err := ParseOverrides("f.csv", strings.NewReader(in), g)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f.csv" || !strings.HasPrefix(err.Error(), "places f.csv") {
				t.Fatalf("error %v is no ParseError of f.csv", err)
			}
			return
		}
		if o.Len() == 0 {
			t.Fatal("no error and no overrides")
		}
		for key, ov := range o.rows {
			if _, ok := g.Place(ov.code, 0); !ok && ov.code != NoDivision || key == "" || ov.line < 1 {
				t.Fatalf("override %q → %+v", key, ov)
			}
		}
	})
}
