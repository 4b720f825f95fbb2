package targets

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

// TestFindKind: what each value is — a target for the coming year, a
// plan-period target or a result — read in the plan part of a report of
// 2021 (the sentences are those of real reports, shortened).
func TestFindKind(t *testing.T) {
	cases := []struct {
		name, plan string
		want       []string // indicator value kind, in order
	}{
		{"stated target", "今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上。",
			[]string{"地区生产总值 6 target", "城镇新增就业 1100 target"}},
		{"compared with last year, no target word", "国内生产总值比上年增长2.3%，城镇新增就业1186万人。",
			[]string{"地区生产总值 2.3 result", "城镇新增就业 1186 result"}},
		{"compared with last year, planned", "国家计划要求今年的国民生产总值比上年增长百分之五。", []string{"地区生产总值 5 target"}},
		{"from one value to another", "全市生产总值从4.16万亿元增加到5.67万亿元。",
			[]string{"地区生产总值 4.16 result", "地区生产总值 5.67 result"}},
		{"last year", "去年居民消费价格涨幅回落到2.6%，这是控制通货膨胀取得的重要成果。", []string{"居民消费价格 2.6 result"}},
		{"an earlier year", "2019年国内生产总值增长6.1%。", []string{"地区生产总值 6.1 result"}},
		{"a paragraph on the past five years", "过去五年，经济运行总体平稳。人民生活水平显著提高，城镇新增就业超过6000万人。",
			[]string{"城镇新增就业 6000 result"}},
		{"a qualifier only targets have", "货币发行与去年大体持平，零售物价上涨幅度控制在百分之六以内。", []string{"居民消费价格 6 target"}},
		{"net of price rises", "农民人均纯收入扣除物价上涨因素，平均每年增长8.6%。", nil},
		{"multi-year average", "今后五年国内生产总值年均增长7.5%。", []string{"地区生产总值 7.5 plan_period"}},
		{"a later year", "2025年国内生产总值将超过100万亿元。", []string{"地区生产总值 100 plan_period"}},
		{"a five-year plan not over", "“十四五”时期，居民人均可支配收入增长与国内生产总值增长基本同步。", []string{"城乡居民人均可支配收入 0 plan_period"}},
		{"a five-year plan over", "“十三五”时期，全县地区生产总值增长6.6%。", []string{"地区生产总值 6.6 result"}},
		{"second subject of a pair is no indicator", "单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。",
			[]string{"单位GDP能耗 13.5 plan_period"}},
		{"chapter on the five-year plan", "二、“十四五”时期主要目标任务\n城镇调查失业率控制在5.5%以内。\n三、2021年重点工作\n城镇调查失业率5.5%左右。",
			[]string{"城镇调查失业率 5.5 plan_period", "城镇调查失业率 5.5 target"}},
		{"a year cut short in a heading", "二、今后五年政府工作的主要任务\n今后五年，国内生产总值年均增长12%。\n三、二三年的工作重点\n主要预期目标为：\n国内生产总值增长13.5%；",
			[]string{"地区生产总值 12 plan_period", "地区生产总值 13.5 target"}},
		{"heading naming the plan and the year", "二、“十四五”时期主要目标和2021年工作安排\n2021年主要预期目标是：地区生产总值增长7.5%左右。",
			[]string{"地区生产总值 7.5 target"}},
	}
	f := defaultFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := sectioned("一、2020年工作回顾\n", c.plan)
			d.Meta.Year = 2021
			if c.name == "second subject of a pair is no indicator" {
				d.Text = "二、“十四五”时期主要目标任务\n" + c.plan // in its chapter, as in 2021
				d.Sections = []reports.Section{{Part: reports.PartPlan, Start: 0, End: len(d.Text)}}
			}
			var got []string
			for _, x := range f.Find(d, reports.PartPlan).Targets {
				got = append(got, fmt.Sprintf("%s %g %s", x.Indicator, x.Value, x.Kind))
			}
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("%q\n got %q\nwant %q", c.plan, got, c.want)
			}
		})
	}
}

// TestReviewIsResults: every value of the review part is a result, and a
// headline is never a result.
func TestReviewIsResults(t *testing.T) {
	f := defaultFinder(t)
	d := sectioned("一、工作回顾\n主要预期目标是：地区生产总值增长7%左右，实际增长7.1%。\n", "二、工作安排\n扩大内需。\n")
	for _, x := range f.Find(d, reports.PartReview).Targets {
		if x.Kind != KindResult {
			t.Errorf("review: %q is %s, want result", x.Text, x.Kind)
		}
	}
	if h, ok := HeadlineTarget([]Target{{Indicator: HeadlineIndicator, Direction: DirGrowth, Unit: "%", HasValue: true, Value: 7, score: 3, Kind: KindResult}}); ok {
		t.Errorf("a result is a headline: %+v", h)
	}
}

func TestParseKinds(t *testing.T) {
	for in, want := range map[string]string{"target": "target", "target,plan_period": "plan_period target", "all": "plan_period result target", " result ": "result"} {
		set, err := ParseKinds(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var got []string
		for _, k := range []string{"plan_period", "result", "target"} {
			if set[k] {
				got = append(got, k)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: %v, want %s", in, got, want)
		}
	}
	if _, err := ParseKinds("targets"); err == nil || !strings.Contains(err.Error(), "want target, plan_period, result or all") {
		t.Errorf("targets: %v", err)
	}
}

func TestPlanStart(t *testing.T) {
	for k, want := range map[int]int{1: 1953, 2: 1958, 3: 1966, 6: 1981, 9: 1996, 10: 2001, 13: 2016, 14: 2021, 15: 2026} {
		if got := planStart(k); got != want {
			t.Errorf("planStart(%d) = %d, want %d", k, got, want)
		}
	}
}
