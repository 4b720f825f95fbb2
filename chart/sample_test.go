package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Synthetic but realistic inputs: the sizes and label lengths of tifa's
// real outputs (slogans over 1990–2025, provinces and cities, 383 reports in
// 8 clusters), with values drawn from a seeded generator.

var sampleSlogans = []string{
	"乡村振兴", "高质量发展", "供给侧结构性改革", "放管服改革", "六稳六保",
	"大众创业万众创新", "最多跑一次改革", "五水共治", "精准扶贫精准脱贫", "共同富裕示范区建设",
	"新型城镇化", "一带一路", "生态文明建设", "营商环境", "数字经济",
}

var sampleRegions = []string{
	"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
	"上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省",
	"湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省",
	"云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
	"杭州市", "宁波市", "温州市", "保定市", "石家庄市", "成都市", "武汉市", "深圳市", "苏州市",
}

// sampleLines returns n slogan series over 1990–2025 with long names; each
// slogan appears in some year and then rises, with a few missing years.
func sampleLines(n int) *Lines {
	r := rand.New(rand.NewPCG(1, 2))
	c := &Lines{Title: "提法年度趋势（每万字出现次数）", XLabel: "年份", YLabel: "每万字次数", IntegerX: true}
	for i := range n {
		name := sampleSlogans[i%len(sampleSlogans)]
		if i >= len(sampleSlogans) {
			name = fmt.Sprintf("%s（%d）", name, i)
		}
		start := 1990 + r.IntN(30)
		s := Series{Name: name}
		for year := 1990; year <= 2025; year++ {
			y := 0.0
			if year >= start {
				y = float64(year-start) * (0.1 + r.Float64()*0.3)
			}
			if r.IntN(15) == 0 {
				y = math.NaN()
			}
			s.X = append(s.X, float64(year))
			s.Y = append(s.Y, y)
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// sampleHeatmap returns an n×n similarity matrix of regions, 1 on the
// diagonal, higher within blocks of 5.
func sampleHeatmap(n int) *Heatmap {
	r := rand.New(rand.NewPCG(3, 4))
	c := &Heatmap{Title: "报告相似度（TF-IDF 余弦）", ValueLabel: "余弦相似度", Min: 0, Max: 1}
	for i := range n {
		c.RowLabels = append(c.RowLabels, regionName(i))
	}
	c.ColLabels = c.RowLabels
	c.Values = make([][]float64, n)
	for i := range n {
		c.Values[i] = make([]float64, n)
	}
	for i := range n {
		c.Values[i][i] = 1
		for j := range i {
			v := 0.1 + 0.3*r.Float64()
			if i/5 == j/5 {
				v += 0.4
			}
			c.Values[i][j], c.Values[j][i] = v, v
		}
	}
	return c
}

// regionName returns a distinct region name for i.
func regionName(i int) string {
	if i < len(sampleRegions) {
		return sampleRegions[i]
	}
	return fmt.Sprintf("%s%d", sampleRegions[i%len(sampleRegions)], i/len(sampleRegions))
}

// sampleScatter returns n documents in k clusters on a 2-D map.
func sampleScatter(n, k int) *Scatter {
	r := rand.New(rand.NewPCG(5, 6))
	c := &Scatter{Title: "报告二维分布（按聚类着色）", XLabel: "第一主成分", YLabel: "第二主成分", LabelPoints: true}
	for g := range k {
		c.GroupNames = append(c.GroupNames, fmt.Sprintf("第%d类：%s", g+1, sampleSlogans[g%len(sampleSlogans)]))
	}
	for i := range n {
		g := i % k
		cx, cy := math.Cos(float64(g)*2*math.Pi/float64(k))*3, math.Sin(float64(g)*2*math.Pi/float64(k))*3
		c.Points = append(c.Points, Point{
			X: cx + r.NormFloat64(), Y: cy + r.NormFloat64(), Group: g,
			Label: fmt.Sprintf("%s%d", sampleRegions[i%len(sampleRegions)], 1990+i%36),
		})
	}
	return c
}

// sampleDendrogram returns an average-free single-linkage tree of n random
// points on a line, in scipy's linkage convention.
func sampleDendrogram(n int) *Dendrogram {
	r := rand.New(rand.NewPCG(7, 8))
	c := &Dendrogram{Title: "层次聚类（平均连接）", HeightLabel: "距离（1 − 余弦相似度）"}
	type cluster struct {
		id     int
		lo, hi float64
	}
	var live []cluster
	for i := range n {
		c.Labels = append(c.Labels, fmt.Sprintf("%s %d", regionName(i), 2000+i%25))
		x := r.Float64() * 10
		live = append(live, cluster{i, x, x})
	}
	for m := range n - 1 {
		bi, bj, best := 0, 1, math.Inf(1)
		for i := range live {
			for j := range i {
				d := math.Max(live[i].lo, live[j].lo) - math.Min(live[i].hi, live[j].hi)
				d = math.Abs(d)
				if d < best {
					bi, bj, best = j, i, d
				}
			}
		}
		a, b := live[bi], live[bj]
		c.Merges = append(c.Merges, Merge{A: a.id, B: b.id, Height: float64(m+1) * 0.02})
		live[bi] = cluster{n + m, math.Min(a.lo, b.lo), math.Max(a.hi, b.hi)}
		live = append(live[:bj], live[bj+1:]...)
	}
	return c
}

// sampleBars returns n keyness bars: the first half positive (group A), the
// rest negative (group B), sorted by |G²| within each half as tifa does.
func sampleBars(n int) *Bars {
	terms := []string{"乡村振兴战略", "高质量发展", "数字化改革", "共同富裕", "营商环境优化", "最多跑一次",
		"长三角一体化发展", "五水共治", "美丽乡村建设", "山区26县跨越式高质量发展", "科技创新", "民营经济",
		"放管服", "河长制", "治水", "大湾区", "粤港澳", "制造业", "外贸", "就业优先政策"}
	c := &Bars{Title: "关键词对比（对数似然 G²）", ValueLabel: "G²（正：浙江，负：广东）", GroupNames: []string{"浙江省多用", "广东省多用"}}
	for i := range n {
		v := float64(n-i) * 7.3
		g := 0
		if i >= n/2 {
			v, g = -float64(i-n/2+1)*6.1, 1
		}
		c.Bars = append(c.Bars, Bar{Label: terms[i%len(terms)] + fmt.Sprint(i/len(terms)+1), Value: v, Group: g})
	}
	return c
}
