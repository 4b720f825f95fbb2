package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/targets"
)

func newTargetsCmd(g *globals) *cobra.Command {
	var in load.Input
	var indFiles []string
	var headline bool
	var kinds string
	cmd := &cobra.Command{
		Use:   "targets PATH...",
		Short: "Numeric targets of each report's plan: GDP growth, jobs, prices …",
		Long: `Read the numeric targets each report sets in its plan part (工作安排 …): an
indicator of the built-in list (地区生产总值/国内生产总值/GDP, 一般公共预算收入,
固定资产投资, 社会消费品零售总额, 城镇/农村居民人均可支配收入, 城镇新增就业,
城镇调查失业率, 居民消费价格, 单位GDP能耗, 粮食产量, 进出口总额, 规上工业增加值 …;
--indicators FILE adds yours: one a line, canonical | alias | alias) followed
by a value. A report without a plan section is read whole.

One row per target: doc, region, level, year, [manifest extra columns],
section (the part read: plan, or all when the report has no plan section),
indicator (canonical name), text (as written), value (the midpoint of a
range), low, high, unit (%, 个百分点, 亿元, 万人, 万吨 …; 百分之八 is 8 %),
direction (growth: 增长 提高 涨幅 …; reduction: 下降 降低 …; level: 达到 控制在
or a bare value; the column was called kind before tifa 0.2), kind (target:
set for the coming year; plan_period: set for several years — 年均, 期间,
到2025年, or in a chapter on a five-year plan such as 二、“十四五”时期主要目标
任务; result: reached — its sentence speaks of the past: 去年, 过去五年, an
earlier year, 从4.16万亿元增加到5.67万亿元, 累计, 预计, or its paragraph does, or
it is compared with last year, 比上年增长12.5%, with no word of a target),
qualifier (力争 不低于 控制在 … 区间 左右 以上 以内 … 同步, joined by "; "),
multi_year (1 for a value over several years), sentence (cut to about 80
characters around the target).

--kind chooses the kinds listed: target,plan_period (default), result, or
all; with --section review every value is a result.

--headline: one row per report with its GDP growth target only (the first
value after 地区生产总值/国内生产总值/经济增长 … in %, in a sentence that marks it
a target: 目标 预期 计划 …, or qualified: 左右 以上; a plain result like
国内生产总值增长6.6% never counts), empty when the report states none. When the
plan part states none the whole text is read (section says all).
--section review reads the results of the past year instead.`,
		Example: "  tifa targets reports/ -f csv -o targets.csv\n  tifa targets ../shared/corpus/national --headline",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, err := in.Part()
			if err != nil {
				return err
			}
			finder, err := targetFinder(indFiles)
			if err != nil {
				return err
			}
			keep, err := targets.ParseKinds(kinds)
			if err != nil {
				return fmt.Errorf("flag --kind: %w", err)
			}
			if part == reports.PartReview && !keep[targets.KindResult] && !cmd.Flags().Changed("kind") {
				keep[targets.KindResult] = true // the review holds results only
			}
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			var rows [][]any
			none := load.Tally{What: "state no target"}
			whole := load.Tally{What: "have no " + part.String() + " section: their whole text was read"}
			if headline {
				none.What = "state no GDP growth target"
			}
			n := 0
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error {
				n++
				r, found, readWhole := tabulate.TargetRows(finder, d, src.ExtraColumns(), part, headline, keep)
				rows = append(rows, r...)
				if readWhole {
					whole.Add(d.ID, "no "+part.String()+" heading found")
				}
				if !found && headline {
					none.Add(d.ID, "no GDP growth target found")
				} else if !found {
					none.Add(d.ID, "no target found")
				}
				return nil
			})
			if err != nil {
				return err
			}
			g.warnAll(whole.Warning(n))
			if none.N > 0 {
				g.warnf("%d of %d documents %s (first: %s)", none.N, n, none.What, none.First)
			}
			return g.emit(tabulate.Targets(src.ExtraColumns(), headline, rows))
		},
	}
	addInputFlags(cmd, &in, false)
	f := cmd.Flags()
	in.Section = "plan" // targets are read from the plan unless told otherwise
	sec := f.Lookup("section")
	sec.DefValue, sec.Usage = "plan", "text read: plan (工作安排; the whole text when a report has none), review or all"
	f.StringArrayVar(&indFiles, "indicators", nil, "more indicators from FILE (one a line: canonical | alias | alias); repeatable")
	f.BoolVar(&headline, "headline", false, "one row per report: its GDP growth target only")
	f.StringVar(&kinds, "kind", targets.KindTarget+","+targets.KindPlanPeriod, "the kinds of value listed: target, plan_period, result, comma-separated, or all")
	return cmd
}

// targetFinder builds the finder of the built-in indicators and those of
// the --indicators files.
func targetFinder(files []string) (*targets.Finder, error) {
	sets := [][]targets.Indicator{targets.DefaultIndicators()}
	for _, path := range files {
		data, err := load.ReadList("--indicators", path)
		if err != nil {
			return nil, err
		}
		inds, err := targets.ParseIndicators(path, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		sets = append(sets, inds)
	}
	return targets.NewFinder(sets...)
}
