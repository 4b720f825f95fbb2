package htmlreport

import (
	"math"
	"strconv"
)

// chart geometry, in SVG user units (the SVG scales to its box).
type frame struct {
	w, h, left, right, top, bottom float64
}

func (fr frame) plotW() float64 { return fr.w - fr.left - fr.right }
func (fr frame) plotH() float64 { return fr.h - fr.top - fr.bottom }

// yGrid draws a grid line across the plot and a label at each tick of the
// y axis.
func yGrid(w *writer, fr frame, ticks []float64, ypos func(float64) float64) {
	for _, t := range ticks {
		y := ypos(t)
		w.printf("<line class=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", gridClass(t), num(fr.left), num(y), num(fr.w-fr.right), num(y))
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" dy=\"0.32em\">%s</text>", num(fr.left-6), num(y), tickLabel(t, ticks))
	}
}

// axisTitles writes the x axis title under the plot and the y axis title
// along its left side.
func axisTitles(w *writer, fr frame, x, y string) {
	w.printf("<text class=\"alabel\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(fr.left+fr.plotW()/2), num(fr.h-6), esc(x))
	w.printf("<text class=\"alabel\" transform=\"translate(14 %s) rotate(-90)\" text-anchor=\"middle\">%s</text>", num(fr.top+fr.plotH()/2), esc(y))
}

// gridClass marks the zero lines: the centre of a projection.
func gridClass(t float64) string {
	if t == 0 {
		return "zero"
	}
	return "grid"
}

// extent returns the smallest and the largest of xs; 0 and 1 when xs is
// empty.
func extent(xs []float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 1
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// niceTicks returns about n round ticks from 0 covering max, and the top
// tick.
func niceTicks(max float64, n int) ([]float64, float64) {
	if max <= 0 || math.IsNaN(max) {
		max = 1
	}
	ticks, _, top := rangeTicks(0, max, n)
	return ticks, top
}

// rangeTicks returns about n round ticks covering [lo, hi] (lo < hi), a
// multiple of the step 1, 2, 2.5 or 5 × 10^k apart, and the first and last.
func rangeTicks(lo, hi float64, n int) (ticks []float64, first, last float64) {
	step := niceStep((hi - lo) / float64(n))
	start := math.Floor(lo/step+1e-9) * step
	for i := 0; ; i++ {
		t := start + float64(i)*step
		if math.Abs(t) < step*1e-9 {
			t = 0 // not -0 nor 1e-17
		}
		ticks = append(ticks, t)
		if t >= hi-step*1e-9 {
			break
		}
	}
	return ticks, ticks[0], ticks[len(ticks)-1]
}

// niceStep rounds x up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel writes t with as many decimals as the ticks' step needs.
func tickLabel(t float64, ticks []float64) string {
	dec := 0
	if len(ticks) > 1 {
		step := ticks[1] - ticks[0]
		for dec < 6 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-9 {
			dec++
		}
	}
	return strconv.FormatFloat(t, 'f', dec, 64)
}

// xTicks returns round, whole-number ticks in [lo, hi], about one per 70
// units of width.
func xTicks(lo, hi, width float64) []float64 {
	if hi <= lo {
		return []float64{lo}
	}
	step := math.Max(1, niceStep((hi-lo)/math.Max(1, math.Floor(width/70))))
	if step == 2.5 { // years: no ticks between whole numbers
		step = 5
	}
	var ticks []float64
	for t := math.Ceil(lo/step) * step; t <= hi+1e-9; t += step {
		ticks = append(ticks, t)
	}
	return ticks
}
