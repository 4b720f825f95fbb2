package chart

import (
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Merge is one step of a hierarchical clustering in the convention of
// scipy.cluster.hierarchy.linkage: ids below n (the number of labels) are
// the leaves, id n+i is the cluster made by merge i; A and B are joined at
// Height.
type Merge struct {
	A, B   int
	Height float64
}

// Dendrogram draws a hierarchical clustering lying on its side: leaves are
// rows labelled on the left, in the order of the tree (merge A's leaves
// above merge B's, as scipy orders them), and the merge height runs left to
// right along the X axis, labelled HeightLabel.
type Dendrogram struct {
	Title       string
	Labels      []string
	Merges      []Merge
	HeightLabel string
}

// check returns an error unless Merges is a tree over all the labels: n−1
// merges, each joining two existing, not yet merged clusters at a finite
// height not below 0.
func (c *Dendrogram) check() error {
	n := len(c.Labels)
	if n == 0 {
		return fmt.Errorf("dendrogram %q: no leaves: %w", c.Title, errEmpty)
	}
	if len(c.Merges) != n-1 {
		return fmt.Errorf("dendrogram %q: %d merges for %d leaves; want %d", c.Title, len(c.Merges), n, n-1)
	}
	used := make([]bool, 2*n-1)
	for i, m := range c.Merges {
		for _, id := range []int{m.A, m.B} {
			if id < 0 || id >= n+i {
				return fmt.Errorf("dendrogram %q: merge %d joins cluster %d, which does not exist yet (ids 0..%d)", c.Title, i, id, n+i-1)
			}
			if used[id] {
				return fmt.Errorf("dendrogram %q: merge %d joins cluster %d, already merged", c.Title, i, id)
			}
			used[id] = true
		}
		if m.A == m.B {
			return fmt.Errorf("dendrogram %q: merge %d joins cluster %d with itself", c.Title, i, m.A)
		}
		if !finite(m.Height) || m.Height < 0 {
			return fmt.Errorf("dendrogram %q: merge %d has height %v; want a finite number ≥ 0", c.Title, i, m.Height)
		}
	}
	return nil
}

// Draw writes the dendrogram to w as format ("png", "svg" or "pdf") in
// font f. The figure is 20 cm wide and 0.45 cm tall per leaf (12 cm at
// least); beyond 60 leaves the labels shrink to 7 pt on 0.3 cm rows.
func (c *Dendrogram) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

// pitch returns the row height per leaf and the label size.
func (c *Dendrogram) pitch() (vg.Length, vg.Length) {
	if len(c.Labels) > 60 {
		return cm(0.3), vg.Points(7)
	}
	return cm(0.45), vg.Points(tickSize)
}

// size returns 20 cm by the leaves' rows plus room for title and axis.
func (c *Dendrogram) size(*theme) (vg.Length, vg.Length) {
	row, _ := c.pitch()
	return cm(20), max(cm(12), row*vg.Length(len(c.Labels))+cm(3))
}

// tree returns the leaves in drawing order and, for every cluster id, its
// row position (leaves 0, 1, …; a merge halfway between its two parts) and
// height.
func (c *Dendrogram) tree() (order []int, pos, height []float64) {
	n := len(c.Labels)
	pos = make([]float64, 2*n-1)
	height = make([]float64, 2*n-1)
	var walk func(id int)
	walk = func(id int) {
		if id < n {
			pos[id] = float64(len(order))
			order = append(order, id)
			return
		}
		m := c.Merges[id-n]
		walk(m.A)
		walk(m.B)
		pos[id] = (pos[m.A] + pos[m.B]) / 2
		height[id] = m.Height
	}
	walk(2*n - 2)
	return order, pos, height
}

// paint draws the dendrogram into dc.
func (c *Dendrogram) paint(dc draw.Canvas, th *theme) error {
	n := len(c.Labels)
	order, pos, height := c.tree()
	_, labelSize := c.pitch()
	p := th.newPlot(c.Title, c.HeightLabel, "")
	th.use(&p.Y.Tick.Label, labelSize)
	names := make([]string, n)
	for row, leaf := range order {
		names[n-1-row] = c.Labels[leaf] // first leaf at the top
	}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	top := 0.0
	for _, m := range c.Merges {
		top = math.Max(top, m.Height)
	}
	if top == 0 {
		top = 1
	}
	p.X.Min, p.X.Max = 0, top*1.03
	grid := gridLines()
	grid.Horizontal.Color = nil
	p.Add(grid)
	p.Add(&links{c: c, n: n, pos: pos, height: height})
	p.Draw(pad(dc))
	return nil
}

// links draws the merges of a dendrogram as brackets: for merge i at height
// h, a vertical line at h joining its two parts and a horizontal line from
// each part's own height to h.
type links struct {
	c           *Dendrogram
	n           int
	pos, height []float64
}

// Plot implements plot.Plotter.
func (l *links) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	ls := draw.LineStyle{Color: palette[0], Width: vg.Points(1.1)}
	row := func(id int) vg.Length { return trY(float64(l.n-1) - l.pos[id]) }
	for i, m := range l.c.Merges {
		h := trX(m.Height)
		ya, yb := row(m.A), row(m.B)
		c.StrokeLines(ls, []vg.Point{
			{X: trX(l.height[m.A]), Y: ya}, {X: h, Y: ya}, {X: h, Y: yb}, {X: trX(l.height[m.B]), Y: yb},
		})
		if i == len(l.c.Merges)-1 { // a stub to the right marks the root
			c.StrokeLine2(ls, h, row(l.n+i), h+vg.Points(6), row(l.n+i))
		}
	}
}
