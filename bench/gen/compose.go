package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
)

// newReportRand is the random stream of the i-th report: reports do not
// depend on one another, so the output of a seed is fixed.
func newReportRand(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)))
}

// Report shape.
const (
	minReportBytes = 2000 // a report is never shorter than this
	maxRetries     = 8    // draws tried to avoid repeating a paragraph
)

var (
	reviewHeadings = []string{"一、%d年工作回顾", "一、%d年工作总结", "一、%d年主要工作回顾"}
	planHeadings   = []string{"二、%d年工作安排", "二、%d年主要任务", "二、%d年重点工作"}
	cnDigits       = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// compose writes the report r: its header, the review of year-1 and the
// plan of year, the paragraphs drawn from the pool of r's year until the
// report reaches the size of a real report drawn at random (times
// 0.8..1.25), the review taking 30–50 % of it.
func compose(w *bufio.Writer, c *corpus, r report, rng *rand.Rand) {
	size := int(float64(pick(rng, c.sizes)) * (0.8 + 0.45*rng.Float64()))
	size = max(size, minReportBytes)
	reviewSize := int(float64(size) * (0.3 + 0.2*rng.Float64()))
	n := header(w, r, rng)
	pool := c.pools[r.year]
	used := map[[2]int]bool{}

	n += line(w, fmt.Sprintf(pick(rng, reviewHeadings), r.year-1))
	for n < reviewSize {
		n += line(w, c.draw(rng, pool, false, used))
	}
	n += line(w, fmt.Sprintf(pick(rng, planHeadings), r.year))
	for n < size {
		n += line(w, c.draw(rng, pool, true, used))
	}
}

// header writes the title, the line naming the session, the salutation and
// the opening sentence; a township or street is named with its county (嵩县
// 城关镇2012年政府工作报告, 在嵩县城关镇第十届人民代表大会), as tifa needs to
// tell it from its namesakes. It returns the bytes written.
func header(w *bufio.Writer, r report, rng *rand.Rand) int {
	name := r.reg.county + r.reg.name // a township with its county: 嵩县城关镇
	n := line(w, fmt.Sprintf("%s%d年政府工作报告", name, r.year))
	date := fmt.Sprintf("——%d年%d月%d日", r.year, 1+rng.IntN(3), 1+rng.IntN(28))
	gov := r.reg.name + "人民政府"
	if r.reg.level == levelStreet {
		n += line(w, date+"在"+name+"居民代表会议上")
		gov = r.reg.name + "办事处"
	} else {
		term := cnNumber(8 + (r.year-1998)/5 + rng.IntN(3))
		n += line(w, fmt.Sprintf("%s在%s第%s届人民代表大会第%s次会议上", date, name, term, cnNumber(1+rng.IntN(5))))
	}
	n += line(w, "各位代表：")
	n += line(w, "现在，我代表"+gov+"，向大会报告政府工作，请予审议。")
	return n
}

// line writes s and a newline, returning the bytes written.
func line(w *bufio.Writer, s string) int {
	w.WriteString(s)
	w.WriteByte('\n')
	return len(s) + 1
}

// cnNumber writes 1..99 in Chinese numerals: 8 八, 10 十, 14 十四, 21 二十一.
func cnNumber(k int) string {
	switch {
	case k <= 10:
		return cnDigits[k-1]
	case k < 20:
		return "十" + cnDigits[k-11]
	case k%10 == 0:
		return cnDigits[k/10-1] + "十"
	}
	return cnDigits[k/10-1] + "十" + cnDigits[k%10-1]
}

// draw returns a paragraph of a review (plan false) or plan part of a
// report of pool, avoiding one already in used when maxRetries draws allow.
func (c *corpus) draw(rng *rand.Rand, pool []int, plan bool, used map[[2]int]bool) string {
	var d, p int
	var paras []string
	key := func() [2]int { // review paragraph p is 2p, plan paragraph p is 2p+1
		if plan {
			return [2]int{d, 2*p + 1}
		}
		return [2]int{d, 2 * p}
	}
	for try := 0; try < maxRetries; try++ {
		d = pick(rng, pool)
		paras = c.docs[d].review
		if plan {
			paras = c.docs[d].plan
		}
		p = rng.IntN(len(paras))
		if !used[key()] {
			break
		}
	}
	used[key()] = true
	return paras[p]
}
