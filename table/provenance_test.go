package table

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestProvenanceHashQuoted: after comment lines, a field holding '#' is
// quoted, so readers told that '#' starts a comment keep it whole.
func TestProvenanceHashQuoted(t *testing.T) {
	tb := &Table{Cols: []Column{Text("doc"), Int("year"), Text("note")}}
	tb.Add("bundle.txt#2", 2020, `say "hi", #1`)
	tb.Add(" lead", nil, "")
	for _, c := range []struct {
		format string
		comma  rune
		want   string
	}{
		{FormatCSV, ',', "doc,year,note\n\"bundle.txt#2\",2020,\"say \"\"hi\"\", #1\"\n\" lead\",,\n"},
		{FormatTSV, '\t', "doc\tyear\tnote\n\"bundle.txt#2\"\t2020\t\"say \"\"hi\"\", #1\"\n\" lead\"\t\t\n"},
	} {
		var buf bytes.Buffer
		p := Provenance{Command: "tifa x", Version: "test", Date: "2023-11-14"}
		if err := (Output{Stdout: &buf, Prov: &p}).Write(c.format, false, tb); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("%s:\n%s\nwant it to end\n%s", c.format, got, c.want)
		}
		r := csv.NewReader(strings.NewReader(got))
		r.Comma, r.Comment = c.comma, '#'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 3 || recs[1][0] != "bundle.txt#2" || recs[1][2] != `say "hi", #1` || recs[2][0] != " lead" {
			t.Errorf("%s read back as %q", c.format, recs)
		}
	}
}
