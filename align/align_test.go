package align

import (
	"fmt"
	"math"
	"testing"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// unit is a document of region (level l) in year, placed by the gazetteer.
func unit(t *testing.T, g *places.Gazetteer, id, region string, l places.Level, year int) vector.Unit {
	t.Helper()
	res := places.NewResolver(g, nil).Resolve(places.Doc{Region: region, Level: l, Year: year})
	return vector.Unit{ID: id, Meta: reports.Meta{Region: region, Year: year, Place: &res}, Docs: []string{id}}
}

// vectors weighs counts (one row a unit, columns the slogans A B C D).
func vectors(t *testing.T, units []vector.Unit, counts [][]float64) *vector.Vectors {
	t.Helper()
	m := &vector.Matrix{Space: vector.SpaceSlogans, Units: units, Terms: []string{"A", "B", "C", "D"}, Entries: []int{0, 1, 2, 3}, Counts: sparse.FromDense(counts)}
	v, err := vector.Weigh(m, &vector.TFIDF{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAlign(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	units := []vector.Unit{
		unit(t, g, "n20", "全国", places.National, 2020),
		unit(t, g, "p20", "河北", places.Province, 2020),
		unit(t, g, "c19", "保定市", places.Prefecture, 2019),
		unit(t, g, "c20", "保定市", places.Prefecture, 2020),
		unit(t, g, "k20", "清苑区", places.County, 2020),
		unit(t, g, "k10", "清苑县", places.County, 2010),
		unit(t, g, "x20", "某某镇", places.Township, 2020),
	}
	slogans := vectors(t, units, [][]float64{
		{3, 1, 0, 0},
		{1, 2, 1, 0},
		{0, 1, 0, 2},
		{2, 1, 1, 0},
		{1, 1, 0, 1},
		{0, 0, 1, 0},
		{1, 0, 0, 0},
	})
	words := vectors(t, units, [][]float64{
		{1, 1, 1, 1},
		{1, 0, 1, 0},
		{0, 1, 0, 1},
		{1, 1, 0, 0},
		{0, 0, 1, 1},
		{1, 0, 0, 0},
		{0, 1, 0, 0},
	})
	as := Align(slogans, words, g)
	// The oracle of the cosines: vector.CosineMatrix, computed apart.
	cs, cw := vector.CosineMatrix(slogans.X), vector.CosineMatrix(words.X)
	tests := []struct {
		doc, superior   string
		same, prev      int
		shared, lacking string
	}{
		{"n20", "", -1, -1, "[]", "[]"},        // the centre has none
		{"p20", "全国", 0, -1, "[A B]", "[]"},    // 全国 2020; no 2019
		{"c19", "", -1, -1, "[]", "[]"},        // no report of 河北 or 全国 in 2019 or 2018
		{"c20", "河北省", 1, -1, "[B A C]", "[]"}, // 河北 2020 (B 2, then A and C by label)
		{"k20", "保定市", 3, 2, "[A B]", "[C]"},   // its city, both years; shared with the same year's
		{"k10", "", -1, -1, "[]", "[]"},        // 2010: no superior's report
		{"x20", "", -1, -1, "[]", "[]"},        // no code
	}
	for i, tc := range tests {
		a := as[i]
		var shared, lacking []string
		for _, c := range a.Shared {
			shared = append(shared, slogans.Terms[c])
		}
		for _, c := range a.Lacking {
			lacking = append(lacking, slogans.Terms[c])
		}
		if a.Doc != i || a.Superior.Name != tc.superior || a.Same != tc.same || a.Prev != tc.prev ||
			fmt.Sprint(shared) != tc.shared || fmt.Sprint(lacking) != tc.lacking {
			t.Errorf("%s: %d %q same %d prev %d shared %v lacking %v; want %q %d %d %s %s", tc.doc, a.Doc, a.Superior.Name, a.Same, a.Prev, shared, lacking, tc.superior, tc.same, tc.prev, tc.shared, tc.lacking)
		}
		if a.Same >= 0 && (math.Abs(a.SlogansSame-cs[i][a.Same]) > 1e-12 || math.Abs(a.WordsSame-cw[i][a.Same]) > 1e-12) {
			t.Errorf("%s: same-year cosines %g %g, want %g %g", tc.doc, a.SlogansSame, a.WordsSame, cs[i][a.Same], cw[i][a.Same])
		}
		if a.Prev >= 0 && (math.Abs(a.SlogansPrev-cs[i][a.Prev]) > 1e-12 || math.Abs(a.WordsPrev-cw[i][a.Prev]) > 1e-12) {
			t.Errorf("%s: previous-year cosines %g %g, want %g %g", tc.doc, a.SlogansPrev, a.WordsPrev, cs[i][a.Prev], cw[i][a.Prev])
		}
	}
	// Summary: one pair per key here; the mean and median are its cosine.
	var got []string
	for _, s := range Summarize(as, units) {
		if s.N != 1 || s.MeanSlogans != s.MedianSlogans || s.MeanWords != s.MedianWords {
			t.Errorf("%+v: n or mean ≠ median", s)
		}
		got = append(got, fmt.Sprintf("%s<%s %d %s", s.Level, s.SuperiorLevel, s.Year, s.Against))
	}
	want := "[province<national 2020 same_year city<province 2020 same_year county<city 2020 same_year county<city 2020 previous_year]"
	if fmt.Sprint(got) != want {
		t.Errorf("Summarize: %v, want %s", got, want)
	}
	if m := median([]float64{3, 1, 2, 10}); m != 2.5 {
		t.Errorf("median = %g, want 2.5", m)
	}
}

func TestAlignPanicsOnOtherUnits(t *testing.T) {
	g, _ := places.Load()
	a := vectors(t, []vector.Unit{{ID: "a"}}, [][]float64{{1, 0, 0, 0}})
	b := vectors(t, []vector.Unit{{ID: "b"}}, [][]float64{{1, 0, 0, 0}})
	defer func() {
		if r := recover(); r == nil || fmt.Sprint(r)[:7] != "align: " {
			t.Errorf("recovered %v, want an align: panic", r)
		}
	}()
	Align(a, b, g)
}

// TestAlignCounts: weighing the two spaces' counts and aligning them is
// Align on the vectors weighed apart.
func TestAlignCounts(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	units := []vector.Unit{
		unit(t, g, "p20", "河北", places.Province, 2020),
		unit(t, g, "c20", "保定市", places.Prefecture, 2020),
		unit(t, g, "k20", "清苑区", places.County, 2020),
	}
	matrix := func(counts [][]float64) *vector.Matrix {
		return &vector.Matrix{Space: vector.SpaceSlogans, Units: units, Terms: []string{"A", "B", "C", "D"}, Entries: []int{0, 1, 2, 3}, Counts: sparse.FromDense(counts)}
	}
	sc, wc := [][]float64{{3, 1, 0, 0}, {1, 2, 1, 0}, {0, 1, 2, 2}}, [][]float64{{1, 1, 1, 1}, {1, 0, 1, 0}, {0, 1, 0, 1}}
	v, got, err := AlignCounts(matrix(sc), matrix(wc), vector.TFIDF{Sublinear: true})
	if err != nil {
		t.Fatal(err)
	}
	weigh := func(counts [][]float64) *vector.Vectors {
		v, err := vector.Weigh(matrix(counts), &vector.TFIDF{Sublinear: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	want := Align(weigh(sc), weigh(wc), g)
	if len(v.Units) != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("AlignCounts %+v\nAlign       %+v", got, want)
	}
}
