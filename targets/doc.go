// Package targets reads the numeric targets a government sets itself in
// its report: 地区生产总值增长6.5%左右, 城镇新增就业10万人以上, 居民消费价格涨幅
// 控制在3%左右 — the indicator, the value or range, its unit, whether it is a
// growth, a reduction or a level, and the qualifiers (力争, 不低于, 左右,
// 以上 …) that soften or harden it.
//
// A Finder knows a list of indicators, each a canonical name and the other
// forms that name it (DefaultIndicators is the built-in list, in
// indicators.txt; ParseIndicators reads a user's). Find reads the targets
// of one part of a report — the plan, where targets are set — and
// Headline picks the report's growth target for GDP in the coming year,
// never a plain result such as 国内生产总值增长6.6%. Chinese numerals are read
// (百分之八 is 8 %), and five-year or average targets (年均, 期间, 到2025年,
// or in a chapter on a five-year plan) are marked MultiYear.
//
// Each value has a Kind: a target for the coming year, a plan-period target,
// or a result — a value its sentence or paragraph reports as reached (去年,
// 过去五年, an earlier year or five-year plan, 从…增加到, 累计, 比上年 with no
// word of a target). The evidence and its limits are in classify's comment.
//
// Every Target keeps its byte span in the text and its sentence, so each
// number can be checked against the report.
package targets
