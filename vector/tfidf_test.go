package vector

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

// tfidfFixture is three documents over four terms t0..t3:
//
//	doc0: t0×2 t1×1
//	doc1: t0×1 t2×1
//	doc2: t0×1 t1×1 t3×3
//
// so df = (3, 2, 1, 1), n = 3. By hand, smooth idf = ln((1+3)/(1+df)) + 1:
//
//	t0: ln(4/4)+1 = 1
//	t1: ln(4/3)+1 = 1.287682072451781
//	t2, t3: ln(4/2)+1 = 1.693147180559945
//
// doc0 = (2·1, 1·1.287682) / √(4 + 1.658125) = (2, 1.287682)/2.378682
//
//	= (0.840802, 0.541343)
//
// doc1 = (1, 1.693147)/√(1 + 2.866747) = (0.508542, 0.861037)
// doc2 = (1, 1.287682, 3·1.693147)/√(1 + 1.658125 + 25.800735)
//
//	= (1, 1.287682, 5.079442)/5.334685 = (0.187453, 0.241379, 0.952154)
//
// Oracle for all cases below: scikit-learn 1.2.1 TfidfTransformer /
// TfidfVectorizer (Debian python3-sklearn) on the same counts, which agrees
// with the hand values above to 6 digits.
var tfidfFixture = [][]float64{
	{2, 1, 0, 0},
	{1, 0, 1, 0},
	{1, 1, 0, 3},
}

func TestTFIDF(t *testing.T) {
	tests := []struct {
		name string
		t    TFIDF
		idf  []float64
		kept []int
		want [][]float64
		tol  float64
	}{
		{
			name: "default smooth l2",
			idf:  []float64{1, 1.2876820724517808, 1.6931471805599454, 1.6931471805599454},
			kept: []int{0, 1, 2, 3},
			want: [][]float64{
				{0.8408019731721111, 0.5413428136679054, 0, 0},
				{0.5085423203783267, 0, 0.8610369959439764, 0},
				{0.18745253385476393, 0.24137926728044, 0, 0.9521541875550338},
			},
			tol: 1e-12,
		},
		{
			name: "sublinear",
			t:    TFIDF{Sublinear: true},
			idf:  []float64{1, 1.2876820724517808, 1.6931471805599454, 1.6931471805599454},
			kept: []int{0, 1, 2, 3},
			want: [][]float64{
				{0.79596054, 0.60534851, 0, 0},
				{0.50854232, 0, 0.861037, 0},
				{0.25579063, 0.32937701, 0, 0.9088905},
			},
			tol: 1e-8,
		},
		{
			name: "no smooth",
			t:    TFIDF{NoSmooth: true},
			idf:  []float64{1, 1.40546511, 2.09861229, 2.09861229},
			kept: []int{0, 1, 2, 3},
			want: [][]float64{
				{0.81818021, 0.57496187, 0, 0},
				{0.43016528, 0, 0.90275015, 0},
				{0.15318967, 0.21530274, 0, 0.96445718},
			},
			tol: 1e-8,
		},
		{
			name: "norm none",
			t:    TFIDF{Norm: "none"},
			idf:  []float64{1, 1.28768207, 1.69314718, 1.69314718},
			kept: []int{0, 1, 2, 3},
			want: [][]float64{
				{2, 1.28768207, 0, 0},
				{1, 0, 1.69314718, 0},
				{1, 1.28768207, 0, 5.07944154},
			},
			tol: 1e-8,
		},
		{
			name: "norm l1",
			t:    TFIDF{Norm: "l1"},
			idf:  []float64{1, 1.28768207, 1.69314718, 1.69314718},
			kept: []int{0, 1, 2, 3},
			want: [][]float64{
				{0.60833133, 0.39166867, 0, 0},
				{0.37131279, 0, 0.62868721, 0},
				{0.13573819, 0.17478763, 0, 0.68947418},
			},
			tol: 1e-8,
		},
		{
			name: "min_df 2 absolute",
			t:    TFIDF{MinDF: 2},
			idf:  []float64{1, 1.2876820724517808},
			kept: []int{0, 1},
			want: [][]float64{
				{0.8408019731721111, 0.5413428136679054},
				{1, 0},
				{0.6133555370249717, 0.7898069290660905},
			},
			tol: 1e-12,
		},
		{
			name: "min_df 0.5 proportion (1.5 docs)",
			t:    TFIDF{MinDF: 0.5},
			idf:  []float64{1, 1.2876820724517808},
			kept: []int{0, 1},
			want: [][]float64{
				{0.8408019731721111, 0.5413428136679054},
				{1, 0},
				{0.6133555370249717, 0.7898069290660905},
			},
			tol: 1e-12,
		},
		{
			name: "max_df 2 absolute",
			t:    TFIDF{MaxDF: 2},
			idf:  []float64{1.2876820724517808, 1.6931471805599454, 1.6931471805599454},
			kept: []int{1, 2, 3},
			want: [][]float64{
				{1, 0, 0},
				{0, 1, 0},
				{0.24573525337873806, 0, 0.9693369822960886},
			},
			tol: 1e-12,
		},
		{
			name: "max_df 0.7 proportion (2.1 docs)",
			t:    TFIDF{MaxDF: 0.7},
			idf:  []float64{1.2876820724517808, 1.6931471805599454, 1.6931471805599454},
			kept: []int{1, 2, 3},
			want: [][]float64{
				{1, 0, 0},
				{0, 1, 0},
				{0.24573525337873806, 0, 0.9693369822960886},
			},
			tol: 1e-12,
		},
		{
			name: "min_df 2 sublinear no smooth",
			t:    TFIDF{MinDF: 2, Sublinear: true, NoSmooth: true},
			idf:  []float64{1, 1.4054651081081644},
			kept: []int{0, 1},
			want: [][]float64{
				{0.7694470729725092, 0.6387105775654869},
				{1, 0},
				{0.5797386715376657, 0.8148024746671689},
			},
			tol: 1e-12,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.t.FitTransform(sparse.FromDense(tfidfFixture))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tt.t.Kept, tt.kept) {
				t.Errorf("Kept = %v, want %v", tt.t.Kept, tt.kept)
			}
			if !testkit.CloseSlice(tt.t.IDF, tt.idf, tt.tol) {
				t.Errorf("IDF = %.17g, want %.17g", tt.t.IDF, tt.idf)
			}
			if d := got.Dense(); !testkit.CloseMatrix(d, tt.want, tt.tol) {
				t.Errorf("weights:%s\nwant:%s", testkit.FmtMatrix(d), testkit.FmtMatrix(tt.want))
			}
		})
	}
}

// TestTFIDFZeroRow: an all-zero document counts in n but stays all-zero.
// Oracle: scikit-learn 1.2.1 TfidfTransformer on the fixture plus a zero
// row (idf t0 = ln(5/4)+1 = 1.2231435513142097).
func TestTFIDFZeroRow(t *testing.T) {
	counts := sparse.FromDense(append(slices.Clone(tfidfFixture), []float64{0, 0, 0, 0}))
	var tf TFIDF
	got, err := tf.FitTransform(counts)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{
		{0.8508160982744233, 0.5254635733493682, 0, 0},
		{0.5380289691033573, 0, 0.8429263481500496, 0},
		{0.2015520174724721, 0.24895683927856221, 0, 0.9473105490963374},
		{0, 0, 0, 0},
	}
	if d := got.Dense(); !testkit.CloseMatrix(d, want, 1e-12) {
		t.Errorf("weights:%s\nwant:%s", testkit.FmtMatrix(d), testkit.FmtMatrix(want))
	}
	if !testkit.CloseSlice(tf.IDF, []float64{1.2231435513142097, 1.5108256237659907, 1.916290731874155, 1.916290731874155}, 1e-12) {
		t.Errorf("IDF = %v", tf.IDF)
	}
}

func TestTFIDFDropsUnseenColumns(t *testing.T) {
	// Column 1 never occurs: it is dropped even with the default MinDF.
	var tf TFIDF
	got, err := tf.FitTransform(sparse.FromDense([][]float64{{1, 0, 2}, {3, 0, 0}}))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tf.Kept, []int{0, 2}) || got.Cols != 2 {
		t.Errorf("Kept = %v, cols %d; want [0 2], 2", tf.Kept, got.Cols)
	}
}

func TestTFIDFTransformNew(t *testing.T) {
	// Fit on the fixture, project a new document t1×2 t3×1: weights
	// (2·1.287682, 1.693147) / √(6.632500 + 2.866747) = (0.835592, 0.549351)
	// by hand; scikit-learn 1.2.1 gives 0.8355915419449176, 0.5493512310263033.
	var tf TFIDF
	if err := tf.Fit(sparse.FromDense(tfidfFixture)); err != nil {
		t.Fatal(err)
	}
	got, err := tf.Transform(sparse.FromDense([][]float64{{0, 2, 0, 1}}))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{0, 0.8355915419449176, 0, 0.5493512310263033}}
	if d := got.Dense(); !testkit.CloseMatrix(d, want, 1e-12) {
		t.Errorf("weights:%s\nwant:%s", testkit.FmtMatrix(d), testkit.FmtMatrix(want))
	}
}

func TestTFIDFErrors(t *testing.T) {
	fixture := sparse.FromDense(tfidfFixture)
	tests := []struct {
		name   string
		t      TFIDF
		counts *sparse.CSR
		is     error // errors.Is target, or nil for any error
	}{
		{"min_df above max_df", TFIDF{MinDF: 3, MaxDF: 2}, fixture, nil},
		{"min_df proportion above max_df", TFIDF{MinDF: 0.9, MaxDF: 0.5}, fixture, nil},
		{"nothing survives", TFIDF{MinDF: 4}, fixture, ErrEmptyVocabulary},
		{"all zero", TFIDF{}, sparse.FromDense([][]float64{{0, 0}, {0, 0}}), ErrEmptyVocabulary},
		{"no rows", TFIDF{}, sparse.FromDense(nil), ErrEmptyVocabulary},
		{"bad norm", TFIDF{Norm: "l3"}, fixture, nil},
		{"negative min_df", TFIDF{MinDF: -1}, fixture, nil},
		{"negative count", TFIDF{}, sparse.FromDense([][]float64{{1, -1}}), nil},
		{"malformed", TFIDF{}, &sparse.CSR{Rows: 1, Cols: 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.t.Fit(tt.counts)
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("Fit error = %v, want one wrapping %v", err, tt.is)
			}
		})
	}
	var unfitted TFIDF
	if _, err := unfitted.Transform(fixture); err == nil {
		t.Error("Transform before Fit: no error")
	}
	var tf TFIDF
	if err := tf.Fit(fixture); err != nil {
		t.Fatal(err)
	}
	if _, err := tf.Transform(sparse.FromDense([][]float64{{1, 2}})); err == nil {
		t.Error("Transform with 2 columns after fitting 4: no error")
	}
}

func ExampleTFIDF_FitTransform() {
	counts := sparse.FromDense([][]float64{
		{2, 1, 0},
		{1, 0, 1},
		{0, 0, 0},
	})
	var tf TFIDF // scikit-learn defaults: smooth idf, l2 rows
	w, err := tf.FitTransform(counts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("kept %v idf %.4f\n", tf.Kept, tf.IDF)
	for i := range w.Rows {
		ind, val := w.Row(i)
		fmt.Printf("row %d: %v %.4f\n", i, ind, val)
	}
	// Output:
	// kept [0 1 2] idf [1.2877 1.6931 1.6931]
	// row 0: [0 1] [0.8356 0.5494]
	// row 1: [0 2] [0.6053 0.7960]
	// row 2: [] []
}

func BenchmarkTFIDF(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			counts := testkit.RandomCSR(rows, 20000, 500, 3)
			b.SetBytes(int64(counts.NNZ()) * 16)
			for b.Loop() {
				var tf TFIDF
				w, err := tf.FitTransform(counts)
				if err != nil || w.Rows != rows || w.NNZ() != counts.NNZ() {
					b.Fatalf("FitTransform: %v", err)
				}
			}
		})
	}
}

// TestTransformAllShares checks Transform's path for a matrix whose every
// column is kept: the same weights as the general path, to the bit, with
// the counts' column indices and row pointers shared, not copied; and
// the general path when columns are dropped.
func TestTransformAllShares(t *testing.T) {
	b := sparse.NewCSRBuilder(5)
	b.AddRow([]int{0, 2, 4}, []float64{3, 1, 2})
	b.AddRow([]int{1, 2}, []float64{1, 7})
	b.AddRow([]int{0, 3, 4}, []float64{2, 2, 9})
	b.AddRow(nil, nil)
	counts := b.Build()
	for _, tf := range []TFIDF{{}, {Sublinear: true}, {Norm: "l1"}} {
		if err := tf.Fit(counts); err != nil {
			t.Fatal(err)
		}
		got, err := tf.Transform(counts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := tf.transformSelect(counts)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Indptr, want.Indptr) || !slices.Equal(got.Ind, want.Ind) || !slices.Equal(got.Val, want.Val) {
			t.Errorf("%+v: Transform %v, the general path %v", tf, got, want)
		}
		if &got.Ind[0] != &counts.Ind[0] || &got.Indptr[0] != &counts.Indptr[0] {
			t.Errorf("%+v: the weights copy the counts' structure", tf)
		}
	}
	// Columns dropped (min-df 2 keeps 0, 2 and 4): the general path, its
	// own structure.
	tf := TFIDF{MinDF: 2}
	if err := tf.Fit(counts); err != nil {
		t.Fatal(err)
	}
	got, err := tf.Transform(counts)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cols != 3 || &got.Ind[0] == &counts.Ind[0] {
		t.Errorf("min-df 2: %v shares the counts' structure or keeps %d columns", got, got.Cols)
	}
}
