package reports

import (
	"encoding/csv"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParseManifest(t *testing.T) {
	const in = "\ufeff File , YEAR,region,Level,source_repo,note\n" +
		"national/全国_1954.txt,1954,全国,national,ropensci/textworkshop17@d26f42fd17ef,\"premier: 周恩来; a, b\"\n" +
		"./provincial\\浙江_2025.txt,2025,浙江,,x/y,\n" +
		"city/天门_2024.txt,,天门,县,,\n"
	m, err := ParseManifest(strings.NewReader(in), "manifest.csv", ".")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"source_repo", "note"}; !reflect.DeepEqual(m.Extra, want) {
		t.Errorf("Extra = %q, want %q", m.Extra, want)
	}
	want := []ManifestRow{
		{File: "national/全国_1954.txt", Line: 2, Meta: Meta{Region: "全国", Level: LevelNational, Year: 1954,
			Extra:        map[string]string{"source_repo": "ropensci/textworkshop17@d26f42fd17ef", "note": "premier: 周恩来; a, b"},
			RegionSource: SourceManifest, LevelSource: SourceManifest, YearSource: SourceManifest}},
		{File: "provincial/浙江_2025.txt", Line: 3, Meta: Meta{Region: "浙江", Year: 2025,
			Extra:        map[string]string{"source_repo": "x/y", "note": ""},
			RegionSource: SourceManifest, YearSource: SourceManifest}},
		{File: "city/天门_2024.txt", Line: 4, Meta: Meta{Region: "天门", Level: LevelCounty,
			Extra:        map[string]string{"source_repo": "", "note": ""},
			RegionSource: SourceManifest, LevelSource: SourceManifest}},
	}
	if !reflect.DeepEqual(m.Rows, want) {
		t.Errorf("Rows =\n%+v\nwant\n%+v", m.Rows, want)
	}
	if row, ok := m.Lookup("provincial/浙江_2025.txt"); !ok || row.Line != 3 {
		t.Errorf("Lookup = %+v, %v", row, ok)
	}
	if _, ok := m.Lookup("浙江_2025.txt"); ok {
		t.Error("Lookup found a file by its base name only")
	}
}

func TestParseManifestErrors(t *testing.T) {
	const head = "file,region,level,year\n"
	tests := []struct {
		name string
		in   string
		line int
		is   error  // errors.Is target
		msg  string // substring of the message
	}{
		{"empty", "", 0, ErrMissingColumn, "manifest.csv: missing required column: no header row"},
		{"missing year column", "file,region,level\na.txt,浙江,province\n", 1, ErrMissingColumn,
			"manifest.csv:1: missing required column year (want file,region,level,year; got file,region,level)"},
		{"missing two columns", "file,region\n", 1, ErrMissingColumn, "column level,year"},
		{"duplicate column", "file,region,level,year,Year\n", 1, ErrDuplicateColumn, `duplicate column "Year"`},
		{"non-numeric year", head + "a.txt,浙江,province,2025\nb.txt,浙江,province,二〇二五\n", 3, ErrBadYear,
			`manifest.csv:3: bad year "二〇二五": not a 4-digit number`},
		{"year with decimals", head + "a.txt,浙江,province,2025.0\n", 2, ErrBadYear, "not a 4-digit number"},
		{"year out of range", head + "a.txt,浙江,province,1900\n", 2, ErrBadYear, "bad year 1900: outside 1949..2100"},
		{"unknown level", head + "a.txt,浙江,provincial,2025\n", 2, ErrBadLevel,
			`manifest.csv:2: unknown level "provincial" (want one of national, province, city, county, district, township, street)`},
		{"duplicate file", head + "a.txt,浙江,,2025\nb.txt,,,\n./a.txt,江苏,,2024\n", 4, ErrDuplicateFile,
			"manifest.csv:4: duplicate file a.txt (first listed at line 2)"},
		{"empty file cell", head + " ,浙江,,2025\n", 2, ErrEmptyFile, "manifest.csv:2: empty file name"},
		{"wrong field count", head + "a.txt,浙江,province\n", 2, csv.ErrFieldCount, "manifest.csv:2: record on line 2"},
		{"bare quote", head + "a.txt,浙\"江,province,2025\n", 2, csv.ErrBareQuote, "manifest.csv:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseManifest(strings.NewReader(tt.in), "manifest.csv", ".")
			if err == nil {
				t.Fatal("no error")
			}
			var me *ManifestError
			if !errors.As(err, &me) {
				t.Fatalf("error %T is not a *ManifestError: %v", err, err)
			}
			if me.File != "manifest.csv" || me.Line != tt.line {
				t.Errorf("at %s:%d, want manifest.csv:%d", me.File, me.Line, tt.line)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func FuzzManifest(f *testing.F) {
	f.Add("file,region,level,year\na.txt,浙江,province,2025\n")
	f.Add("FILE, Region ,level,year,note\n\"a,b.txt\",,,,\"x\ny\"\n")
	f.Add("file,region,level,year\na.txt,,,\na.txt,,,\n")
	f.Add("\ufefffile,region,level,year\n../a.txt,全国,全国,1954\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ParseManifest(strings.NewReader(in), "m.csv", ".")
		if err != nil {
			var me *ManifestError
			if !errors.As(err, &me) || me.File != "m.csv" || me.Line < 0 {
				t.Fatalf("error %v is not a located *ManifestError", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, row := range m.Rows {
			if row.File == "" || seen[row.File] {
				t.Errorf("row file %q empty or duplicate", row.File)
			}
			seen[row.File] = true
			if y := row.Meta.Year; y != 0 && (y < MinYear || y > MaxYear) {
				t.Errorf("year %d out of range", y)
			}
			if l := row.Meta.Level; l != "" && !inList(Levels, l) {
				t.Errorf("level %q not one of Levels", l)
			}
			if got, ok := m.Lookup(row.File); !ok || got.Line != row.Line {
				t.Errorf("Lookup(%q) = %+v, %v", row.File, got, ok)
			}
		}
	})
}

func ExampleParseManifest() {
	in := "file,region,level,year,note\n浙江_2025.txt,浙江,province,2025,\nsub/店口镇-2020.txt,店口镇,,２０２0年,\n"
	_, err := ParseManifest(strings.NewReader(in), "manifest.csv", ".")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrBadYear))
	// Output:
	// manifest.csv:3: bad year "2020年": not a 4-digit number
	// true
}
