package scale_test

import (
	"fmt"
	"math"

	"github.com/tifa-project/tifa/scale"
)

func ExampleFitWordfish() {
	// Five documents over four terms: term 0 grows and term 3 shrinks
	// from the first document to the last.
	y, err := scale.NewCounts([][]scale.Cell{
		{{0, 2}, {1, 10}, {2, 10}, {3, 30}},
		{{0, 5}, {1, 10}, {2, 10}, {3, 20}},
		{{0, 10}, {1, 10}, {2, 10}, {3, 10}},
		{{0, 20}, {1, 10}, {2, 10}, {3, 5}},
		{{0, 30}, {1, 10}, {2, 10}, {3, 2}},
	}, 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := scale.FitWordfish(y, scale.WordfishOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	theta := make([]float64, len(w.Theta))
	for i, t := range w.Theta {
		theta[i] = math.Round(t*100)/100 + 0 // + 0: no "-0.00" for the middle one
	}
	fmt.Printf("θ %.2f\n", theta)
	fmt.Printf("β of the growing term %.2f, of the shrinking term %.2f\n", w.Beta[0], w.Beta[3])
	// Output:
	// θ [-1.22 -0.71 0.00 0.71 1.22]
	// β of the growing term 1.00, of the shrinking term -1.00
}

func ExampleFitCA() {
	// Greenacre's smoking data: staff groups × smoking categories.
	y, err := scale.NewCounts([][]scale.Cell{
		{{0, 4}, {1, 2}, {2, 3}, {3, 2}},
		{{0, 4}, {1, 3}, {2, 7}, {3, 4}},
		{{0, 25}, {1, 10}, {2, 12}, {3, 4}},
		{{0, 18}, {1, 24}, {2, 33}, {3, 13}},
		{{0, 10}, {1, 6}, {2, 7}, {3, 2}},
	}, 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	ca, err := scale.FitCA(y, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("inertia %.5f, shares %.3f\n", ca.Inertia, ca.Share)
	for i := range 5 {
		fmt.Printf("row %d: %+.3f\n", i, ca.Row.RawRowView(i))
	}
	// Output:
	// inertia 0.08519, shares [0.878 0.118]
	// row 0: [+0.066 +0.194]
	// row 1: [-0.259 +0.243]
	// row 2: [+0.381 +0.011]
	// row 3: [-0.233 -0.058]
	// row 4: [+0.201 -0.079]
}
