package places

import (
	"fmt"
	"testing"
)

// BenchmarkLoad decodes the embedded gazetteer (Load does it once).
func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(gazetteerData)))
	for b.Loop() {
		g, err := decode(gazetteerData)
		if err != nil || g.towns != 41352 {
			b.Fatalf("decode: %v", err)
		}
	}
}

// benchDocs returns n documents of townships drawn evenly from the
// gazetteer (names shared with other townships included), with their
// county and province, as the manifest of bench/gen gives them; with
// headers true, the place is in the header only (county and township), as
// a report's first lines give it. want holds their codes. Townships the
// context cannot tell apart (two 西街街道 in two 城区 of 山西省) are left
// out: their names and counties are counted first.
func benchDocs(tb testing.TB, g *Gazetteer, n int, headers bool) (docs []Doc, want []string) {
	type town struct {
		Place
		p Parents
	}
	var towns []town
	seen := map[string]int{}
	key := func(t town) string {
		if headers {
			return t.p.County.Name + "|" + t.Name
		}
		return t.p.Province.Name + "|" + t.p.County.Name + "|" + t.Name
	}
	for _, t := range g.Places(Township, 2022) {
		p := g.Parents(t.Code, 2022)
		if p.County.Code == "" || !hasTownSuffix(t.Name) {
			continue // in a zone, or a farm (农场) no header names as a township
		}
		towns = append(towns, town{t, p})
		seen[key(towns[len(towns)-1])]++
	}
	for k := 0; len(docs) < n; k++ {
		t := towns[k*7919%len(towns)]
		if seen[key(t)] > 1 {
			continue
		}
		// The names are those of 2022: in another year a county may have had
		// a namesake (长治's 城区 until 2018, beside 晋城's), so the year is
		// 2022 for the oracle to hold.
		year := 2022
		d := Doc{Year: year, Level: Township, Region: t.Name, County: t.p.County.Name, Province: t.p.Province.Name}
		if headers {
			d = Doc{Year: year, Header: fmt.Sprintf("%s%s%d年政府工作报告\n——%d年3月1日在%s%s第十届人民代表大会第二次会议上\n各位代表：\n现在，我代表%s人民政府，向大会报告政府工作，请予审议。\n",
				t.p.County.Name, t.Name, year, year, t.p.County.Name, t.Name, t.Name)}
		}
		docs = append(docs, d)
		want = append(want, t.Code)
	}
	return docs, want
}

// BenchmarkResolve resolves 50,000 townships from manifest rows
// (name, county, province): the target is under 1 s an op.
func BenchmarkResolve(b *testing.B) {
	for _, headers := range []bool{false, true} {
		name := "manifest"
		if headers {
			name = "header"
		}
		b.Run(name, func(b *testing.B) {
			g := gaz(b)
			r := NewResolver(g, nil)
			docs, want := benchDocs(b, g, 50000, headers)
			for b.Loop() {
				for i, d := range docs {
					if res := r.Resolve(d); res.Code != want[i] {
						b.Fatalf("%+v: %s (%s), want %s", d, res.Code, res.Why, want[i])
					}
				}
			}
		})
	}
}

// hasTownSuffix reports whether a township's name is Han characters ending
// in 镇, 乡, 街道 or 苏木, as a header names it.
func hasTownSuffix(name string) bool {
	ms := Mentions(name)
	return len(ms) == 1 && ms[0].Run == 0 && ms[0].End == len(name) && ms[0].Level == Township
}
